package dev.car.adapters.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.car.application.port.out.HubLocation;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.RepoEntry;
import dev.car.domain.manifest.RepoKind;
import dev.car.domain.repo.PathCanonicalizer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The write contract: anything written loads back to equal values. Seeded random documents built
 * from strings that YAML likes to mistype or mangle (indicators, 1.1 booleans, numbers, line breaks,
 * control and Unicode separator characters) go through dump and load, and through the store.
 */
class YamlRoundTripTest {

    private static final long SEED = 20240611L;

    private static final List<String> NASTY = List.of(
            "", " ", "  ", " lead", "trail ", "a  b", "true", "True", "TRUE", "false", "yes", "Yes", "no", "NO",
            "on", "On", "off", "OFF", "y", "n", "null", "Null", "NULL", "~", "0", "1", "-1", "+1", "007", "010",
            "0x10", "0X10", "0o17", "0b101", "1_000", "1:30", "190:20:30", "1.5", "1.", ".5", "-.5", "1e3", "1E3",
            "1.5e+3", "1.5e3", ".inf", "-.Inf", ".NaN", "2024-01-01", "2024-1-1 10:00:00", "2024-01-01T10:00:00Z",
            "=", "<<", "-", "--", "---", "...", "- x", "? x", ": x", "x:", "x: y", "x:y", "x #y", "x#y", "#x",
            "&a", "*a", "*_TOKEN", "CAR_*", "!tag", "!!str", "|", ">", "|-", "'", "''", "\"", "\\", "\\n", "%x",
            "@x", "`x", "{", "}", "[", "]", "{a: 1}", "[1, 2]", ",", "a,b", "busybox:latest",
            "http://host:80/p?q=1#f", "C:\\path", "\n", "a\nb", "a\n", "\na", "a\n\nb", "\r", "a\r\nb", "\t",
            "tab\tin", "\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u00a0", "\u2028", "\u2029",
            "\ufeff", "\ufffe", "é", "日本語", "emoji 😀", "x".repeat(300),
            "word ".repeat(60));

    private final Random random = new Random(SEED);

    @TempDir
    Path tempDir;

    @Test
    void dumpedDocumentsLoadBackEqual() throws Exception {
        for (int i = 0; i < 500; i++) {
            Object document = randomMapping(0);
            String yaml = SafeYaml.dump(document);

            Object reloaded = SafeYaml.parse(SafeYaml.encodeStrictUtf8(yaml));

            assertEquals(document, reloaded, () -> "seed " + SEED + ", YAML:\n" + yaml);
        }
    }

    @Test
    void everyNastyStringSurvivesAsValueAndAsKey() throws Exception {
        for (String nasty : NASTY) {
            Map<Object, Object> document = new LinkedHashMap<>();
            document.put("value", nasty);
            document.put(nasty, "key");
            document.put("list", List.of(nasty));
            String yaml = SafeYaml.dump(document);

            assertEquals(document, SafeYaml.parse(yaml.getBytes(StandardCharsets.UTF_8)), () -> "YAML:\n" + yaml);
            assertEquals(1, SafeYaml.dump(Map.of("value", nasty)).lines().count(), () -> "never folded:\n" + yaml);
        }
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        for (String invalid : List.of("\ud800", "\ud8000a", "a\udfff", "\udc00\ud800")) {
            YAMLException error = assertThrows(YAMLException.class, () -> SafeYaml.dump(Map.of("k", invalid)));
            assertEquals("text with an unpaired surrogate character (not valid Unicode)", error.getMessage());
        }
        assertEquals("k: 😀\n", SafeYaml.dump(Map.of("k", "😀")));
    }

    @Test
    void storeWritesLoadBackEqual() {
        YamlManifestStore store = new YamlManifestStore(PathCanonicalizer.LEXICAL);
        HubLocation hub = HubLocation.withDefaultManifest(tempDir);
        for (int i = 0; i < 100; i++) {
            Map<Object, Object> topExtras = randomMapping(1);
            topExtras.keySet().removeIf(key -> "version".equals(key) || "repos".equals(key));
            Map<Object, Object> repoExtras = randomMapping(1);
            repoExtras.keySet().removeIf(key -> key instanceof String text && isRepoKey(text));
            RepoEntry repo = new RepoEntry("r", "repos/r", true, false, RepoKind.BASE, null, null, null,
                    List.of(), false, false, null, repoExtras);

            Manifest stored = store.update(hub, m -> new Manifest(List.of(repo), null, topExtras, List.of()));
            Manifest loaded = store.load(hub);

            assertEquals(topExtras, loaded.extras());
            assertEquals(repoExtras, loaded.find("r").orElseThrow().extras());
            assertEquals(loaded.extras(), stored.extras());
        }
    }

    private static boolean isRepoKey(String key) {
        return List.of("id", "path", "enabled", "auto_run", "kind", "display_name", "worktree_of", "branch",
                "worktree_setup_commands", "archived", "destination").contains(key);
    }

    private Map<Object, Object> randomMapping(int depth) {
        Map<Object, Object> map = new LinkedHashMap<>();
        int size = random.nextInt(depth == 0 ? 8 : 5);
        for (int i = 0; i < size; i++) {
            map.put(randomKey(), randomValue(depth + 1));
        }
        return map;
    }

    private Object randomKey() {
        switch (random.nextInt(10)) {
            case 0:
                return random.nextInt(100);
            case 1:
                return random.nextBoolean();
            case 2:
                return null;
            default:
                return randomString();
        }
    }

    /** Values in the Java types a YAML load produces, so equals can compare them. */
    private Object randomValue(int depth) {
        int choice = random.nextInt(depth >= 4 ? 8 : 11);
        switch (choice) {
            case 0:
                return null;
            case 1:
                return random.nextBoolean();
            case 2:
                return random.nextInt();
            case 3:
                return (long) Integer.MAX_VALUE + 1 + random.nextInt(1_000_000);
            case 4:
                return new BigInteger(Long.MAX_VALUE + "").add(BigInteger.valueOf(1 + random.nextInt(1000)));
            case 5:
                return randomDouble();
            case 6:
            case 7:
                return randomString();
            case 8:
                return randomMapping(depth);
            default:
                List<Object> list = new ArrayList<>();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    list.add(randomValue(depth + 1));
                }
                return list;
        }
    }

    private double randomDouble() {
        switch (random.nextInt(6)) {
            case 0:
                return List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0)
                        .get(random.nextInt(5));
            case 1:
                return Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL) * (random.nextBoolean() ? 1 : -1);
            case 2:
                return random.nextInt(1000) / 8.0;
            default:
                return random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
        }
    }

    private String randomString() {
        if (random.nextBoolean()) {
            return NASTY.get(random.nextInt(NASTY.size()));
        }
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            String piece = NASTY.get(random.nextInt(NASTY.size()));
            text.append(piece, 0, Math.min(piece.length(), 12));
        }
        return text.toString();
    }
}
