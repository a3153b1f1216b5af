package dev.car.domain.manifest;

import static dev.car.domain.RandomRaw.rawDestination;
import static dev.car.domain.RandomRaw.rawValue;
import static dev.car.domain.RandomRaw.token;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.car.domain.destination.DestinationParser;
import dev.car.domain.repo.PathCanonicalizer;
import dev.car.domain.resolution.DestinationResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded random manifests: nothing is lost and a second save changes nothing. */
class ManifestRoundTripPropertyTest {

    private static final Path HUB = Path.of("/hub/root");
    private static final List<String> REPO_FIELDS = List.of("id", "path", "kind", "enabled", "auto_run", "display_name",
            "worktree_of", "branch", "worktree_setup_commands", "archived", "destination", "x-custom", "notes");

    private static String path(Random random) {
        String alphabet = "abc/._-";
        StringBuilder out = new StringBuilder();
        for (int i = 1 + random.nextInt(10); i > 0; i--) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString().replace("/", "").isEmpty() ? "x" + out : out.toString();
    }

    private static Object entry(Random random, List<String> ids) {
        if (random.nextInt(8) == 0) {
            return rawValue(random, 2);
        }
        Map<Object, Object> entry = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(REPO_FIELDS);
        Collections.shuffle(keys, random);
        String id = random.nextInt(4) == 0 && !ids.isEmpty() ? ids.get(random.nextInt(ids.size())) : token(random);
        ids.add(id);
        for (String key : keys) {
            boolean required = key.equals("id") || key.equals("path") || key.equals("kind");
            if (!required && random.nextBoolean()) {
                continue;
            }
            Object value = switch (key) {
                case "id" -> random.nextInt(20) == 0 ? rawValue(random, 0) : " " + id;
                case "path" -> random.nextInt(20) == 0 ? rawValue(random, 0) : path(random);
                case "kind" -> random.nextBoolean() ? "base" : "worktree";
                case "worktree_of" -> random.nextBoolean() ? ids.get(random.nextInt(ids.size())) : rawValue(random, 1);
                case "destination" -> rawDestination(random);
                default -> rawValue(random, 2);
            };
            entry.put(key, value);
        }
        return entry;
    }

    private static Map<Object, Object> document(Random random) {
        Map<Object, Object> document = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            document.put("top-" + token(random), rawValue(random, 2));
        }
        document.put("version", List.of(2, 3, 3.0).get(random.nextInt(3)));
        if (random.nextBoolean()) {
            document.put("hub", rawValue(random, 2));
        }
        List<Object> repos = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            repos.add(entry(random, ids));
        }
        document.put("repos", random.nextInt(25) == 0 ? rawValue(random, 1) : repos);
        return document;
    }

    /**
     * A query about one repo reads only its entries and its base's: what it sees of them (the repo,
     * its base, its issues, its resolution, or the failure) must be what the whole manifest gives.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14})
    void decodingForOneRepoAnswersAsTheWholeManifest(long seed) {
        Random random = new Random(seed);
        int compared = 0;
        for (int run = 0; run < 300; run++) {
            Map<Object, Object> document = document(random);
            if (random.nextInt(10) == 0 && document.get("repos") instanceof List<?> repos && !repos.isEmpty()) {
                Map<Object, Object> invalid = new LinkedHashMap<>(Map.of("id", "bad", "path", "p", "kind", "sideways"));
                List<Object> withInvalid = new ArrayList<>(repos);
                withInvalid.add(random.nextInt(withInvalid.size() + 1), invalid);
                document.put("repos", withInvalid);
            }
            List<String> ids = new ArrayList<>(List.of("missing", "bad"));
            if (document.get("repos") instanceof List<?> repos) {
                for (Object entry : repos) {
                    if (entry instanceof Map<?, ?> map && map.get("id") instanceof String id) {
                        ids.add(id.strip());
                        ids.add(id);
                    }
                }
            }
            Object whole = wholeOrFailure(document);
            for (String id : ids) {
                String where = "seed " + seed + " run " + run + ", repo " + id + ": " + document;
                Object excerpt;
                try {
                    excerpt = ManifestCodec.decodeFor(document, HUB, PathCanonicalizer.LEXICAL, id);
                } catch (ManifestException e) {
                    excerpt = "failure: " + e.getMessage();
                }
                if (!(whole instanceof Manifest full)) {
                    assertEquals(whole, excerpt, where);
                    continue;
                }
                Manifest part = (Manifest) excerpt;
                assertEquals(full.find(id), part.find(id), where);
                assertEquals(full.issuesFor(id), part.issuesFor(id), where);
                if (full.find(id).isPresent()) {
                    RepoEntry repo = full.find(id).get();
                    if (repo.isWorktree() && repo.worktreeOf() != null) { // the base a worktree inherits from
                        assertEquals(full.find(repo.worktreeOf()), part.find(repo.worktreeOf()), where);
                    }
                    assertEquals(DestinationResolver.resolve(repo, full.reposById()),
                            DestinationResolver.resolve(repo, part.reposById()), where);
                    compared++;
                }
            }
        }
        int found = compared;
        assertTrue(found > 500, () -> "repos compared: " + found);
    }

    private static Object wholeOrFailure(Map<Object, Object> document) {
        try {
            return ManifestCodec.decode(document, HUB, PathCanonicalizer.LEXICAL);
        } catch (ManifestException e) {
            return "failure: " + e.getMessage();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6, 7, 8, 99, 12345})
    void encodeDecodeIsStableAndKeepsEverything(long seed) {
        Random random = new Random(seed);
        for (int run = 0; run < 300; run++) {
            Map<Object, Object> document = document(random);
            String where = "seed " + seed + " run " + run + ": " + document;

            Manifest first = ManifestCodec.decode(document, HUB, PathCanonicalizer.LEXICAL);
            Map<Object, Object> saved = ManifestCodec.encode(first);
            Manifest second = ManifestCodec.decode(saved, HUB, PathCanonicalizer.LEXICAL);
            Map<Object, Object> savedAgain = ManifestCodec.encode(second);
            assertEquals(saved, savedAgain, where);
            assertEquals(String.valueOf(saved), String.valueOf(savedAgain), where + " (key order)");
            // The first save strips ids (so messages quoting a raw id change); after that issues are stable.
            Manifest third = ManifestCodec.decode(savedAgain, HUB, PathCanonicalizer.LEXICAL);
            assertEquals(second.issues(), third.issues(), where);
            assertEquals(first.issues().size(), second.issues().size(), where);

            // Unknown top-level keys keep their values and relative order.
            List<Object> unknown = document.keySet().stream().filter(k -> !"version".equals(k) && !"repos".equals(k)).toList();
            List<Object> kept = saved.keySet().stream().filter(k -> !"version".equals(k) && !"repos".equals(k)).toList();
            assertEquals(unknown, kept, where);
            assertEquals(3, saved.get("version"), where);

            Object repos = document.get("repos");
            if (repos instanceof List<?> items) {
                List<?> savedItems = (List<?>) saved.get("repos");
                assertEquals(items.size(), savedItems.size(), where);
                for (int i = 0; i < items.size(); i++) {
                    ManifestEntry entry = first.entries().get(i);
                    if (entry instanceof MalformedEntry) {
                        assertEquals(items.get(i), savedItems.get(i), where);
                        continue;
                    }
                    Map<?, ?> rawEntry = (Map<?, ?>) items.get(i);
                    Map<?, ?> savedEntry = (Map<?, ?>) savedItems.get(i);
                    for (Object key : rawEntry.keySet()) {
                        if (key.equals("x-custom") || key.equals("notes")) {
                            assertEquals(rawEntry.get(key), savedEntry.get(key), where);
                        }
                    }
                    if (rawEntry.containsKey("destination")) {
                        Object raw = rawEntry.get("destination");
                        Object stored = savedEntry.get("destination");
                        if (DestinationParser.parse(raw).valid()) {
                            assertEquals(DestinationParser.validateForWrite(raw, "d").normalized(), stored, where);
                        } else {
                            assertEquals(raw, stored, where + " (invalid destinations survive unchanged)");
                        }
                    }
                }
            } else if (repos != null) {
                assertEquals(repos, saved.get("repos"), where);
            }

            for (RepoEntry repo : first.repos()) {
                assertDoesNotThrow(() -> DestinationResolver.resolve(repo, first.reposById()), where);
            }
        }
    }
}
