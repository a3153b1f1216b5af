package dev.car.application.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TtlTest {

    @Test
    void parsesSecondsMinutesHoursAndDays() {
        assertEquals(Duration.ofSeconds(30), Ttl.parse("30s"));
        assertEquals(Duration.ofMinutes(15), Ttl.parse("15m"));
        assertEquals(Duration.ofHours(12), Ttl.parse("12h"));
        assertEquals(Duration.ofDays(2), Ttl.parse("2d"));
        assertEquals(Duration.ofHours(1), Ttl.parse(" 1h "));
    }

    @Test
    void theDefaultIsTwelveHours() {
        assertEquals(Duration.ofHours(12), Ttl.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "12", "h", "0s", "0h", "-1h", "+1h", "1.5h", "12x", "1w", "12H", "1h30m",
        "9999999999d", "12 h"})
    void rejectsAnythingElseWithOneLineNamingTheValue(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ttl.parse(text));

        assertEquals("Invalid TTL '" + text + "': expected a positive whole number followed by s, m, h or d "
                + "(for example 30s, 15m, 12h, 2d)", e.getMessage());
    }

    @Test
    void nullIsRejectedLikeAnEmptyValue() {
        assertThrows(IllegalArgumentException.class, () -> Ttl.parse(null));
    }

    @Test
    void formatsTheShortestExactForm() {
        assertEquals("12h", Ttl.format(Duration.ofSeconds(43_200)));
        assertEquals("2d", Ttl.format(Duration.ofDays(2)));
        assertEquals("90m", Ttl.format(Duration.ofMinutes(90)));
        assertEquals("61s", Ttl.format(Duration.ofSeconds(61)));
    }
}
