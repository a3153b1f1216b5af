package dev.car.adapters.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine's usual UTC form is read field by field; the result must be what the JDK's ISO parser gives. */
class EngineTimesTest {

    @Test
    void usualAndUnusualFormsReadAsTheIsoParserReadsThem() {
        for (String text : List.of("2026-12-04T16:05:01Z", "2026-12-04T16:05:01.5Z", "2026-12-04T16:05:01.000000001Z",
                "2026-12-04T16:05:01.123456789Z", "2026-12-04T16:05:01.1234567890Z", "2026-12-04T16:05:01.Z",
                "2026-02-29T00:00:00Z", "2024-02-29T23:59:59Z", "2026-13-01T00:00:00Z", "2026-12-04T24:00:00Z",
                "2026-12-04T23:59:60Z", "2026-12-04T16:05:01z", "2026-12-04t16:05:01Z", "2026-12-04T16:05:01+02:00",
                "2026-12-04T16:05Z", " 2026-12-04T16:05:01Z ", "0001-01-01T00:00:00Z", "0002-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z", "2026-12-04T16:05:01.12a4Z", "x")) {
            assertEquals(EngineTimes.parseWithFormatter(text), EngineTimes.parse(text), text);
        }
        assertEquals(Instant.parse("2026-12-04T16:05:01.5Z"), EngineTimes.parse("2026-12-04T16:05:01.5Z"));
        assertNull(EngineTimes.parse("0001-01-01T00:00:00Z"));
    }

    @Test
    void randomTimestampsReadAsTheIsoParserReadsThem() {
        Random random = new Random(20261204L);
        int read = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
                    random.nextInt(10_000), random.nextInt(14), random.nextInt(33), random.nextInt(26),
                    random.nextInt(62), random.nextInt(62)));
            int digits = random.nextInt(12);
            if (digits > 0) {
                text.append('.');
                for (int d = 1; d < digits; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            text.append(random.nextInt(20) == 0 ? "+01:00" : "Z");
            String timestamp = text.toString();
            Instant expected = EngineTimes.parseWithFormatter(timestamp);
            assertEquals(expected, EngineTimes.parse(timestamp), timestamp);
            read += expected == null ? 0 : 1;
        }
        int valid = read;
        assertTrue(valid > 5_000, () -> "valid random timestamps: " + valid);
    }
}
