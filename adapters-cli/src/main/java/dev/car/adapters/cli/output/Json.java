package dev.car.adapters.cli.output;

import dev.car.domain.text.Py;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON exactly as the reference tool prints it (Python {@code json.dumps(indent=2)}): two-space
 * indent, {@code "key": value}, inline {@code {}} and {@code []}, non-ASCII escaped as
 * {@code \\uXXXX}, keys in insertion order unless sorting is asked for.
 */
public final class Json {
    private Json() {
    }

    public static String pretty(Object value) {
        return pretty(value, false);
    }

    public static String pretty(Object value, boolean sortKeys) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0, sortKeys);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int depth, boolean sortKeys) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(floatText(((Number) value).doubleValue()));
        } else if (value instanceof Number n) {
            out.append(n.toString());
        } else if (value instanceof Map<?, ?> map) {
            object(out, map, depth, sortKeys);
        } else if (value instanceof Collection<?> items) {
            array(out, items, depth, sortKeys);
        } else if (value instanceof byte[] bytes) {
            // YAML !!binary values have no JSON form; base64 is how YAML wrote them.
            string(out, java.util.Base64.getEncoder().encodeToString(bytes));
        } else {
            string(out, String.valueOf(value));
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, int depth, boolean sortKeys) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        Map<?, ?> ordered = map;
        if (sortKeys) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            ordered = sorted;
        }
        out.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> entry : ordered.entrySet()) {
            indent(out, depth + 1);
            string(out, keyText(entry.getKey()));
            out.append(": ");
            write(out, entry.getValue(), depth + 1, sortKeys);
            out.append(++i < ordered.size() ? ",\n" : "\n");
        }
        indent(out, depth);
        out.append('}');
    }

    private static void array(StringBuilder out, Collection<?> items, int depth, boolean sortKeys) {
        if (items.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        List<?> list = new ArrayList<>(items);
        for (int i = 0; i < list.size(); i++) {
            indent(out, depth + 1);
            write(out, list.get(i), depth + 1, sortKeys);
            out.append(i + 1 < list.size() ? ",\n" : "\n");
        }
        indent(out, depth);
        out.append(']');
    }

    /** Python turns non-string keys into JSON strings: {@code True} becomes {@code "true"}, None {@code "null"}. */
    private static String keyText(Object key) {
        if (key == null) {
            return "null";
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (key instanceof Double || key instanceof Float) {
            return floatText(((Number) key).doubleValue());
        }
        return String.valueOf(key);
    }

    /** Python's json writes a float with its repr (shortest round trip, e.g. {@code 1e-05}). */
    private static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return Py.repr(d);
    }

    private static void indent(StringBuilder out, int depth) {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
