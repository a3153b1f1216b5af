package dev.car.domain.repo;

import dev.car.domain.text.Py;
import java.util.Set;
import java.util.regex.Pattern;

/** Repo id rules: safe ids, sanitizing free text into an id, and making an id unique. */
public final class RepoIds {
    private static final Pattern SAFE = Pattern.compile("^[A-Za-z0-9._-]+$");
    private static final Pattern UNSAFE_RUN = Pattern.compile("[^A-Za-z0-9._-]+");

    private RepoIds() {
    }

    public static boolean isSafe(String value) {
        return value != null && !value.isEmpty() && SAFE.matcher(value).matches();
    }

    public static String sanitize(String value) {
        String replaced = UNSAFE_RUN.matcher(Py.strip(value)).replaceAll("-");
        int start = 0;
        int end = replaced.length();
        while (start < end && replaced.charAt(start) == '-') {
            start++;
        }
        while (end > start && replaced.charAt(end - 1) == '-') {
            end--;
        }
        String result = replaced.substring(start, end);
        return result.isEmpty() ? "repo" : result;
    }

    public static String ensureUnique(String base, Set<String> existing) {
        if (!existing.contains(base)) {
            return base;
        }
        for (int suffix = 2; ; suffix++) {
            String candidate = base + "-" + suffix;
            if (!existing.contains(candidate)) {
                return candidate;
            }
        }
    }
}
