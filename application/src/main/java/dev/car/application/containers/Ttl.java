package dev.car.application.containers;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How long a stopped container may stay: a positive whole number with a unit, {@code 30s}, {@code 15m}, {@code 12h}, {@code 2d}. */
public final class Ttl {
    public static final Duration DEFAULT = Duration.ofHours(12);
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})([smhd])");

    private Ttl() {
    }

    /** Parses a TTL; fails with a one-line {@link IllegalArgumentException} naming the value. */
    public static Duration parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            if (amount > 0) {
                return switch (matcher.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
        }
        throw new IllegalArgumentException("Invalid TTL '" + text + "': expected a positive whole number followed by "
                + "s, m, h or d (for example 30s, 15m, 12h, 2d)");
    }

    /** The shortest exact form: {@code 43200s} is {@code 12h}. */
    public static String format(Duration ttl) {
        long seconds = ttl.getSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
