package dev.car.adapters.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void printsLikePythonJsonDumpsWithIndentTwo() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", List.of(1, 2.5, 3.0));
        value.put("a", null);
        value.put("empty_map", Map.of());
        value.put("empty_list", List.of());
        value.put("flag", false);

        assertEquals("""
                {
                  "b": [
                    1,
                    2.5,
                    3.0
                  ],
                  "a": null,
                  "empty_map": {},
                  "empty_list": [],
                  "flag": false
                }""", Json.pretty(value));
    }

    @Test
    void floatsAreWrittenAsPythonWritesThem() {
        assertEquals("[\n  1e-05,\n  1e+16,\n  -0.0,\n  0.1,\n  NaN,\n  -Infinity\n]",
                Json.pretty(List.of(1e-05, 1e16, -0.0, 0.1, Double.NaN, Double.NEGATIVE_INFINITY)));
    }

    @Test
    void sortsKeysRecursivelyWhenAsked() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("target", "/t");
        inner.put("source", "/s");
        inner.put("read_only", true);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("mounts", new ArrayList<>(List.of(inner)));
        value.put("kind", "docker");

        assertEquals("{\n  \"kind\": \"docker\",\n  \"mounts\": [\n    {\n      \"read_only\": true,\n"
                + "      \"source\": \"/s\",\n      \"target\": \"/t\"\n    }\n  ]\n}", Json.pretty(value, true));
    }

    @Test
    void escapesLikeEnsureAscii() {
        assertEquals("\"caf\\u00e9 \\\"q\\\" \\\\ \\n\\t\\u0001 \\ud83d\\ude00 \u007f\"",
                Json.pretty("café \"q\" \\ \n\t\u0001 \uD83D\uDE00 \u007f"));
    }

    @Test
    void nonStringKeysBecomeStringsAsInPython() {
        Map<Object, Object> value = new LinkedHashMap<>();
        value.put(1, "one");
        value.put(true, "yes");
        value.put(null, "none");

        assertEquals("{\n  \"1\": \"one\",\n  \"true\": \"yes\",\n  \"null\": \"none\"\n}", Json.pretty(value));
        assertEquals("[\n  \"x\"\n]", Json.pretty(Arrays.asList("x")));
    }
}
