package dev.car.adapters.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The fast writer writes exactly what SnakeYAML's dump writes, or nothing (compared with SnakeYAML itself). */
class DumpedYamlWriterTest {

    private static final List<String> KEYS = List.of("id", "path", "kind", "image", "env", "mounts", "x_extra");
    private static final String ALPHABET = "abcXYZ019 _-./:*@~=+#,[]{}'\"!%&|>?`\\é\t\n";
    private static final List<String> TRICKY = List.of("yes", "No", "ON", "off", "true", "False", "null", "Null", "~",
            "", " ", "1", "-1", "+1", "0x1f", "0o17", "017", "1_000", "1:20", "1:20.5", "1.5", "1.", ".5", "1e3", "1.5e+3",
            ".inf", "-.inf", ".nan", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "=", "<<", "- x", "-x", "a: b", "a:b",
            "a #b", "a#b", "a:", "key:", "*x", "x*", "&a", "!tag", "%x", "@x", "x@", "?x", "|", ">", "'q'", "\"q\"",
            "CAR_*", "busybox:latest", "/tmp:/tmp:ro", "repos/r0", "r0--wt", "My Repo", "a  b", "trailing ", " leading",
            "ünïcode", "tab\there", "line\nbreak", "é");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void writesWhatSnakeYamlWritesOrGivesUp(long seed) {
        Random random = new Random(seed);
        int handled = 0;
        for (int i = 0; i < 200; i++) {
            Map<Object, Object> document = mapping(random, 0);
            String fast = DumpedYamlWriter.write(document);
            if (fast != null) {
                handled++;
                assertEquals(SafeYaml.dumpWithSnakeYaml(document), fast, "seed " + seed + ", document " + i + ": " + document);
            }
        }
        assertTrue(handled > 20, "the writer handled only " + handled + " of 200 documents");
    }

    @Test
    void aManifestOfTheUsualShapeIsWrittenIdentically() {
        Map<Object, Object> document = new LinkedHashMap<>();
        document.put("version", 3);
        List<Object> repos = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Map<Object, Object> repo = new LinkedHashMap<>();
            repo.put("id", "r" + i);
            repo.put("path", "repos/r" + i);
            repo.put("enabled", true);
            repo.put("auto_run", false);
            repo.put("kind", i % 2 == 0 ? "base" : "worktree");
            repo.put("display_name", "Repo " + i);
            if (i % 2 == 1) {
                repo.put("worktree_of", "r" + (i - 1));
                repo.put("branch", "feature/x-" + i);
            }
            if (i % 5 == 0) {
                Map<Object, Object> destination = new LinkedHashMap<>();
                destination.put("kind", "docker");
                destination.put("image", "ghcr.io/acme/dev:1.2");
                destination.put("env_passthrough", new ArrayList<>(List.of("CAR_*", "GITHUB_TOKEN")));
                Map<Object, Object> mount = new LinkedHashMap<>();
                mount.put("source", "/srv/cache");
                mount.put("target", "/cache");
                mount.put("read_only", true);
                destination.put("mounts", new ArrayList<>(List.of(mount)));
                destination.put("env", new LinkedHashMap<>());
                repo.put("destination", destination);
            }
            repo.put("worktree_setup_commands", new ArrayList<>(i % 3 == 0 ? List.of("make setup", "npm ci") : List.of()));
            repos.add(repo);
        }
        document.put("repos", repos);

        String fast = DumpedYamlWriter.write(document);

        assertNotNull(fast);
        assertEquals(SafeYaml.dumpWithSnakeYaml(document), fast);
    }

    @Test
    void longKeysAndValuesAreWrittenIdenticallyOrLeftToSnakeYaml() {
        int handled = 0;
        for (int length : new int[] {1, 99, 100, 101, 127, 128, 129, 300, 511, 512, 513, 2000}) {
            for (Map<Object, Object> document : List.of(Map.<Object, Object>of("k".repeat(length), "v"),
                    Map.<Object, Object>of("key", "v".repeat(length)),
                    Map.<Object, Object>of("key", List.of("word ".repeat(length).strip())))) {
                String fast = DumpedYamlWriter.write(document);
                if (fast != null) {
                    handled++;
                    assertEquals(SafeYaml.dumpWithSnakeYaml(document), fast, "length " + length + ": " + document);
                }
            }
        }
        assertTrue(handled >= 12, "handled " + handled);
    }

    @Test
    void givesUpOnWhatItCannotBeSureOf() {
        assertNull(DumpedYamlWriter.write(Map.of()));
        assertNull(DumpedYamlWriter.write(Map.of("k", "yes")));
        assertNull(DumpedYamlWriter.write(Map.of("k", 1.5)));
        assertNull(DumpedYamlWriter.write(Map.of("k", List.of(List.of("a")))));
        assertNull(DumpedYamlWriter.write(Map.of(1, "a")));
        assertNull(DumpedYamlWriter.write(Map.of("k", "a: b")));
        assertNull(DumpedYamlWriter.write(Map.of("k".repeat(200), "v")), "SnakeYAML writes a long key as '? key'");
        List<Object> shared = new ArrayList<>();
        Map<Object, Object> twice = new LinkedHashMap<>();
        twice.put("a", shared);
        twice.put("b", shared);
        assertNull(DumpedYamlWriter.write(twice), "SnakeYAML writes an anchor and an alias");
    }

    private static Map<Object, Object> mapping(Random random, int depth) {
        Map<Object, Object> map = new LinkedHashMap<>();
        int size = random.nextInt(depth == 0 ? 6 : 4) + (depth == 0 ? 1 : 0);
        for (int i = 0; i < size; i++) {
            Object key = random.nextInt(12) == 0 ? (Object) random.nextInt(100)
                    : random.nextInt(4) == 0 ? text(random) : KEYS.get(random.nextInt(KEYS.size())) + random.nextInt(3);
            map.put(key, value(random, depth + 1));
        }
        return map;
    }

    private static Object value(Random random, int depth) {
        int pick = random.nextInt(depth > 3 ? 7 : 10);
        return switch (pick) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt(3) == 0 ? (Object) BigInteger.valueOf(random.nextLong()).shiftLeft(8)
                    : random.nextInt(3) == 0 ? (Object) random.nextLong() : (Object) (random.nextInt(2001) - 1000);
            case 3 -> random.nextInt(20) == 0 ? random.nextDouble() : text(random);
            case 4, 5, 6 -> text(random);
            case 7 -> mapping(random, depth);
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(value(random, depth + 1));
                }
                yield list;
            }
        };
    }

    private static String text(Random random) {
        if (random.nextInt(4) == 0) {
            return TRICKY.get(random.nextInt(TRICKY.size()));
        }
        if (random.nextInt(4) != 0) {
            // Mostly safe words, the shape most real values have.
            StringBuilder word = new StringBuilder();
            for (int i = random.nextInt(12) + 1; i > 0; i--) {
                word.append("abcdefgh_./-:0123456789 ".charAt(random.nextInt(24)));
            }
            return word.toString();
        }
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(8) + 1; i > 0; i--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
