package dev.car.adapters.docker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the engine calls of {@link LeanEngineClient} need: objects become {@link Map}s, arrays
 * {@link List}s, numbers {@link Long} or {@link Double}. Jackson is kept out of this adapter by the architecture
 * rules, and an ObjectMapper would cost more start-up time than these calls take.
 */
final class Json {
    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    /** The one value of {@code text}; anything else than white space around it is an error. */
    static Object parse(String text) {
        Json json = new Json(text);
        Object value = json.value();
        json.skipWhiteSpace();
        if (json.position != text.length()) {
            throw json.error("unexpected text after the value");
        }
        return value;
    }

    /** {@code value} as JSON: maps, lists, strings, numbers, booleans and null. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** The object, or an error naming what was there instead. */
    static Map<?, ?> object(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        String found = value == null ? "null" : value instanceof List<?> ? "an array"
                : value instanceof String ? "a string" : value instanceof Boolean ? "a boolean" : "a number";
        throw new IllegalArgumentException("JSON object expected, found " + found);
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null || value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else if (value instanceof String string) {
            writeString(string, out);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                writeString(entry.getKey().toString(), out);
                out.append(':');
                write(entry.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            String separator = "";
            for (Object element : list) {
                out.append(separator);
                write(element, out);
                separator = ",";
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName() + " as JSON");
        }
    }

    /** Only what JSON requires is escaped; the engine reads the rest as UTF-8. */
    private static void writeString(String string, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private Object value() {
        skipWhiteSpace();
        if (position == text.length()) {
            throw error("a value expected");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> object = new LinkedHashMap<>();
        position++;
        skipWhiteSpace();
        if (next('}')) {
            return object;
        }
        do {
            skipWhiteSpace();
            if (position == text.length() || text.charAt(position) != '"') {
                throw error("a member name expected");
            }
            String name = string();
            skipWhiteSpace();
            expect(':');
            object.put(name, value());
            skipWhiteSpace();
        } while (next(','));
        expect('}');
        return object;
    }

    private List<Object> array() {
        List<Object> array = new ArrayList<>();
        position++;
        skipWhiteSpace();
        if (next(']')) {
            return array;
        }
        do {
            array.add(value());
            skipWhiteSpace();
        } while (next(','));
        expect(']');
        return array;
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("a control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (position == text.length()) {
                break;
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (position + 4 > text.length()) {
                        throw error("a short unicode escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    } catch (NumberFormatException e) {
                        throw error("a bad unicode escape");
                    }
                    position += 4;
                }
                default -> throw error("a bad escape");
            }
        }
        throw error("an unterminated string");
    }

    private Object number() {
        int start = position;
        boolean integral = true;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '.' || c == 'e' || c == 'E') {
                integral = false;
            } else if (!(c >= '0' && c <= '9' || c == '-' || c == '+')) {
                break;
            }
            position++;
        }
        String number = text.substring(start, position);
        try {
            if (integral) {
                try {
                    return Long.parseLong(number);
                } catch (NumberFormatException e) {
                    // Too large for a long.
                }
            }
            if (number.isEmpty() || !Character.isDigit(number.charAt(number.length() - 1))) {
                throw new NumberFormatException();
            }
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw error("a value expected");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error("a value expected");
        }
        position += word.length();
        return value;
    }

    /** Consumes {@code c} when it comes next. */
    private boolean next(char c) {
        if (position < text.length() && text.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (position == text.length() || text.charAt(position) != c) {
            throw error("'" + c + "' expected");
        }
        position++;
    }

    private void skipWhiteSpace() {
        while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid JSON at offset " + position + ": " + what);
    }
}
