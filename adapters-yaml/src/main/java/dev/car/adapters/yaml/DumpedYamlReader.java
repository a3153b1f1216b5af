package dev.car.adapters.yaml;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the block YAML that {@link SafeYaml#dump} writes, line by line from its UTF-8 bytes, without
 * SnakeYAML's scanner, parser and composer, which take most of a large manifest's load time. Plain
 * scalars are typed as a full load types them (the common cases directly, the rest by the same
 * {@link PyYamlResolver} and {@link PyYamlConstructor}), and collections are the same
 * {@link LinkedHashMap} and {@link ArrayList}, so an accepted document loads to exactly what
 * SnakeYAML would load.
 *
 * <p>It accepts only the layout the emitter produces: leading {@code #} comment lines, then a block
 * mapping or sequence indented by two (sequences under a key at the key's column), one-line keys
 * and scalars in plain, single- or double-quoted style, and {@code []} or {@code {}}. On anything
 * else (other indentation, blank or comment lines inside, multi-line or block scalars, flow
 * collections, anchors, aliases, tags, complex or duplicate keys, tabs, CR, control characters,
 * several documents, deep nesting) it gives up, and SnakeYAML reads the text and reports any error
 * exactly as before. When in doubt it gives up: a wrong value would be data loss.
 */
final class DumpedYamlReader {

    /** SnakeYAML refuses documents nested deeper than {@link LoaderOptions#getNestingDepthLimit()}; leave those to it. */
    private static final int MAX_DEPTH = 40;
    /**
     * SnakeYAML's scanner gives up on a simple key of more than 1024 characters (the emitter writes keys of 128 and
     * more as {@code ? key}); counted here in bytes, which gives up sooner on non-ASCII keys, never later.
     */
    private static final int MAX_KEY_CHARS = 1000;
    private static final int MAX_REMEMBERED_CHARS = 16;
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    private static final GiveUp GIVE_UP = new GiveUp();
    private static final Object NOT_REMEMBERED = new Object();

    /** The document's UTF-8 bytes: every character that structures it is ASCII, so offsets are byte offsets. */
    private final byte[] text;
    /** How the bytes of one scalar become a string: ISO-8859-1 (a plain copy) when the document is all ASCII. */
    private final Charset charset;
    /** SnakeYAML's typing, for the scalars {@link #typed} cannot decide alone; built on first use. */
    private SnakeYamlTyping snakeYamlTyping;
    /** Plain scalars of up to {@link #MAX_REMEMBERED_CHARS} characters and their values (immutable ones). */
    private final Map<String, Object> remembered = new HashMap<>();
    /** Start of the current line, and the offset of its line feed (or the end of the text). */
    private int line;
    private int lineEnd;
    /** Where the last quoted scalar or key ended. */
    private int cursor;

    private DumpedYamlReader(byte[] text, Charset charset) {
        this.text = text;
        this.charset = charset;
        startLine(0);
    }

    /** The document, or empty when the text is not in the subset this reader is sure about. */
    static Optional<Object> read(String yaml) {
        if (!hasOnlyPlainCharacters(yaml.toCharArray())) {
            return Optional.empty();
        }
        byte[] utf8 = yaml.getBytes(StandardCharsets.UTF_8);
        return parse(utf8, utf8.length == yaml.length() ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /**
     * {@link #read(String)} of a document whose bytes are all ASCII line feeds and printable
     * characters (the caller has checked), read from the bytes themselves: in a fresh JVM, turning a
     * large manifest into a string, then chars, then strings again took a third of its load time.
     */
    static Optional<Object> readPlainAscii(byte[] ascii) {
        return parse(ascii, StandardCharsets.ISO_8859_1);
    }

    private static Optional<Object> parse(byte[] utf8, Charset charset) {
        try {
            return Optional.of(new DumpedYamlReader(utf8, charset).document());
        } catch (GiveUp e) {
            return Optional.empty();
        }
    }

    /**
     * Line feeds and printable characters that YAML treats as ordinary text. Tabs, CR, the
     * YAML 1.1 line breaks U+0085/U+2028/U+2029 and BOMs change how lines and blanks are read;
     * non-printable characters are errors whose messages SnakeYAML must give.
     */
    private static boolean hasOnlyPlainCharacters(char[] text) {
        for (int i = 0, n = text.length; i < n; i++) {
            char c = text[i];
            if (c >= 0x20 && c <= 0x7E || c == '\n') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text[i + 1])) {
                i++;
                continue;
            }
            if (!PyYamlRepresenter.isOrdinaryText(c)) {
                return false;
            }
        }
        return true;
    }

    private Object document() {
        while (line < text.length && text[line] == '#') {
            nextLine();
        }
        if (atEnd() || indent() != 0) {
            throw GIVE_UP;
        }
        Object root;
        if (isEmptyCollection(line)) {
            root = inlineValue(line, 0);
        } else {
            root = isSequenceEntry(line) ? sequence(0, 1) : mapping(0, 1);
        }
        if (!atEnd()) {
            throw GIVE_UP;
        }
        return root;
    }

    /** A block mapping whose keys stand at {@code column}; its first key is on the current line. */
    private Map<Object, Object> mapping(int column, int depth) {
        requireDepth(depth);
        Map<Object, Object> mapping = new LinkedHashMap<>();
        while (true) {
            Object key = key(line + column);
            if (mapping.containsKey(key)) {
                throw GIVE_UP; // SnakeYAML keeps the last value but at the position of the last key
            }
            mapping.put(key, cursor == lineEnd ? nestedValue(column, depth) : inlineValue(cursor + 1, depth));
            if (atEnd()) {
                return mapping;
            }
            int indent = indent();
            if (indent < column) {
                return mapping;
            }
            if (indent > column || isSequenceEntry(line + column)) {
                throw GIVE_UP;
            }
        }
    }

    /** The value of a key that ends its line: a sequence at the key's column or a mapping two further in. */
    private Object nestedValue(int column, int depth) {
        nextLine();
        if (atEnd()) {
            throw GIVE_UP; // an empty value: null, which the emitter writes as `null`
        }
        int indent = indent();
        if (indent == column && isSequenceEntry(line + column)) {
            return sequence(column, depth + 1);
        }
        if (indent == column + 2 && !isSequenceEntry(line + indent)) {
            return mapping(indent, depth + 1);
        }
        throw GIVE_UP;
    }

    /** A block sequence whose dashes stand at {@code column}; its first dash is on the current line. */
    private List<Object> sequence(int column, int depth) {
        requireDepth(depth);
        List<Object> sequence = new ArrayList<>();
        while (true) {
            int dash = line + column;
            if (dash + 2 >= lineEnd || text[dash + 1] != ' ') {
                throw GIVE_UP; // a dash alone: its value is on the following lines or null
            }
            sequence.add(entry(dash + 2, column + 2, depth));
            if (atEnd()) {
                return sequence;
            }
            int indent = indent();
            if (indent < column || indent == column && !isSequenceEntry(line + column)) {
                return sequence; // the enclosing block goes on, or finds the line wrong
            }
            if (indent > column) {
                throw GIVE_UP;
            }
        }
    }

    /** A sequence entry's value, starting at {@code start} (column {@code column}) of the current line. */
    private Object entry(int start, int column, int depth) {
        if (isSequenceEntry(start)) {
            return sequence(column, depth + 1);
        }
        if (startsKey(start)) {
            return mapping(column, depth + 1);
        }
        return inlineValue(start, depth);
    }

    /** Whether the text from {@code start} reads as {@code key:} rather than as a scalar. */
    private boolean startsKey(int start) {
        int first = text[start];
        if (first == '\'' || first == '"') {
            quoted(start);
            return cursor < lineEnd && text[cursor] == ':';
        }
        return plainKeyEnd(start) >= 0;
    }

    /** Reads a key; {@link #cursor} is left after its colon, at the line end or at the space before the value. */
    private Object key(int start) {
        if (start >= lineEnd) {
            throw GIVE_UP;
        }
        int first = text[start];
        Object key;
        if (first == '\'' || first == '"') {
            key = quoted(start);
        } else {
            cursor = plainKeyEnd(start);
            if (cursor < 0) {
                throw GIVE_UP;
            }
            key = plain(start, cursor);
        }
        if (cursor - start >= MAX_KEY_CHARS || cursor >= lineEnd || text[cursor] != ':') {
            throw GIVE_UP;
        }
        cursor++;
        if (cursor < lineEnd && text[cursor] != ' ') {
            throw GIVE_UP;
        }
        return key;
    }

    /** The colon that ends a plain key starting at {@code start} (a colon before a space or the line end), or -1. */
    private int plainKeyEnd(int start) {
        for (int i = start; i < lineEnd; i++) {
            if (text[i] == ':' && (i + 1 == lineEnd || text[i + 1] == ' ')) {
                return i;
            }
        }
        return -1;
    }

    /** A value that fills the rest of the current line from {@code start}; moves to the next line. */
    private Object inlineValue(int start, int depth) {
        if (start >= lineEnd) {
            throw GIVE_UP;
        }
        int first = text[start];
        Object value;
        if (first == '\'' || first == '"') {
            value = quoted(start);
            if (cursor != lineEnd) {
                throw GIVE_UP;
            }
        } else if (isEmptyCollection(start)) {
            requireDepth(depth + 1);
            value = first == '[' ? new ArrayList<>() : new LinkedHashMap<>();
        } else {
            value = plain(start, lineEnd);
        }
        nextLine();
        return value;
    }

    /**
     * The value of the plain scalar in {@code [start, end)} of the line, typed as a full load types
     * it. Text no implicit type can start with is a string as it stands (most keys, ids and paths).
     * Other short scalars repeat ({@code true}, {@code false}, numbers): their values are remembered,
     * so they are typed once.
     */
    private Object plain(int start, int end) {
        requirePlain(start, end);
        String scalar = new String(text, start, end - start, charset);
        if (PyYamlResolver.FIRST_CHARACTERS.indexOf(text[start]) < 0) {
            return scalar;
        }
        if (end - start > MAX_REMEMBERED_CHARS) {
            return typed(scalar);
        }
        Object value = remembered.getOrDefault(scalar, NOT_REMEMBERED);
        if (value == NOT_REMEMBERED) {
            value = typed(scalar);
            remembered.put(scalar, value);
        }
        return value;
    }

    /**
     * The value of a scalar that an implicit type can start with. Most are decided without SnakeYAML,
     * whose resolver and constructor cost a short-lived process a few dozen regular expressions and
     * its logging set-up: {@code true}, {@code false} and small decimal integers are what SnakeYAML
     * makes of them.
     */
    private Object typed(String scalar) {
        if (scalar.equals("true")) {
            return Boolean.TRUE;
        }
        if (scalar.equals("false")) {
            return Boolean.FALSE;
        }
        if (isSmallDecimal(scalar)) {
            return Integer.valueOf(scalar);
        }
        if (snakeYamlTyping == null) {
            snakeYamlTyping = new SnakeYamlTyping();
        }
        return snakeYamlTyping.typed(scalar);
    }

    /** {@code 0}, or up to nine digits without a leading zero: an {@link Integer} for YAML 1.1 too. */
    private static boolean isSmallDecimal(String scalar) {
        int length = scalar.length();
        if (length == 0 || length > 9 || (scalar.charAt(0) == '0' && length > 1)) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = scalar.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Types a plain scalar as a full load does: the same resolver, the same constructor. */
    private static final class SnakeYamlTyping {
        private static final Set<Tag> CONSTRUCTED_TAGS = Set.of(Tag.NULL, Tag.BOOL, Tag.INT, Tag.FLOAT, Tag.TIMESTAMP);

        private final PyYamlResolver resolver = new PyYamlResolver();
        private final PyYamlConstructor constructor = new PyYamlConstructor(SafeYaml.loaderOptions());

        Object typed(String scalar) {
            Tag tag = resolver.resolve(NodeId.scalar, scalar, true);
            if (Tag.STR.equals(tag)) {
                return scalar;
            }
            if (!CONSTRUCTED_TAGS.contains(tag)) {
                throw GIVE_UP; // `<<` merges mappings, `=` is PyYAML's value tag
            }
            try {
                return constructor.constructPlainScalar(tag, scalar);
            } catch (RuntimeException e) {
                throw GIVE_UP;
            }
        }
    }

    /**
     * Gives up unless SnakeYAML would scan exactly these characters as one plain scalar in block
     * context: no leading indicator, no surrounding spaces, nothing it reads as a comment, a value
     * indicator or a document marker.
     */
    private void requirePlain(int start, int end) {
        if (start >= end) {
            throw GIVE_UP;
        }
        int first = text[start];
        int last = text[end - 1];
        boolean indicatorAllowed = (first == '-' || first == '?' || first == ':') && end - start > 1 && text[start + 1] != ' ';
        if (first == ' ' || last == ' ' || last == ':' || (INDICATORS.indexOf(first) >= 0 && !indicatorAllowed)
                || startsWith(start, end, "---") || startsWith(start, end, "...")) {
            throw GIVE_UP;
        }
        for (int i = start; i < end - 1; i++) {
            int c = text[i];
            if ((c == ':' && text[i + 1] == ' ') || (c == ' ' && text[i + 1] == '#')) {
                throw GIVE_UP;
            }
        }
    }

    private boolean startsWith(int start, int end, String prefix) {
        if (end - start < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text[start + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A single- or double-quoted scalar that closes on the current line; {@link #cursor} is left after it. */
    private String quoted(int start) {
        return text[start] == '\'' ? singleQuoted(start) : doubleQuoted(start);
    }

    private String singleQuoted(int start) {
        StringBuilder value = new StringBuilder();
        int from = start + 1;
        while (true) {
            int quote = from;
            while (quote < lineEnd && text[quote] != '\'') {
                quote++;
            }
            if (quote == lineEnd) {
                throw GIVE_UP; // continues on the next line
            }
            value.append(new String(text, from, quote - from, charset));
            if (quote + 1 < lineEnd && text[quote + 1] == '\'') {
                value.append('\'');
                from = quote + 2;
            } else {
                cursor = quote + 1;
                return value.toString();
            }
        }
    }

    /** Only the escapes SnakeYAML's scanner knows; a line-continuing backslash or a lone surrogate gives up. */
    private String doubleQuoted(int start) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= lineEnd) {
                throw GIVE_UP;
            }
            int c = text[i];
            if (c == '"') {
                cursor = i + 1;
                return value.toString();
            }
            if (c < 0) { // a character of several UTF-8 bytes, from its lead byte
                int length = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
                value.append(new String(text, i, length, StandardCharsets.UTF_8));
                i += length;
                continue;
            }
            if (c != '\\') {
                value.append((char) c);
                i++;
                continue;
            }
            if (i + 1 >= lineEnd) {
                throw GIVE_UP;
            }
            int escape = text[i + 1];
            i += 2;
            String replacement = simpleEscape((char) escape);
            if (replacement != null) {
                value.append(replacement);
                continue;
            }
            int digits = escape == 'x' ? 2 : escape == 'u' ? 4 : escape == 'U' ? 8 : 0;
            if (digits == 0 || i + digits > lineEnd) {
                throw GIVE_UP;
            }
            long codePoint = 0;
            for (int d = 0; d < digits; d++) {
                int digit = Character.digit(text[i + d], 16);
                if (digit < 0 || text[i + d] > 'f') {
                    throw GIVE_UP; // Character.digit also takes fullwidth digits
                }
                codePoint = codePoint * 16 + digit;
            }
            if (codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                throw GIVE_UP;
            }
            value.appendCodePoint((int) codePoint);
            i += digits;
        }
    }

    private static String simpleEscape(char escape) {
        switch (escape) {
            case '0': return "\0";
            case 'a': return "\u0007";
            case 'b': return "\b";
            case 't': return "\t";
            case 'n': return "\n";
            case 'v': return "\u000B";
            case 'f': return "\f";
            case 'r': return "\r";
            case 'e': return "\u001B";
            case ' ': return " ";
            case '"': return "\"";
            case '\\': return "\\";
            case 'N': return "\u0085";
            case '_': return "\u00A0";
            case 'L': return "\u2028";
            case 'P': return "\u2029";
            default: return null;
        }
    }

    /** {@code []} or {@code {}} filling the rest of the line: how the emitter writes empty collections. */
    private boolean isEmptyCollection(int start) {
        return lineEnd - start == 2 && (startsWith(start, lineEnd, "[]") || startsWith(start, lineEnd, "{}"));
    }

    /** A dash that opens a sequence entry: followed by a space or the line end. */
    private boolean isSequenceEntry(int offset) {
        return offset < lineEnd && text[offset] == '-' && (offset + 1 == lineEnd || text[offset + 1] == ' ');
    }

    private static void requireDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
    }

    /** Spaces at the start of the current line; a line of spaces only gives up (blank lines are not emitted). */
    private int indent() {
        int i = line;
        while (i < lineEnd && text[i] == ' ') {
            i++;
        }
        if (i == lineEnd) {
            throw GIVE_UP;
        }
        return i - line;
    }

    private boolean atEnd() {
        return line >= text.length;
    }

    private void nextLine() {
        startLine(Math.min(lineEnd + 1, text.length));
    }

    private void startLine(int start) {
        line = start;
        int end = start;
        while (end < text.length && text[end] != '\n') {
            end++;
        }
        lineEnd = end;
    }

    /** Control flow, not an error: no stack trace, one shared instance. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }
}
