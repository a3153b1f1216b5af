package dev.car.adapters.docker;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The engine's timestamps: RFC 3339 with up to nine fraction digits, in UTC as the engine writes
 * them ({@code 2026-12-04T16:05:01.123456789Z}); its zero time ({@code 0001-01-01T00:00:00Z}) means
 * none. That usual form is read field by field: the first {@link OffsetDateTime#parse} of a process
 * builds the JDK's ISO formatters, which costs a short-lived {@code car exec} about 6 ms. Any other
 * form (an offset, a lower-case {@code t}) goes to {@link OffsetDateTime#parse}.
 */
final class EngineTimes {
    private static final int ZERO_TIME_YEAR = 1;

    private EngineTimes() {
    }

    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String time = text.strip();
        if (!isUtcForm(time)) {
            return parseWithFormatter(time);
        }
        try {
            LocalDate date = LocalDate.of(number(time, 0, 4), number(time, 5, 7), number(time, 8, 10));
            LocalTime clock = LocalTime.of(number(time, 11, 13), number(time, 14, 16), number(time, 17, 19),
                    nanos(time));
            return date.getYear() <= ZERO_TIME_YEAR ? null : date.atTime(clock).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** What the JDK's ISO parser makes of the text; the reference the usual form is held to. */
    static Instant parseWithFormatter(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(text.strip());
            return time.getYear() <= ZERO_TIME_YEAR ? null : time.toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss}, then optionally a dot and one to nine digits, then {@code Z}. */
    private static boolean isUtcForm(String time) {
        int length = time.length();
        if (length < 20 || length > 30 || time.charAt(length - 1) != 'Z') {
            return false;
        }
        String shape = "dddd-dd-ddTdd:dd:dd";
        for (int i = 0; i < shape.length(); i++) {
            char expected = shape.charAt(i);
            char c = time.charAt(i);
            if (expected == 'd' ? c < '0' || c > '9' : c != expected) {
                return false;
            }
        }
        if (length == 20) {
            return true;
        }
        if (time.charAt(19) != '.' || length == 21) {
            return false;
        }
        for (int i = 20; i < length - 1; i++) {
            if (time.charAt(i) < '0' || time.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static int nanos(String time) {
        int digits = time.length() - 21;
        if (digits <= 0) {
            return 0;
        }
        int value = number(time, 20, 20 + digits);
        for (int i = digits; i < 9; i++) {
            value *= 10;
        }
        return value;
    }
}
