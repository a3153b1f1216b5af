package dev.car.domain.container;

import java.util.List;
import java.util.regex.Pattern;

/** POSIX shell quoting as Python's {@code shlex.quote}: safe words bare, the rest in single quotes. */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

    private ShellQuote() {
    }

    public static String quote(String word) {
        if (word.isEmpty()) {
            return "''";
        }
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    public static String join(List<String> words) {
        return String.join(" ", words.stream().map(ShellQuote::quote).toList());
    }
}
