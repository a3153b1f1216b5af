package dev.car.adapters.yaml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * The one YAML dialect car reads and writes: PyYAML's YAML 1.1 {@code safe_load} / {@code
 * safe_dump(sort_keys=False)}, with limits that keep hostile files harmless (size, aliases, nesting).
 * {@link Yaml} instances are not thread-safe, so each call builds its own.
 */
final class SafeYaml {
    static final int MAX_BYTES = 16 * 1024 * 1024;
    static final String TOO_LARGE = "larger than 16 MiB";
    static final int MAX_ALIASES_FOR_COLLECTIONS = 50;
    /**
     * SnakeYAML re-copies its read buffer while one line is scanned, so parsing time grows with the
     * square of the longest line: a 16 MiB one-line file (minified JSON pasted in) would take minutes.
     * With this cap a 16 MiB file parses in about a second; real manifest lines are far shorter.
     */
    static final int MAX_LINE_CHARS = 64 * 1024;

    private SafeYaml() {
    }

    /**
     * The single document in the bytes; null for an empty stream. What car itself wrote is read by
     * {@link DumpedYamlReader}; anything it does not accept goes to SnakeYAML.
     */
    static Object parse(byte[] bytes) throws YamlProblem {
        if (bytes.length > MAX_BYTES) {
            throw new YamlProblem(TOO_LARGE);
        }
        int ascii = scanAscii(bytes);
        if (ascii != NOT_ASCII) { // the usual manifest: read from the bytes, no string of the whole file
            Optional<Object> dumped = ascii == PLAIN_ASCII ? DumpedYamlReader.readPlainAscii(bytes) : Optional.empty();
            return dumped.isPresent() ? dumped.get() : load(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        String text = decodeStrictUtf8(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        requireShortLines(text);
        Optional<Object> dumped = DumpedYamlReader.read(text);
        return dumped.isPresent() ? dumped.get() : load(text);
    }

    private static final int NOT_ASCII = 0;
    /** ASCII, with line feeds and printable characters only: what {@link DumpedYamlReader} may read. */
    private static final int PLAIN_ASCII = 1;
    /** ASCII with tabs, CRs or control characters: SnakeYAML's. */
    private static final int OTHER_ASCII = 2;

    /**
     * One pass over the bytes: which kind of ASCII they are, or {@link #NOT_ASCII}. An all-ASCII file
     * with a line of more than {@link #MAX_LINE_CHARS} is refused here; other files are decoded first
     * and checked by {@link #requireShortLines(String)}, so a bad UTF-8 byte is reported before a long line.
     */
    private static int scanAscii(byte[] bytes) throws YamlProblem {
        boolean plain = true;
        int line = 1;
        int lineStart = 0;
        int longLine = 0;
        for (int i = 0, n = bytes.length; i <= n; i++) {
            int b = i == n ? '\n' : bytes[i];
            if (b >= 0x20 && b < 0x7F) {
                continue;
            }
            if (b < 0) {
                return NOT_ASCII;
            }
            if (b == '\n' || b == '\r') {
                if (i - lineStart > MAX_LINE_CHARS && longLine == 0) {
                    longLine = line;
                }
                if (b == '\r' && i + 1 < n && bytes[i + 1] == '\n') {
                    i++;
                }
                line++;
                lineStart = i + 1;
            }
            plain &= b == '\n';
        }
        if (longLine != 0) {
            throw new YamlProblem("line " + longLine + " has more than " + MAX_LINE_CHARS + " characters");
        }
        return plain ? PLAIN_ASCII : OTHER_ASCII;
    }

    /** SnakeYAML's reading of text that passed the checks of {@link #parse}. */
    static Object load(String text) throws YamlProblem {
        Object document;
        try {
            document = newYaml().load(text);
        } catch (YAMLException e) {
            throw new YamlProblem(describe(e, text));
        } catch (RuntimeException e) {
            // SafeConstructor lets some bad explicit tags through as plain Java exceptions (`!!int [1]`, `!!float x`).
            throw new YamlProblem("invalid YAML: " + oneLine(String.valueOf(e.getMessage())));
        }
        if (YamlValues.isRecursive(document)) {
            throw new YamlProblem("invalid YAML: a collection contains itself through an alias");
        }
        return document;
    }

    /** Block-style YAML ending in a newline; throws {@link YAMLException} for values YAML cannot hold. */
    static String dump(Object document) {
        if (document instanceof Map<?, ?> map) {
            String usual = DumpedYamlWriter.write(map);
            if (usual != null) {
                return usual;
            }
        }
        return dumpWithSnakeYaml(document);
    }

    /** What {@link #dump} writes, always through SnakeYAML: the reference the fast writer is held to. */
    static String dumpWithSnakeYaml(Object document) {
        return newYaml().dump(document);
    }

    /** UTF-8 bytes; a lone surrogate is refused rather than silently replaced with {@code ?}. */
    static byte[] encodeStrictUtf8(String text) throws CharacterCodingException {
        ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(text));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static String decodeStrictUtf8(byte[] bytes) throws YamlProblem {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new YamlProblem("not valid UTF-8");
        }
    }

    private static void requireShortLines(String text) throws YamlProblem {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? '\n' : text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (i - lineStart > MAX_LINE_CHARS) {
                    throw new YamlProblem("line " + line + " has more than " + MAX_LINE_CHARS + " characters");
                }
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                lineStart = i + 1;
            }
        }
    }

    static LoaderOptions loaderOptions() {
        LoaderOptions loading = new LoaderOptions();
        loading.setAllowDuplicateKeys(true); // PyYAML: the last value wins
        loading.setWarnOnDuplicateKeys(false); // else SnakeYAML logs a raw line to stderr on every load
        loading.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
        loading.setAllowRecursiveKeys(false);
        loading.setCodePointLimit(MAX_BYTES); // a file within the byte limit never has more code points
        loading.setProcessComments(false);
        return loading;
    }

    private static Yaml newYaml() {
        LoaderOptions loading = loaderOptions();

        DumperOptions dumping = new DumperOptions();
        dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumping.setIndent(2);
        dumping.setIndicatorIndent(0); // `repos:` then `- id: x`, as PyYAML writes it
        dumping.setWidth(Integer.MAX_VALUE / 2);
        dumping.setSplitLines(false); // folding long scalars would be lossless, but never folding is simpler to trust
        dumping.setAllowUnicode(true);
        dumping.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
        dumping.setLineBreak(DumperOptions.LineBreak.UNIX);

        return new Yaml(new PyYamlConstructor(loading), new PyYamlRepresenter(dumping), dumping, loading,
                new PyYamlResolver());
    }

    private static String describe(YAMLException e, String text) {
        if (e instanceof MarkedYAMLException marked) {
            Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            String problem = marked.getProblem() != null ? marked.getProblem() : marked.getContext();
            if (problem != null && problem.startsWith("but ") && marked.getContext() != null) {
                problem = marked.getContext() + ", " + problem; // "expected a single document…, but found another…"
            }
            String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            return "invalid YAML" + where + ": " + oneLine(String.valueOf(problem));
        }
        if (e instanceof ReaderException reader) {
            return "invalid YAML" + locate(text, reader.getCodePoint())
                    + ": special character " + String.format("U+%04X", reader.getCodePoint()) + " is not allowed";
        }
        String message = oneLine(String.valueOf(e.getMessage()));
        if (message.startsWith("Number of aliases")) {
            return "too many aliases (possible alias bomb)";
        }
        if (message.startsWith("Nesting Depth")) {
            return "invalid YAML: nested deeper than " + new LoaderOptions().getNestingDepthLimit() + " levels";
        }
        return "invalid YAML: " + message;
    }

    /** " at line L, column C" of the first occurrence of the code point (the reader stops at the first). */
    private static String locate(String text, int codePoint) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp == codePoint) {
                return " at line " + line + ", column " + column;
            }
            if (cp == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(cp);
        }
        return "";
    }

    static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
