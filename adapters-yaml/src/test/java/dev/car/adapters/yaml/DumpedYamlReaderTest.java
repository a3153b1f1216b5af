package dev.car.adapters.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.car.application.port.out.HubLocation;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.ManifestCodec;
import dev.car.domain.repo.PathCanonicalizer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast reader against SnakeYAML: every document it accepts must load to the very same tree
 * (Java types, values and key order), and what car writes must be accepted. Seeded random documents
 * are built from strings YAML 1.1 likes to retype or mangle; the store's files go through both too.
 */
class DumpedYamlReaderTest {

    private static final long SEED = 20250301L;

    /** Strings a YAML 1.1 resolver, scanner or emitter treats specially. */
    static final List<String> LOOKALIKES = List.of(
            "yes", "Yes", "YES", "no", "NO", "on", "On", "ON", "off", "Off", "true", "True", "TRUE", "false", "FALSE",
            "y", "n", "Y", "N", "yEs", "~", "null", "Null", "NULL", "nULL", "", " ",
            "0", "-0", "+0", "007", "010", "08", "0o17", "0x1F", "0X1F", "0x_1", "0b101", "0b_1", "1_000", "-1_000",
            "1:20", "-1:20", "190:20:30", "1:60", "1:20.5", "12345678901234567890", "2147483648", "-2147483649",
            "1.5", "1.", ".5", "-.5", "+.5", "1e3", "1.5e3", "1.5e+3", "1.0e-05", "1_0.5", ".inf", "-.Inf", "+.INF",
            ".nan", ".NaN", ".NAN", "-.nan", "2001-12-14", "2001-1-4", "2001-12-14 21:59:43.10 -5",
            "2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43Z", "2001-12-14 21:59:43", "=", "==", "<<",
            "-", "--", "---", "...", "- x", "-x", "? x", "?x", ": x", ":x", "x:", "x: y", "x:y", "x::", "x #y", "x#y",
            "#x", "&a", "*a", "*_TOKEN", "CAR_*", "!tag", "!!str", "|", ">", "|-", "%x", "@x", "`x", "'", "''", "\"",
            "\\", "\\n", "\\x41", "{", "}", "[", "]", "[]", "{}", "[a, b]", "{a: 1}", ",", "a,b", "busybox:latest",
            "http://host:80/p?q=1#f", "C:\\path", "repos/r0--wt", " lead", "trail ", "a  b", "\u00a0nbsp\u00a0",
            "\u3000", "é", "日本語", "emoji 😀", "\n", "a\nb", "\r", "\t", "\u0000", "\u0007", "\u001b[31m", "\u007f",
            "\u0085", "\u2028", "\u2029", "\ufeff", "\ufffd", "x".repeat(300), "word ".repeat(80));

    private static final String AWKWARD = " :#-?,[]{}&*!|>'\"%@`\\=~<._+0123456789eExXoObB"
            + "aynNYtfTF\t\n\r\u00a0\u0085\u2028\u2029\u3000é漢\u0000\u0007\u001b\u007f\ufffd";

    private final Random random = new Random(SEED);

    @TempDir
    Path tempDir;

    @Test
    void randomDocumentsReadExactlyAsSnakeYamlReadsThem() throws Exception {
        int accepted = 0;
        int expectedAccepted = 0;
        for (int i = 0; i < 3000; i++) {
            Object document = random.nextInt(10) == 0 ? randomList(1) : randomMapping(1);
            String yaml = (random.nextBoolean() ? Manifest.HEADER + "\n" : "") + SafeYaml.dump(document);

            Optional<Object> fast = DumpedYamlReader.read(yaml);
            // What a store reads: the file's bytes, all-ASCII ones without a decoded string.
            assertSameTree(SafeYaml.load(yaml), SafeYaml.parse(yaml.getBytes(StandardCharsets.UTF_8)), yaml);

            if (fast.isPresent()) {
                accepted++;
                assertSameTree(SafeYaml.load(yaml), fast.get(), yaml);
                assertTrue(YamlValues.sameValue(document, fast.get()), () -> "round trip of:\n" + yaml);
            } else {
                assertEquals(SafeYaml.load(yaml), SafeYaml.parse(yaml.getBytes(StandardCharsets.UTF_8)));
            }
            if (writtenAsSimpleBlocks(document)) {
                expectedAccepted++;
                assertTrue(fast.isPresent(), () -> "what car writes must be read without SnakeYAML:\n" + yaml);
            }
        }
        int inSubset = expectedAccepted;
        assertTrue(inSubset > 2000, () -> "the generator should mostly produce documents in the subset: " + inSubset);
        assertTrue(accepted >= expectedAccepted);
    }

    @Test
    void randomManifestsAreReadWithoutSnakeYaml() throws Exception {
        for (int i = 0; i < 300; i++) {
            Map<Object, Object> manifest = randomManifest(1 + random.nextInt(40));
            String yaml = Manifest.HEADER + "\n" + SafeYaml.dump(manifest);

            Optional<Object> fast = DumpedYamlReader.read(yaml);
            assertSameTree(SafeYaml.load(yaml), SafeYaml.parse(yaml.getBytes(StandardCharsets.UTF_8)), yaml);

            if (!writtenAsSimpleBlocks(manifest)) { // extras with complex keys or a raw BOM
                assertSameOutcome(yaml);
                continue;
            }
            assertTrue(fast.isPresent(), () -> "not read:\n" + yaml);
            assertSameTree(SafeYaml.load(yaml), fast.get(), yaml);
            assertTrue(YamlValues.sameValue(manifest, fast.get()), () -> "round trip of:\n" + yaml);
        }
    }

    @Test
    void lookalikeStringsStayStringsAsValuesKeysAndItems() throws Exception {
        for (String text : LOOKALIKES) {
            Map<Object, Object> document = new LinkedHashMap<>();
            document.put("value", text);
            document.put(text.isEmpty() || hasLineBreak(text) || text.length() > 100 ? "key" : text, "key");
            document.put("list", List.of(text, List.of(text), Map.of("k", text)));
            String yaml = SafeYaml.dump(document);

            Optional<Object> fast = DumpedYamlReader.read(yaml);

            if (!text.contains("\ufeff")) { // the emitter writes a BOM raw inside double quotes; left to SnakeYAML
                assertTrue(fast.isPresent(), () -> "not read:\n" + yaml);
                assertSameTree(SafeYaml.load(yaml), fast.get(), yaml);
            }
            assertTrue(YamlValues.sameValue(document, SafeYaml.parse(yaml.getBytes(StandardCharsets.UTF_8))));
        }
    }

    @Test
    void plainLookalikesAreTypedAsSnakeYamlTypesThem() throws Exception {
        int typed = 0;
        for (String text : LOOKALIKES) {
            for (String yaml : List.of("k: " + text + "\n", text + ": v\n", "- " + text + "\n", "- - " + text + "\n")) {
                Optional<Object> fast = DumpedYamlReader.read(yaml);
                if (fast.isPresent()) {
                    assertSameTree(SafeYaml.load(yaml), fast.get(), yaml);
                } else {
                    assertSameOutcome(yaml);
                }
                if (fast.isPresent() && fast.get() instanceof Map<?, ?> map && map.containsKey("k")) {
                    typed += map.get("k") instanceof String ? 0 : 1;
                }
            }
        }
        assertTrue(typed > 50, "booleans, nulls, numbers and timestamps read as plain scalars: " + typed);
    }

    /**
     * The reader types most scalars without SnakeYAML's resolver (by their first character, and
     * {@code true}, {@code false} and small integers directly): random plain scalars made of the
     * characters that matter must still come out as SnakeYAML types them.
     */
    @Test
    void randomPlainScalarsAreTypedAsSnakeYamlTypesThem() throws Exception {
        String alphabet = PyYamlResolver.FIRST_CHARACTERS.replace("\0", "") + "0123456789_:.-+eExXoObBaAsSlLuUrRkK";
        List<String> whole = List.of("true", "false", "0", "7", "10", "123456789", "1234567890", "2147483647",
                "01", "00", "-1", "+1", "1_0", "yes", "on", "True", "n", "Y", "kind", "base", "busybox");
        int typed = 0;
        int read = 0;
        for (int i = 0; i < 20_000; i++) {
            String scalar;
            if (random.nextInt(4) == 0) {
                scalar = whole.get(random.nextInt(whole.size()));
            } else {
                StringBuilder text = new StringBuilder();
                for (int length = 1 + random.nextInt(12); text.length() < length; ) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                scalar = text.toString();
            }
            String yaml = "k: " + scalar + "\n";
            Optional<Object> fast = DumpedYamlReader.read(yaml);
            assertSameOutcome(yaml);
            if (fast.isEmpty()) {
                assertSameOutcome(yaml);
                continue;
            }
            read++;
            assertSameTree(SafeYaml.load(yaml), fast.get(), yaml);
            typed += ((Map<?, ?>) fast.get()).get("k") instanceof String ? 0 : 1;
        }
        int readCount = read;
        int typedCount = typed;
        assertTrue(readCount > 15_000, () -> "most random scalars are plain ones the reader takes: " + readCount);
        assertTrue(typedCount > 3_000, () -> "many of them are booleans, numbers, nulls or timestamps: " + typedCount);
    }

    @Test
    void handWrittenSubsetIsReadLikeSnakeYaml() throws Exception {
        List<String> documents = List.of(
                "# GENERATED by CAR - DO NOT EDIT\nversion: 3\nrepos:\n- id: a\n  path: repos/a\n  enabled: yes\n",
                "#\n# two comment lines\nmode: hub\n",
                "mode: hub",
                "a: 1\nb:\n  c: 0o17\n  d:\n  - 0x1F\n  - 1:20\n  - - .5\n    - -.inf\n  - e: 2001-12-14\n    f: ~\n",
                "k: 'it''s'\nq: \"\\x41\\u00e9\\U0001F600\\N\\_\\L\\P\\0\\a\\b\\t\\n\\v\\f\\r\\e\\ \\\"\\\\\"\n",
                "'quoted key': 1\n\"dq key\": 2\n'yes': 3\nyes: 4\n1: 5\n1.0: 6\nnull: 7\n",
                "- []\n- {}\n- k: []\n  j: {}\n", "[]\n", "# header\n{}\n",
                "k: a'b\"c\nl: C#\nm: a,b [c] {d}\nn: -x\no: ?x\np: :x\nq: a:b\n",
                "k: 12345678901234567890\nl: 2147483648\nm: 1_000_000\nn: 0b1010\n");
        for (String yaml : documents) {
            Optional<Object> fast = DumpedYamlReader.read(yaml);

            assertTrue(fast.isPresent(), () -> "not read:\n" + yaml);
            assertSameTree(SafeYaml.load(yaml), fast.get(), yaml);
        }
    }

    @Test
    void everythingElseIsLeftToSnakeYaml() throws Exception {
        List<String> documents = List.of(
                "", "\n", "# only a comment\n", "scalar\n", "'quoted scalar'\n", "[] \n", "{}\n- a\n", "null\n",
                "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: !!binary aGk=\n", "a: !custom x\n", "!!map {a: 1}\n",
                "a: [1, 2]\n", "a: {b: 1}\n", "a: [ ]\n", "a: [] # c\n", "a: 1 # comment\n", "a: 1\n# comment\nb: 2\n",
                "a: 1\n\nb: 2\n", "a: 1\n  \nb: 2\n", "a: 1\n\n", "a: |\n  text\n", "a: >-\n  text\n",
                "a: plain\n  continued\n", "- plain\n  continued\n", "a: 'single\n  quoted'\n", "a: \"double\n  quoted\"\n",
                "a: \"line \\\n  continued\"\n", "a:\tb\n", "a: b\tc\n", "a: 1\r\nb: 2\r\n", "a: 1\rb: 2\r",
                "a:\n   b: 1\n", "a:\n    b: 1\n", "a:\n  - 1\n", "a:\n - 1\n", " a: 1\n", "a: 1\n b: 2\n",
                "a:  1\n", "a: 1 \n", "a: \n", "a:\nb: 1\n", "a:\n", "- \n", "-\n  a: 1\n", "-  a\n", "- a\n -b\n",
                "a: 1\na: 2\n", "a: 1\nb: 2\na: 3\n", "1: a\n0x1: b\n", "yes: a\ntrue: b\n",
                "? complex\n: key\n", "? [a]\n: b\n", "<<: {a: 1}\nb: 2\n", "a: <<\n", "a: =\n", "=: a\n",
                "---\na: 1\n", "a: 1\n---\nb: 2\n", "a: 1\n...\n", "%YAML 1.1\n---\na: 1\n", "--- a\n",
                "a: \"\\/\"\n", "a: \"\\ud800\"\n", "a: \"\\U00110000\"\n", "a: \"\\UFFFFFFFF\"\n", "a: \"\\xZZ\"\n",
                "a: \"\\q\"\n", "a: \"unterminated\n", "a: 'unterminated\n", "a: 'x' y\n", "a: \"x\" y\n",
                "'a' : 1\n", "a: b: c\n", "a: b:\n", "a: - b\n", "a: ---\n", "a: ...x\n", "a: @x\n", "a: `x\n",
                "a: %x\n", "a: #x\n", "a: ,x\n", "a: |x\n", "a: >x\n", "a: x #y\n", "a: \"x\ufeffy\"\n",
                "a: \u0085\n", "a: x\u2028y\n", "a: \u0001\n", "a: \u007f\n", "a: \ufffe\n",
                "k".repeat(1100) + ": long key\n", "- " + "[".repeat(60) + "]".repeat(60) + "\n",
                nested(45), nested(60));
        for (String yaml : documents) {
            assertTrue(DumpedYamlReader.read(yaml).isEmpty(), () -> "read:\n" + yaml);
            assertSameOutcome(yaml);
        }
    }

    @Test
    void aLargeGeneratedHubIsReadAsSnakeYamlReadsIt() throws Exception {
        StringBuilder yaml = new StringBuilder(Manifest.HEADER).append("\nversion: 3\nrepos:\n");
        for (int i = 0; i < 2000; i++) {
            yaml.append("- id: r").append(i).append("\n  path: repos/r").append(i)
                    .append("\n  enabled: true\n  auto_run: false\n  kind: base\n  display_name: r").append(i).append('\n');
            if (i % 10 == 0) {
                yaml.append("  destination:\n    kind: docker\n    image: busybox:latest\n    env_passthrough:\n    - CAR_*\n");
            }
        }
        String text = yaml.toString();

        Optional<Object> fast = DumpedYamlReader.read(text);

        assertTrue(fast.isPresent());
        assertSameTree(SafeYaml.load(text), fast.get(), "generated hub");
    }

    @Test
    void theStoreLoadsWhatItWritesAsSnakeYamlWould() throws Exception {
        YamlManifestStore store = new YamlManifestStore(PathCanonicalizer.LEXICAL);
        HubLocation hub = HubLocation.withDefaultManifest(tempDir);
        for (int i = 0; i < 40; i++) {
            Map<Object, Object> seeded = randomManifest(1 + random.nextInt(30));
            YamlManifestStoreTest.writeManifest(hub, Manifest.HEADER + "\n" + SafeYaml.dump(seeded));

            Manifest stored = store.update(hub, manifest -> manifest); // rewrites the file, read back before it replaces it
            Manifest loaded = store.load(hub);

            String written = Files.readString(hub.manifestPath());
            assertTrue(DumpedYamlReader.read(written).isPresent() || !writtenAsSimpleBlocks(seeded));
            Manifest reference = ManifestCodec.decode(SafeYaml.load(written), hub.root(), PathCanonicalizer.LEXICAL);
            for (Manifest manifest : List.of(stored, loaded)) {
                assertSameTree(ManifestCodec.encode(reference), ManifestCodec.encode(manifest), written);
                assertEquals(reference.issues(), manifest.issues());
            }
        }
    }

    /**
     * Whether SafeYaml.dump writes the document with simple keys only and without a raw BOM (the
     * emitter writes U+FEFF unescaped inside double quotes; the fast reader leaves any BOM to SnakeYAML).
     */
    private static boolean writtenAsSimpleBlocks(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getKey() instanceof String key && (key.isEmpty() || key.length() > 60 || hasLineBreak(key))) {
                    return false;
                }
                if (!writtenAsSimpleBlocks(e.getKey()) || !writtenAsSimpleBlocks(e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(DumpedYamlReaderTest::writtenAsSimpleBlocks);
        }
        return !(value instanceof String text && text.contains("\ufeff"));
    }

    private static boolean hasLineBreak(String text) {
        return text.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029);
    }

    /** Same outcome through {@link SafeYaml#parse} as through SnakeYAML alone: equal trees, or the same error. */
    private static void assertSameOutcome(String yaml) {
        Object expected;
        try {
            expected = SafeYaml.load(yaml.startsWith("\ufeff") ? yaml.substring(1) : yaml);
        } catch (YamlProblem e) {
            expected = e;
        }
        Object actual;
        try {
            actual = SafeYaml.parse(yaml.getBytes(StandardCharsets.UTF_8));
        } catch (YamlProblem e) {
            actual = e;
        }
        if (expected instanceof YamlProblem problem) {
            assertTrue(actual instanceof YamlProblem, () -> "expected an error for:\n" + yaml);
            assertEquals(problem.getMessage(), ((YamlProblem) actual).getMessage());
        } else {
            assertSameTree(expected, actual, yaml);
        }
    }

    /** Equal values of the same classes, maps in the same order: what YAML equality cannot tell apart. */
    static void assertSameTree(Object expected, Object actual, String yaml) {
        if (expected == null) {
            assertNull(actual, () -> "in:\n" + yaml);
            return;
        }
        if (actual == null || expected.getClass() != actual.getClass()) {
            fail("expected " + describe(expected) + " but read " + describe(actual) + " in:\n" + yaml);
        }
        if (expected instanceof Map<?, ?> map) {
            Map<?, ?> other = (Map<?, ?>) actual;
            assertEquals(map.size(), other.size(), () -> "in:\n" + yaml);
            Iterator<? extends Map.Entry<?, ?>> left = map.entrySet().iterator();
            Iterator<? extends Map.Entry<?, ?>> right = other.entrySet().iterator();
            while (left.hasNext()) {
                Map.Entry<?, ?> l = left.next();
                Map.Entry<?, ?> r = right.next();
                assertSameTree(l.getKey(), r.getKey(), yaml);
                assertSameTree(l.getValue(), r.getValue(), yaml);
            }
        } else if (expected instanceof List<?> list) {
            List<?> other = (List<?>) actual;
            assertEquals(list.size(), other.size(), () -> "in:\n" + yaml);
            for (int i = 0; i < list.size(); i++) {
                assertSameTree(list.get(i), other.get(i), yaml);
            }
        } else if (expected instanceof byte[] bytes) {
            assertArrayEquals(bytes, (byte[]) actual, () -> "in:\n" + yaml);
        } else {
            assertEquals(expected, actual, () -> "in:\n" + yaml); // Double.equals: NaN equals NaN, -0.0 is not 0.0
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    private static String nested(int depth) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            yaml.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        return yaml.append("  ".repeat(depth)).append("leaf: 1\n").toString();
    }

    private Map<Object, Object> randomManifest(int repos) {
        Map<Object, Object> manifest = new LinkedHashMap<>();
        manifest.put("version", 3);
        List<Object> entries = new ArrayList<>();
        for (int i = 0; i < repos; i++) {
            Map<Object, Object> repo = new LinkedHashMap<>();
            repo.put("id", randomText(12));
            repo.put("path", "repos/" + randomText(20).replace('\0', '_')); // a NUL is no path (Path.of refuses it)
            repo.put("enabled", random.nextBoolean());
            repo.put("auto_run", random.nextBoolean());
            repo.put("kind", random.nextBoolean() ? "base" : "worktree");
            if (random.nextBoolean()) {
                repo.put("display_name", randomText(30));
            }
            if (random.nextBoolean()) {
                repo.put("worktree_of", randomText(12));
                repo.put("branch", randomText(12));
            }
            if (random.nextInt(4) == 0) {
                repo.put("worktree_setup_commands", List.of(randomText(60), randomText(200)));
            }
            if (random.nextInt(3) == 0) {
                Map<Object, Object> destination = new LinkedHashMap<>();
                destination.put("kind", "docker");
                destination.put("image", randomText(30));
                destination.put("env_passthrough", List.of("CAR_*", randomText(10)));
                destination.put("mounts", List.of(Map.of("source", randomText(20), "target", randomText(20))));
                destination.put("env", Map.of("A", randomText(20)));
                repo.put("destination", destination);
            }
            if (random.nextInt(5) == 0) {
                repo.put("x_" + random.nextInt(100), randomValue(3));
            }
            entries.add(repo);
        }
        manifest.put("repos", entries);
        return manifest;
    }

    private Map<Object, Object> randomMapping(int depth) {
        Map<Object, Object> map = new LinkedHashMap<>();
        int size = random.nextInt(depth == 1 ? 9 : 5);
        for (int i = 0; i < size; i++) {
            map.put(randomKey(), randomValue(depth + 1));
        }
        return map;
    }

    private List<Object> randomList(int depth) {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            list.add(randomValue(depth + 1));
        }
        return list;
    }

    private Object randomKey() {
        switch (random.nextInt(14)) {
            case 0:
                return random.nextInt(2000) - 1000;
            case 1:
                return random.nextBoolean();
            case 2:
                return null;
            case 3:
                return random.nextInt(4) / 2.0;
            case 4:
                return randomText(300);
            case 5:
                return randomText(16);
            default:
                return randomText(16).replaceAll("[\\n\\r\u0085\u2028\u2029]", "_"); // else mostly `? key` entries
        }
    }

    /** A value of a type a YAML load produces, so that the round trip can be compared with equals. */
    private Object randomValue(int depth) {
        switch (random.nextInt(depth >= 6 ? 9 : 12)) {
            case 0:
                return null;
            case 1:
                return random.nextBoolean();
            case 2:
                return random.nextInt(3) == 0 ? random.nextInt() : random.nextInt(100);
            case 3:
                return random.nextBoolean() ? (long) Integer.MAX_VALUE + 1 + random.nextInt(1000)
                        : new BigInteger(Long.MAX_VALUE + "").add(BigInteger.valueOf(1 + random.nextInt(1000)));
            case 4:
                return randomDouble();
            case 5:
                return new YamlTimestamp(List.of("2001-12-14", "2001-12-14 21:59:43.10 -5", "2001-12-14T21:59:43Z",
                        "2001-1-4 1:02:03").get(random.nextInt(4)));
            case 6:
            case 7:
            case 8:
                return randomText(random.nextInt(20) == 0 ? 3000 : 40);
            case 9:
                return randomMapping(depth);
            default:
                return randomList(depth);
        }
    }

    private double randomDouble() {
        switch (random.nextInt(4)) {
            case 0:
                return List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 1e16, 1e-5)
                        .get(random.nextInt(7));
            case 1:
                return Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL) * (random.nextBoolean() ? 1 : -1);
            default:
                return random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
        }
    }

    /** Lookalikes, awkward characters and plain words, glued together up to about {@code maxLength}. */
    private String randomText(int maxLength) {
        if (random.nextInt(4) == 0) {
            return LOOKALIKES.get(random.nextInt(LOOKALIKES.size()));
        }
        StringBuilder text = new StringBuilder();
        int target = 1 + random.nextInt(maxLength);
        while (text.length() < target) {
            switch (random.nextInt(6)) {
                case 0:
                    text.append(LOOKALIKES.get(random.nextInt(LOOKALIKES.size())));
                    break;
                case 1:
                    text.append(AWKWARD.charAt(random.nextInt(AWKWARD.length())));
                    break;
                case 2:
                    text.append((char) (random.nextBoolean() ? random.nextInt(0x20) : 0x7F + random.nextInt(0x22)));
                    break;
                case 3:
                    text.appendCodePoint(0x1F600 + random.nextInt(64));
                    break;
                default:
                    text.append("word", 0, 1 + random.nextInt(4));
            }
        }
        return text.toString();
    }
}
