package dev.car.domain.container;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /**
     * Same translation as Python's {@code fnmatch.translate}: an unclosed {@code [} is a literal,
     * and a reversed range such as {@code [z-a]} is removed (so it never matches) instead of
     * being a regex syntax error.
     */
    static String translate(String glob) {
        int[] pat = glob.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = pat.length;
        while (i < n) {
            int c = pat[i++];
            if (c == '*') {
                out.append(".*");
            } else if (c == '?') {
                out.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pat[j] == '!') {
                    j++;
                }
                if (j < n && pat[j] == ']') {
                    j++;
                }
                while (j < n && pat[j] != ']') {
                    j++;
                }
                if (j >= n) {
                    out.append("\\[");
                } else {
                    out.append(translateClass(pat, i, j));
                    i = j + 1;
                }
            } else {
                out.append(literal(c));
            }
        }
        return out.toString();
    }

    /** The bracket expression {@code pat[start..end)} (without the brackets), as fnmatch splits it. */
    private static String translateClass(int[] pat, int start, int end) {
        List<int[]> chunks = new ArrayList<>();
        boolean hasHyphen = false;
        for (int k = start; k < end; k++) {
            hasHyphen |= pat[k] == '-';
        }
        if (!hasHyphen) {
            chunks.add(Arrays.copyOfRange(pat, start, end));
        } else {
            // Hyphens that may form ranges split the body into chunks; a chunk never starts a range
            // right after another one ends (the search skips two characters past each hyphen).
            int i = start;
            int k = pat[start] == '!' ? start + 2 : start + 1;
            while (true) {
                k = indexOf(pat, '-', k, end);
                if (k < 0) {
                    break;
                }
                chunks.add(Arrays.copyOfRange(pat, i, k));
                i = k + 1;
                k = k + 3;
            }
            if (i < end) {
                chunks.add(Arrays.copyOfRange(pat, i, end));
            } else {
                int[] last = chunks.get(chunks.size() - 1);
                int[] extended = Arrays.copyOf(last, last.length + 1);
                extended[last.length] = '-';
                chunks.set(chunks.size() - 1, extended);
            }
            // Remove empty (reversed) ranges, right to left, exactly as fnmatch does.
            for (int m = chunks.size() - 1; m > 0; m--) {
                int[] left = chunks.get(m - 1);
                int[] right = chunks.get(m);
                if (left[left.length - 1] > right[0]) {
                    int[] merged = new int[left.length - 1 + right.length - 1];
                    System.arraycopy(left, 0, merged, 0, left.length - 1);
                    System.arraycopy(right, 1, merged, left.length - 1, right.length - 1);
                    chunks.set(m - 1, merged);
                    chunks.remove(m);
                }
            }
        }
        int[] first = chunks.get(0);
        if (chunks.size() == 1 && first.length == 0) {
            return "(?!)";
        }
        if (chunks.size() == 1 && first.length == 1 && first[0] == '!') {
            return ".";
        }
        StringBuilder out = new StringBuilder("[");
        if (first.length > 0 && first[0] == '!') {
            out.append('^');
            chunks.set(0, Arrays.copyOfRange(first, 1, first.length));
        }
        for (int m = 0; m < chunks.size(); m++) {
            int[] chunk = chunks.get(m);
            int from = 0;
            int to = chunk.length;
            if (m > 0) {
                int[] previous = chunks.get(m - 1);
                if (previous.length > 0 && chunk.length > 0) {
                    // The hyphen between two chunks joins their facing characters into a range.
                    out.append(literal(previous[previous.length - 1])).append('-').append(literal(chunk[0]));
                    from = 1;
                } else {
                    out.append(literal('-'));
                }
            }
            if (m < chunks.size() - 1 && chunk.length > 0 && chunks.get(m + 1).length > 0) {
                to = chunk.length - 1;
            }
            for (int k = from; k < to; k++) {
                out.append(literal(chunk[k]));
            }
        }
        return out.append(']').toString();
    }

    private static int indexOf(int[] pat, int wanted, int from, int end) {
        for (int k = from; k < end; k++) {
            if (pat[k] == wanted) {
                return k;
            }
        }
        return -1;
    }

    /** One code point as a regex literal, valid inside and outside a character class. */
    private static String literal(int codePoint) {
        return "\\x{" + Integer.toHexString(codePoint) + "}";
    }

    @Override
    public String toString() {
        return glob;
    }
}
