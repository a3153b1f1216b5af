package dev.car.adapters.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.car.domain.destination.DestinationParser;
import dev.car.domain.destination.DockerDestination;
import dev.car.domain.destination.DockerProfile;
import dev.car.domain.destination.Mount;
import dev.car.domain.destination.ParsedDestination;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.ManifestCodec;
import dev.car.domain.repo.PathCanonicalizer;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The destination docs drift check (the reference tool's {@code check_destination_contract_drift.py}):
 * the machine-readable contract in the schema reference must equal the contract built from the
 * code's constants, the user guide must carry the required snippets and link, and every documented
 * validation message must be one the parser really produces.
 */
class DestinationContractDocsTest {

    /** Surefire runs in the module folder; the docs live at the project root. */
    private static final Path DESTINATIONS_DOC = Path.of("..", "docs", "destinations.md");
    private static final Path SCHEMA_DOC = Path.of("..", "docs", "reference", "hub-manifest-schema.md");
    private static final Path README = Path.of("..", "README.md");

    private static final String BEGIN = "<!-- CAR_DESTINATION_CONTRACT:BEGIN -->";
    private static final String END = "<!-- CAR_DESTINATION_CONTRACT:END -->";
    private static final Pattern YAML_FENCE = Pattern.compile("(?ms)^```(?:yaml|yml)[ \\t]*\\n(.*?)^```[ \\t]*$");

    private static final List<String> REQUIRED_SNIPPETS =
            List.of("`profile`", "`workdir`", "`env`", "`read_only`", "`full-dev`", "hub-manifest-schema.md");

    private static final String MESSAGES_SECTION = "### Destination validation messages";

    // ---------------------------------------------------------------- the contract

    @Test
    void docsContractMatchesTheCode() {
        Optional<String> drift = compare(codeContract(), docsContract());
        drift.ifPresent(report -> fail(report
                + "\nUpdate the contract block in " + SCHEMA_DOC.normalize() + " (and the prose around it) to match the code."));
    }

    static Stream<Arguments> mutations() {
        return Stream.of(
                Arguments.of("an extra required binary", (Consumer<Map<String, Object>>) contract ->
                        list(map(map(contract, "profiles"), "full-dev"), "required_binaries").add("extra-binary")),
                Arguments.of("a docker field dropped", (Consumer<Map<String, Object>>) contract ->
                        list(map(contract, "docker"), "optional_fields").remove("workdir")),
                Arguments.of("a default mount made read-only", (Consumer<Map<String, Object>>) contract ->
                        map(list(map(map(contract, "profiles"), "full-dev"), "default_mounts"), 0).put("read_only", true)),
                Arguments.of("another kind", (Consumer<Map<String, Object>>) contract ->
                        list(contract, "supported_kinds").add("ssh")),
                Arguments.of("a different env value type", (Consumer<Map<String, Object>>) contract ->
                        map(contract, "env").put("value_type", "integer")),
                Arguments.of("an extra section", (Consumer<Map<String, Object>>) contract ->
                        contract.put("agents", List.of("codex"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void theCheckReportsDrift(String what, Consumer<Map<String, Object>> mutation) {
        Map<String, Object> modified = mutableCopy(docsContract());
        mutation.accept(modified);

        Optional<String> drift = compare(codeContract(), modified);

        assertTrue(drift.isPresent(), "a contract with " + what + " was accepted");
        String report = drift.get();
        assertTrue(report.startsWith("destination contract drift detected between code and docs\n"), report);
        assertTrue(report.contains("--- code_contract\n+++ docs_contract\n"), report);
        assertTrue(report.lines().anyMatch(line -> line.startsWith("+") && !line.startsWith("+++")
                || line.startsWith("-") && !line.startsWith("---")), report);

        Map<String, Object> changedCode = mutableCopy(codeContract());
        mutation.accept(changedCode);
        assertTrue(compare(changedCode, docsContract()).isPresent(), "code with " + what + " matched the docs");
    }

    @Test
    void theDiffShowsTheDriftingLine() {
        Map<String, Object> modified = mutableCopy(docsContract());
        list(map(map(modified, "profiles"), "full-dev"), "required_binaries").add("extra-binary");

        String report = compare(codeContract(), modified).orElseThrow();

        List<String> changed = report.lines()
                .filter(line -> (line.startsWith("+") || line.startsWith("-")) && !line.startsWith("+++") && !line.startsWith("---"))
                .toList();
        assertEquals(List.of("+    - extra-binary"), changed, report);
    }

    @Test
    void canonicalizationIgnoresOrderDuplicatesWhitespaceAndDefaultReadOnly() {
        Map<String, Object> code = codeContract();
        Map<String, Object> shuffled = mutableCopy(code);
        List<Object> kinds = list(shuffled, "supported_kinds");
        kinds.replaceAll(kind -> "  " + kind + " ");
        kinds.add(0, "docker");
        List<Object> binaries = list(map(map(shuffled, "profiles"), "full-dev"), "required_binaries");
        Collections.reverse(binaries);
        List<Object> mounts = list(map(map(shuffled, "profiles"), "full-dev"), "default_mounts");
        Collections.reverse(mounts);
        mounts.forEach(mount -> ((Map<?, ?>) mount).remove("read_only"));
        map(shuffled, "env").put("key_type", " string ");

        assertEquals(Optional.empty(), compare(code, shuffled));
    }

    @Test
    void contractConstantsMatchWhatTheParserEnforces() {
        Map<String, Object> full = fullDockerPayload();
        assertValid(full, "a payload with every docker field");

        Map<String, Object> minimal = new LinkedHashMap<>();
        DestinationParser.DOCKER_REQUIRED_FIELDS.forEach(field -> minimal.put(field, full.get(field)));
        assertValid(minimal, "a payload with only the required fields " + DestinationParser.DOCKER_REQUIRED_FIELDS);
        for (String field : DestinationParser.DOCKER_REQUIRED_FIELDS) {
            Map<String, Object> without = new LinkedHashMap<>(full);
            without.remove(field);
            assertFalse(DestinationParser.parse(without).valid(), "accepted without required field " + field);
        }
        for (String field : DestinationParser.DOCKER_OPTIONAL_FIELDS) {
            assertTrue(full.containsKey(field), "the full payload lacks " + field);
            Map<String, Object> without = new LinkedHashMap<>(full);
            without.remove(field);
            assertValid(without, "a payload without optional field " + field);
        }

        Map<String, Object> mount = Map.of(Mount.SOURCE, "/tmp/src", Mount.TARGET, "/workspace/src", Mount.READ_ONLY, true);
        for (String field : Mount.REQUIRED_FIELDS) {
            Map<String, Object> without = new LinkedHashMap<>(mount);
            without.remove(field);
            assertFalse(DestinationParser.parse(withMount(without)).valid(), "accepted a mount without " + field);
        }
        for (String field : Mount.OPTIONAL_FIELDS) {
            Map<String, Object> without = new LinkedHashMap<>(mount);
            without.remove(field);
            assertValid(withMount(without), "a mount without " + field);
        }
    }

    /** The reference check's parser self-test. */
    @Test
    void parserAcceptsTheFullPayloadAndRejectsWhatTheDocsSayItRejects() {
        assertValid(fullDockerPayload(), "docker destination parser rejected valid profile/workdir/env/mount fields");

        Map<String, Object> unknownProfile = fullDockerPayload();
        unknownProfile.put("profile", "unknown");
        assertFalse(DestinationParser.parse(unknownProfile).valid(), "docker destination parser unexpectedly accepted unknown profile");

        Map<String, Object> stringReadOnly = withMount(Map.of("source", "/tmp/src", "target", "/workspace/src", "read_only", "yes"));
        assertFalse(DestinationParser.parse(stringReadOnly).valid(), "docker destination parser unexpectedly accepted non-boolean read_only");

        Map<String, Object> numericEnv = fullDockerPayload();
        numericEnv.put("env", Map.of("OPENAI_API_KEY", 123));
        assertFalse(DestinationParser.parse(numericEnv).valid(), "docker destination parser unexpectedly accepted non-string env map values");
    }

    // ---------------------------------------------------------------- the documents

    @Test
    void destinationsDocHasTheRequiredSnippetsAndLinksTheSchema() {
        String doc = read(DESTINATIONS_DOC);
        List<String> missing = REQUIRED_SNIPPETS.stream().filter(snippet -> !doc.contains(snippet)).sorted().toList();
        assertEquals(List.of(), missing, "destinations doc is missing required docker-contract snippets: " + String.join(", ", missing));

        assertTrue(doc.contains("](reference/hub-manifest-schema.md)") || doc.contains("](reference/hub-manifest-schema.md#"),
                "destinations doc does not link reference/hub-manifest-schema.md");
        assertTrue(Files.isRegularFile(DESTINATIONS_DOC.resolveSibling("reference").resolve("hub-manifest-schema.md")),
                "the linked schema reference does not exist");
        assertTrue(read(SCHEMA_DOC).contains("](../destinations.md)"), "the schema reference does not link back to the guide");
    }

    @Test
    void readmeLinksBothDocs() {
        String readme = read(README);
        assertTrue(readme.contains("](docs/destinations.md)"), "README does not link docs/destinations.md");
        assertTrue(readme.contains("](docs/reference/hub-manifest-schema.md)"), "README does not link docs/reference/hub-manifest-schema.md");
    }

    /** The four messages of the user's troubleshooting list, each with an input that produces it. */
    static Stream<Arguments> troubleshootingMessages() {
        return Stream.of(
                Arguments.of("docker destination requires non-empty 'image'",
                        Map.of("kind", "docker", "image", ""),
                        "destination: docker destination requires non-empty 'image'"),
                Arguments.of("unsupported destination kind",
                        Map.of("kind", "ssh"),
                        "destination: unsupported destination kind 'ssh'"),
                Arguments.of("mounts[0].read_only must be a boolean",
                        withMount(Map.of("source", "/a", "target", "/b", "read_only", "true")),
                        "destination: mounts[0].read_only must be a boolean"),
                Arguments.of("env['KEY'] must be a string value",
                        Map.of("kind", "docker", "image", "busybox:latest", "env", Map.of("KEY", 1)),
                        "destination: env['KEY'] must be a string value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("troubleshootingMessages")
    void troubleshootingMessageIsDocumentedAndProducedByTheParser(String message, Object input, String produced) {
        assertTrue(read(DESTINATIONS_DOC).contains("`" + message + "`"), "destinations doc lacks `" + message + "`");
        assertTrue(read(SCHEMA_DOC).contains(message), "schema reference lacks " + message);

        ParsedDestination parsed = DestinationParser.parse(input);
        assertFalse(parsed.valid());
        assertTrue(parsed.errors().contains(produced), "the parser said " + parsed.errors() + ", not " + produced);
        assertTrue(produced.startsWith("destination: " + message));
    }

    @Test
    void everyDocumentedValidationMessageIsWhatItsExampleProduces() {
        Map<String, String> rows = documentedMessages();
        assertTrue(rows.size() >= parserErrorInputs().size(), "only " + rows.size() + " documented messages");
        List<String> wrong = new ArrayList<>();
        rows.forEach((message, example) -> {
            ParsedDestination parsed = DestinationParser.parse(parseYaml(example));
            if (!parsed.errors().equals(List.of("destination: " + message))) {
                wrong.add(message + " <- " + example + " gave " + parsed.errors());
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyParserErrorIsDocumented() {
        Map<String, String> rows = documentedMessages();
        List<String> undocumented = new ArrayList<>();
        for (Object input : parserErrorInputs()) {
            for (String error : DestinationParser.parse(input).errors()) {
                String message = error.substring("destination: ".length());
                if (!rows.containsKey(message)) {
                    undocumented.add(message);
                }
            }
        }
        assertEquals(List.of(), undocumented, "parser messages missing from " + MESSAGES_SECTION);
    }

    /** Every YAML example that is a destination or a manifest must be one car accepts without issues. */
    @Test
    void yamlExamplesInTheDocsAreValid() {
        int checked = 0;
        for (Path doc : List.of(DESTINATIONS_DOC, SCHEMA_DOC)) {
            String text = read(doc);
            Matcher fence = YAML_FENCE.matcher(text);
            while (fence.find()) {
                if (isInsideContract(text, fence.start())) {
                    continue;
                }
                String block = fence.group(1);
                Object document = parseYaml(block);
                if (document instanceof Map<?, ?> map && map.containsKey("destination") && !map.containsKey("repos")) {
                    ParsedDestination parsed = DestinationParser.parse(map.get("destination"));
                    assertTrue(parsed.valid(), doc + ": example is not a valid destination: " + parsed.errors() + "\n" + block);
                    checked++;
                } else if (document instanceof Map<?, ?> map && map.containsKey("version")) {
                    Manifest manifest = ManifestCodec.decode(document, Path.of("/hub"), PathCanonicalizer.LEXICAL);
                    assertEquals(List.of(), manifest.issues(), doc + ": example manifest has issues\n" + block);
                    checked++;
                }
            }
        }
        assertTrue(checked >= 5, "only " + checked + " YAML examples were checked");
    }

    // ---------------------------------------------------------------- contract from code

    /** The contract as the code defines it, in the docs block's shape. */
    static Map<String, Object> codeContract() {
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("supported_kinds", DestinationParser.SUPPORTED_KINDS);

        Map<String, Object> docker = new LinkedHashMap<>();
        docker.put("required_fields", DestinationParser.DOCKER_REQUIRED_FIELDS);
        docker.put("optional_fields", DestinationParser.DOCKER_OPTIONAL_FIELDS);
        contract.put("docker", docker);

        Map<String, Object> mount = new LinkedHashMap<>();
        mount.put("required_fields", Mount.REQUIRED_FIELDS);
        mount.put("optional_fields", Mount.OPTIONAL_FIELDS);
        mount.put("read_only_type", typeName(component(Mount.class, "readOnly").getGenericType()));
        contract.put("mount", mount);

        Type[] envTypes = ((ParameterizedType) component(DockerDestination.class, "env").getGenericType())
                .getActualTypeArguments();
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("key_type", typeName(envTypes[0]));
        env.put("value_type", typeName(envTypes[1]));
        contract.put("env", env);

        Map<String, Object> profiles = new LinkedHashMap<>();
        profiles.put("supported", DockerProfile.SUPPORTED.stream().map(DockerProfile::name).toList());
        for (DockerProfile profile : DockerProfile.SUPPORTED) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("required_binaries", profile.requiredBinaries());
            List<Object> mounts = new ArrayList<>();
            for (Mount m : profile.defaultMounts()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put(Mount.SOURCE, m.source());
                item.put(Mount.TARGET, m.target());
                item.put(Mount.READ_ONLY, m.readOnly());
                mounts.add(item);
            }
            entry.put("default_mounts", mounts);
            entry.put("default_env_passthrough", profile.defaultEnvPassthrough());
            entry.put("required_auth_files", profile.requiredAuthFiles());
            profiles.put(profile.name(), entry);
        }
        contract.put("profiles", profiles);
        return contract;
    }

    private static RecordComponent component(Class<?> record, String name) {
        return Arrays.stream(record.getRecordComponents())
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(record.getSimpleName() + " has no component " + name));
    }

    /** The contract's name for a Java type; an unexpected type fails instead of guessing. */
    private static String typeName(Type type) {
        if (type == String.class) {
            return "string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        throw new AssertionError("no contract name for " + type.getTypeName() + "; extend typeName and the docs");
    }

    // ---------------------------------------------------------------- contract from docs

    /** The YAML mapping of the first yaml/yml fence between the contract markers. */
    static Map<String, Object> docsContract() {
        String doc = read(SCHEMA_DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        if (begin < 0 || end < 0 || end < begin) {
            fail("failed to parse docs contract block: missing contract block markers: " + BEGIN + " ... " + END
                    + " in " + SCHEMA_DOC);
        }
        Matcher fence = YAML_FENCE.matcher(doc.substring(begin + BEGIN.length(), end));
        if (!fence.find()) {
            fail("failed to parse docs contract block: no ```yaml fence between the markers in " + SCHEMA_DOC);
        }
        Object parsed = parseYaml(fence.group(1));
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new AssertionError("failed to parse docs contract block: contract block must decode to a mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> contract = (Map<String, Object>) map;
        return contract;
    }

    private static boolean isInsideContract(String doc, int position) {
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        return begin >= 0 && end > begin && position > begin && position < end;
    }

    // ---------------------------------------------------------------- comparison

    /** Empty when both canonical forms are equal; otherwise the drift report with a unified diff. */
    static Optional<String> compare(Map<String, Object> code, Map<String, Object> docs) {
        Object canonicalCode = canonicalize(code);
        Object canonicalDocs = canonicalize(docs);
        if (canonicalCode.equals(canonicalDocs)) {
            return Optional.empty();
        }
        return Optional.of("destination contract drift detected between code and docs\n"
                + unifiedDiff(SafeYaml.dump(canonicalCode), SafeYaml.dump(canonicalDocs), "code_contract", "docs_contract"));
    }

    /**
     * Keys sorted; string lists stripped, de-duplicated and sorted; mount lists (maps with
     * {@code source}/{@code target}) sorted by (source, target, read_only) with read_only defaulting
     * to false; strings stripped.
     */
    static Object canonicalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put(String.valueOf(key).strip(), canonicalize(item)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            if (list.stream().allMatch(String.class::isInstance)) {
                TreeSet<String> strings = new TreeSet<>();
                list.forEach(item -> strings.add(((String) item).strip()));
                return new ArrayList<>(strings);
            }
            if (!list.isEmpty() && list.stream().allMatch(DestinationContractDocsTest::isMount)) {
                List<Map<String, Object>> mounts = new ArrayList<>();
                for (Object item : list) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> mount = (Map<String, Object>) canonicalize(item);
                    mount.putIfAbsent(Mount.READ_ONLY, false);
                    mounts.add(mount);
                }
                mounts.sort(Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get(Mount.SOURCE)))
                        .thenComparing(m -> String.valueOf(m.get(Mount.TARGET)))
                        .thenComparing(m -> String.valueOf(m.get(Mount.READ_ONLY))));
                return new ArrayList<>(mounts);
            }
            List<Object> items = new ArrayList<>();
            list.forEach(item -> items.add(canonicalize(item)));
            return items;
        }
        if (value instanceof String text) {
            return text.strip();
        }
        return value;
    }

    private static boolean isMount(Object item) {
        return item instanceof Map<?, ?> map && (map.containsKey(Mount.SOURCE) || map.containsKey(Mount.TARGET));
    }

    /** A unified diff (3 lines of context) of two texts, line by line, by longest common subsequence. */
    static String unifiedDiff(String expected, String actual, String expectedName, String actualName) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        // The edit script: ' ', '-' or '+' then the line, with its 1-based line numbers in a and b.
        List<String> lines = new ArrayList<>();
        List<int[]> positions = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            positions.add(new int[] {i + 1, j + 1});
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                lines.add(" " + a.get(i));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                lines.add("-" + a.get(i++));
            } else {
                lines.add("+" + b.get(j++));
            }
        }
        int context = 3;
        StringBuilder out = new StringBuilder("--- " + expectedName + "\n+++ " + actualName + "\n");
        int k = 0;
        while (k < lines.size()) {
            if (lines.get(k).startsWith(" ")) {
                k++;
                continue;
            }
            int from = Math.max(0, k - context);
            int to = k;
            // Extend the hunk while the next change is within 2 * context unchanged lines.
            int unchanged = 0;
            for (int m = k; m < lines.size(); m++) {
                if (lines.get(m).startsWith(" ")) {
                    unchanged++;
                    if (unchanged > 2 * context) {
                        break;
                    }
                } else {
                    unchanged = 0;
                    to = m;
                }
            }
            int last = Math.min(lines.size() - 1, to + context);
            int oldCount = 0;
            int newCount = 0;
            for (int m = from; m <= last; m++) {
                oldCount += lines.get(m).startsWith("+") ? 0 : 1;
                newCount += lines.get(m).startsWith("-") ? 0 : 1;
            }
            out.append("@@ -").append(positions.get(from)[0]).append(',').append(oldCount)
                    .append(" +").append(positions.get(from)[1]).append(',').append(newCount).append(" @@\n");
            for (int m = from; m <= last; m++) {
                out.append(lines.get(m)).append('\n');
            }
            k = last + 1;
        }
        return out.toString();
    }

    @Test
    void unifiedDiffShowsHunksWithContext() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
        String after = "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\nk\n";

        assertEquals("--- old\n+++ new\n"
                + "@@ -2,9 +2,10 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n i\n j\n+k\n",
                unifiedDiff(before, after, "old", "new"));
        assertEquals("--- old\n+++ new\n@@ -1,2 +1,3 @@\n x\n+y\n z\n", unifiedDiff("x\nz\n", "x\ny\nz\n", "old", "new"));
    }

    // ---------------------------------------------------------------- helpers

    /** Message -> example input of the schema reference's validation message table. */
    private static Map<String, String> documentedMessages() {
        String doc = read(SCHEMA_DOC);
        int start = doc.indexOf(MESSAGES_SECTION);
        assertTrue(start >= 0, SCHEMA_DOC + " has no section " + MESSAGES_SECTION);
        int next = doc.indexOf("\n#", start + MESSAGES_SECTION.length());
        String section = doc.substring(start, next < 0 ? doc.length() : next);
        Pattern row = Pattern.compile("(?m)^\\| `([^`]+)` \\| `([^`]+)` \\|\\s*$");
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher matcher = row.matcher(section);
        while (matcher.find()) {
            rows.put(matcher.group(1), matcher.group(2));
        }
        return rows;
    }

    /** Inputs that between them reach every error branch of the parser. */
    private static List<Object> parserErrorInputs() {
        List<Object> inputs = new ArrayList<>();
        inputs.add("not-a-mapping");
        inputs.add(Map.of("image", "busybox:latest"));
        inputs.add(Map.of("kind", "ssh"));
        Map<String, Object> everyField = new LinkedHashMap<>();
        everyField.put("kind", "docker");
        everyField.put("image", " ");
        everyField.put("container_name", "");
        everyField.put("mounts", "x");
        everyField.put("env_passthrough", "CAR_*");
        everyField.put("workdir", 5);
        everyField.put("profile", "");
        everyField.put("env", List.of());
        inputs.add(everyField);
        for (Object mount : List.of("/a:/b", Map.of("target", "/b"), Map.of("source", "/a"),
                Map.of("source", "/a", "target", "/b", "read_only", "yes"))) {
            inputs.add(docker(Map.of("mounts", List.of(mount))));
        }
        inputs.add(docker(Map.of("env_passthrough", List.of(" "))));
        inputs.add(docker(Map.of("profile", "FULL_DEEV")));
        inputs.add(docker(Map.of("env", Map.of(" ", "x"))));
        inputs.add(docker(Map.of("env", Map.of("KEY", 123))));
        return inputs;
    }

    private static Map<String, Object> docker(Map<String, Object> fields) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", "docker");
        payload.put("image", "busybox:latest");
        payload.putAll(fields);
        return payload;
    }

    /** The reference check's valid payload: every docker field set. */
    private static Map<String, Object> fullDockerPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", "docker");
        payload.put("image", "busybox:latest");
        payload.put("container_name", "car-demo");
        payload.put("mounts", List.of(Map.of("source", "/tmp/src", "target", "/workspace/src", "read_only", true)));
        payload.put("env_passthrough", List.of("CAR_*"));
        payload.put("workdir", "/workspace");
        payload.put("profile", "full-dev");
        payload.put("env", Map.of("OPENAI_API_KEY", "sk-test"));
        return payload;
    }

    private static Map<String, Object> withMount(Map<String, Object> mount) {
        return docker(Map.of("mounts", List.of(mount)));
    }

    private static void assertValid(Object payload, String what) {
        ParsedDestination parsed = DestinationParser.parse(payload);
        assertTrue(parsed.valid(), what + ": " + parsed.errors());
    }

    private static Object parseYaml(String text) {
        try {
            return SafeYaml.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (YamlProblem e) {
            throw new AssertionError("failed to parse docs contract block: " + e.getMessage() + "\n" + text, e);
        }
    }

    private static String read(Path path) {
        if (!Files.isRegularFile(path)) {
            fail("Doc not found: " + path.toAbsolutePath().normalize());
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Deep copy into mutable maps and lists, so a test can change one part. */
    @SuppressWarnings("unchecked")
    private static <T> T mutableCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, mutableCopy(item)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(mutableCopy(item)));
            return (T) copy;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object parent, String key) {
        return (Map<String, Object>) ((Map<?, ?>) parent).get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(List<Object> parent, int index) {
        return (Map<String, Object>) parent.get(index);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object parent, String key) {
        return (List<Object>) ((Map<?, ?>) parent).get(key);
    }
}
