package dev.car.adapters.yaml;

import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Writes the documents car usually stores (string keys; plain strings, integers, booleans, nulls;
 * nested block maps and lists) byte for byte as {@link SafeYaml#dump} would, without SnakeYAML's
 * representer and emitter, which take most of a second on a 10,000-repo manifest in a fresh JVM.
 * Anything it is not certain to write identically (a string that needs quotes, a float, a
 * timestamp, a list directly inside a list...) makes it give up; the caller then uses SnakeYAML.
 * A differential test holds it to SnakeYAML's output on random documents.
 */
final class DumpedYamlWriter {
    private static final int INDENT = 2;
    /** SnakeYAML writes a key of 128 characters or more in the explicit {@code ? key} form. */
    private static final int MAX_SIMPLE_KEY = 100;

    private final PyYamlResolver resolver = new PyYamlResolver();
    private final StringBuilder out = new StringBuilder(4096);
    /** SnakeYAML writes a collection met twice as an anchor and an alias; this writer does not. */
    private final Map<Object, Boolean> collections = new IdentityHashMap<>();

    private DumpedYamlWriter() {
    }

    /** The document as {@link SafeYaml#dump} writes it, or null when it is not one this writer handles. */
    static String write(Map<?, ?> document) {
        DumpedYamlWriter writer = new DumpedYamlWriter();
        if (document.isEmpty() || !writer.mapping(document, 0, false)) {
            return null;
        }
        return writer.out.toString();
    }

    /**
     * Block mapping entries at {@code indent}; the first entry continues the current line when the
     * mapping is a list item ({@code - key: value}).
     */
    private boolean mapping(Map<?, ?> map, int indent, boolean firstOnCurrentLine) {
        if (!firstVisit(map)) {
            return false;
        }
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key) || key.length() > MAX_SIMPLE_KEY || !isPlain(key)) {
                return false;
            }
            if (!(first && firstOnCurrentLine)) {
                spaces(indent);
            }
            first = false;
            out.append(key).append(':');
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
                out.append('\n');
                if (!mapping(nested, indent + INDENT, false)) {
                    return false;
                }
            } else if (value instanceof List<?> list && !list.isEmpty()) {
                out.append('\n');
                // A list under a key sits at the key's own indent: `key:` then `- item`.
                if (!sequence(list, indent)) {
                    return false;
                }
            } else {
                out.append(' ');
                if (!scalar(value)) {
                    return false;
                }
                out.append('\n');
            }
        }
        return true;
    }

    private boolean sequence(List<?> list, int indent) {
        if (!firstVisit(list)) {
            return false;
        }
        for (Object item : list) {
            spaces(indent);
            out.append("- ");
            if (item instanceof Map<?, ?> map && !map.isEmpty()) {
                if (!mapping(map, indent + INDENT, true)) {
                    return false;
                }
            } else if (item instanceof List<?>) {
                return false;
            } else {
                if (!scalar(item)) {
                    return false;
                }
                out.append('\n');
            }
        }
        return true;
    }

    private boolean scalar(Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean bool) {
            out.append(bool ? "true" : "false");
        } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof String text && isPlain(text)) {
            out.append(text);
        } else if (value instanceof Map<?, ?> map && map.isEmpty() && firstVisit(map)) {
            out.append("{}");
        } else if (value instanceof List<?> list && list.isEmpty() && firstVisit(list)) {
            out.append("[]");
        } else {
            return false;
        }
        return true;
    }

    /**
     * Whether SnakeYAML would surely write the string plain: a conservative alphabet (no indicator
     * first, no {@code ": "}, {@code " #"}, quotes, flow indicators, trailing colon or outer spaces),
     * and the resolver reads it back as a string, not as a number, boolean, null or date.
     */
    private boolean isPlain(String text) {
        int length = text.length();
        if (length == 0 || length > 512 || !isPlainStart(text.charAt(0)) || text.charAt(length - 1) == ' '
                || text.charAt(length - 1) == ':') {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = text.charAt(i);
            boolean inner = isPlainStart(c) || c == '-' || c == '+' || c == '=' || c == '*' || c == '@' || c == '~'
                    || (c == ':' && text.charAt(i + 1) != ' ') || (c == ' ' && text.charAt(i - 1) != ' ');
            if (!inner) {
                return false;
            }
        }
        return resolver.resolve(NodeId.scalar, text, true).equals(Tag.STR);
    }

    private boolean firstVisit(Object collection) {
        return collections.put(collection, Boolean.TRUE) == null;
    }

    private static boolean isPlainStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '/'
                || c == '.';
    }

    private void spaces(int count) {
        for (int i = 0; i < count; i++) {
            out.append(' ');
        }
    }
}
