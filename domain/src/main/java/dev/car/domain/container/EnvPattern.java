package dev.car.domain.container;

import java.util.regex.Pattern;

/**
 * A passthrough pattern matched against a whole variable name, case-sensitively, with shell-glob
 * rules: {@code *}, {@code ?}, {@code [abc]}, {@code [!abc]}; everything else literal.
 */
public final class EnvPattern {
    private final String glob;
    private final Pattern regex;

    private EnvPattern(String glob, Pattern regex) {
        this.glob = glob;
        this.regex = regex;
    }

    public static EnvPattern compile(String glob) {
        return new EnvPattern(glob, Pattern.compile(translate(glob), Pattern.DOTALL));
    }

    public String glob() {
        return glob;
    }

    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }

    /** Same translation as Python's fnmatch: an unclosed {@code [} is a literal. */
    static String translate(String glob) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = glob.length();
        while (i < n) {
            char c = glob.charAt(i++);
            if (c == '*') {
                out.append(".*");
            } else if (c == '?') {
                out.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && glob.charAt(j) == '!') {
                    j++;
                }
                if (j < n && glob.charAt(j) == ']') {
                    j++;
                }
                while (j < n && glob.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    out.append("\\[");
                } else {
                    String body = glob.substring(i, j);
                    i = j + 1;
                    boolean negate = body.startsWith("!");
                    if (negate) {
                        body = body.substring(1);
                    }
                    out.append('[').append(negate ? "^" : "");
                    for (int k = 0; k < body.length(); k++) {
                        char b = body.charAt(k);
                        boolean range = b == '-' && k > 0 && k < body.length() - 1;
                        if (range) {
                            out.append('-');
                        } else if (Character.isLetterOrDigit(b)) {
                            out.append(b);
                        } else {
                            out.append('\\').append(b);
                        }
                    }
                    out.append(']');
                }
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return glob;
    }
}
