package dev.car.adapters.yaml;

import java.util.Objects;

/**
 * A YAML timestamp ({@code 2024-01-01}, {@code 2024-01-01 10:00:00Z}) kept exactly as written.
 * Converting it to a {@code Date} would rewrite its text and time zone on the next save; keeping
 * the text makes the save lossless and makes {@code toString()} read like Python's {@code str(date)}.
 */
public record YamlTimestamp(String text) {

    public YamlTimestamp {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return text;
    }
}
