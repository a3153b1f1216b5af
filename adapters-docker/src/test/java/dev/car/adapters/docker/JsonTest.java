package dev.car.adapters.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON of the lean client's requests and answers (no engine needed). */
class JsonTest {

    @Test
    void readsWhatTheEngineWrites() {
        Object parsed = Json.parse(" {\"Id\":\"abc\",\"State\":{\"Running\":true,\"ExitCode\":137,\"Pid\":0},"
                + "\"ExecIDs\":null,\"Args\":[\"-f\",\"/dev/null\"],\"Size\":-1.5e3,\"Big\":123456789012345678901,"
                + "\"Labels\":{},\"Empty\":[],\"Text\":\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00 \\u003c\"}\n");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("Id", "abc");
        expected.put("State", Map.of("Running", true, "ExitCode", 137L, "Pid", 0L));
        expected.put("ExecIDs", null);
        expected.put("Args", List.of("-f", "/dev/null"));
        expected.put("Size", -1500.0);
        expected.put("Big", 1.2345678901234568E20);
        expected.put("Labels", Map.of());
        expected.put("Empty", List.of());
        expected.put("Text", "a\"b\\c/d\n\té\ud83d\ude00 <");
        assertEquals(expected, parsed);
    }

    @Test
    void writesWhatParsesBack() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("Cmd", List.of("sh", "-c", "echo \"$X\" \\ done"));
        value.put("Env", List.of("K=v\nw\u0001\u00e9\u4e2d\ud83d\ude00"));
        value.put("Tty", false);
        value.put("Labels", Map.of("a.b", "c"));
        value.put("Nothing", null);
        value.put("Count", 3);
        String json = Json.write(value);
        assertEquals("{\"Cmd\":[\"sh\",\"-c\",\"echo \\\"$X\\\" \\\\ done\"],"
                + "\"Env\":[\"K=v\\u000aw\\u0001\u00e9\u4e2d\ud83d\ude00\"],\"Tty\":false,\"Labels\":{\"a.b\":\"c\"},"
                + "\"Nothing\":null,\"Count\":3}", json);
        value.put("Count", 3L);
        assertEquals(value, Json.parse(json));
    }

    @Test
    void rejectsWhatIsNotJson() {
        for (String text : Arrays.asList("", "{", "{\"a\"}", "{\"a\":1,}", "[1 2]", "tru", "\"open", "\"\\x\"",
                "\"\\u12\"", "-", "1.", "{} {}", "{a:1}", "\"tab\tinside\"")) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(text), text);
        }
    }

    @Test
    void namesWhatWasFoundInsteadOfAnObject() {
        assertEquals("JSON object expected, found an array",
                assertThrows(IllegalArgumentException.class, () -> Json.object(Json.parse("[]"))).getMessage());
        assertEquals("JSON object expected, found null",
                assertThrows(IllegalArgumentException.class, () -> Json.object(null)).getMessage());
        assertNull(Json.parse("null"));
    }
}
