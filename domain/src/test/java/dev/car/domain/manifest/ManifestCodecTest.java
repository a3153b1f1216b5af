package dev.car.domain.manifest;

import static dev.car.domain.Raw.list;
import static dev.car.domain.Raw.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.car.domain.repo.PathCanonicalizer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ManifestCodecTest {

    /** A path no POSIX file system can hold fails the whole decode, and a query about another repo alike. */
    @Test
    void aPathWithANulCharacterFailsAQueryAboutAnyRepoAsItFailsTheWholeDecode() {
        Map<Object, Object> document = Map.of("version", 3, "repos", List.of(
                Map.of("id", "broken", "path", "repos/a\u0000b", "kind", "base"),
                Map.of("id", "fine", "path", "repos/fine", "kind", "base")));
        Path hub = Path.of("/hub");

        RuntimeException whole = assertThrows(RuntimeException.class,
                () -> ManifestCodec.decode(document, hub, PathCanonicalizer.LEXICAL));
        RuntimeException one = assertThrows(RuntimeException.class,
                () -> ManifestCodec.decodeFor(document, hub, PathCanonicalizer.LEXICAL, "fine"));

        assertEquals(whole.getClass(), one.getClass());
        assertEquals(whole.getMessage(), one.getMessage());
    }

    static final Path HUB = Path.of("/tmp/carhub/hub");

    static Manifest decode(Object document) {
        return ManifestCodec.decode(document, HUB, PathCanonicalizer.LEXICAL);
    }

    static Map<Object, Object> doc(Object... repos) {
        return map("version", 3, "repos", list(repos));
    }

    static Map<Object, Object> repo(String id, String kind, Object... more) {
        Map<Object, Object> entry = map("id", id, "path", "repos/" + id.strip(), "kind", kind);
        entry.putAll(map(more));
        return entry;
    }

    /** Equal values and the same key order at every level (toString of insertion-ordered maps). */
    static void assertOrdered(Object expected, Object actual) {
        assertEquals(expected, actual);
        assertEquals(String.valueOf(expected), String.valueOf(actual));
    }

    static RepoEntry only(Manifest manifest) {
        assertEquals(1, manifest.repos().size());
        return manifest.repos().get(0);
    }

    @Nested
    class Version {
        @Test
        void versionsTwoAndThreeAreAcceptedByValue() {
            for (Object version : list(2, 3, 3L, 2L, 3.0, 2.0, BigInteger.valueOf(3), (short) 2)) {
                Manifest m = decode(map("version", version, "repos", list()));
                assertEquals(List.of(), m.issues(), () -> "" + version);
            }
        }

        @Test
        void unsupportedVersionsThrowWithThePythonRenderedValue() {
            assertVersionError("3", "Unsupported manifest version 3; expected 3");
            assertVersionError(4, "Unsupported manifest version 4; expected 3");
            assertVersionError(1, "Unsupported manifest version 1; expected 3");
            assertVersionError(3.5, "Unsupported manifest version 3.5; expected 3");
            assertVersionError(1e-5, "Unsupported manifest version 1e-05; expected 3");
            assertVersionError(true, "Unsupported manifest version True; expected 3");
            assertVersionError(null, "Unsupported manifest version None; expected 3");
            assertVersionError(list(3), "Unsupported manifest version [3]; expected 3");
            assertVersionError("", "Unsupported manifest version ; expected 3");
        }

        private void assertVersionError(Object version, String message) {
            ManifestException e = assertThrows(ManifestException.class,
                    () -> decode(map("version", version, "repos", list())));
            assertEquals(message, e.getMessage());
        }

        @Test
        void missingVersionAndEmptyDocumentThrow() {
            assertEquals("Unsupported manifest version None; expected 3",
                    assertThrows(ManifestException.class, () -> decode(map("repos", list()))).getMessage());
            assertEquals("Unsupported manifest version None; expected 3",
                    assertThrows(ManifestException.class, () -> decode(map())).getMessage());
            assertEquals("Unsupported manifest version None; expected 3",
                    assertThrows(ManifestException.class, () -> decode(null)).getMessage());
        }

        @Test
        void nonMappingDocumentIsOneClearLine() {
            for (Object document : list(list(), "text", 3)) {
                ManifestException e = assertThrows(ManifestException.class, () -> decode(document));
                assertFalse(e.getMessage().isBlank());
                assertFalse(e.getMessage().contains("\n"));
            }
        }

        @Test
        void aVersionTwoFileIsWrittenAsVersionThree() {
            Map<Object, Object> encoded = ManifestCodec.encode(decode(map("version", 2, "repos", list())));
            assertOrdered(map("version", 3, "repos", list()), encoded);
        }
    }

    @Nested
    class RepoKindCheck {
        @Test
        void invalidKindAbortsTheLoad() {
            assertKindError(repo("a", "Base"), "Invalid manifest repo kind for a: Base (expected base|worktree)");
            assertKindError(repo("a", "WORKTREE"), "Invalid manifest repo kind for a: WORKTREE (expected base|worktree)");
            assertKindError(repo("a", " base"), "Invalid manifest repo kind for a:  base (expected base|worktree)");
            assertKindError(repo("a", null), "Invalid manifest repo kind for a: None (expected base|worktree)");
            assertKindError(map("id", "a", "path", "p"), "Invalid manifest repo kind for a: None (expected base|worktree)");
            assertKindError(map("id", "a", "path", "p", "kind", 5), "Invalid manifest repo kind for a: 5 (expected base|worktree)");
            assertKindError(map("id", " b ", "path", "p", "kind", "x"),
                    "Invalid manifest repo kind for  b : x (expected base|worktree)");
        }

        private void assertKindError(Object entry, String message) {
            assertEquals(message, assertThrows(ManifestException.class, () -> decode(doc(entry))).getMessage());
        }

        @Test
        void kindIsCheckedAfterIdAndPath() {
            Manifest m = decode(doc(map("kind", "nope"), map("id", "a", "kind", "nope")));
            assertEquals(List.of(
                    new ManifestIssue("<index:0>", "repo entry requires non-empty string 'id'"),
                    new ManifestIssue("a", "repo 'a' requires non-empty string 'path'")), m.issues());
        }

        @Test
        void laterBadKindAbortsEvenAfterGoodEntries() {
            assertThrows(ManifestException.class, () -> decode(doc(repo("a", "base"), repo("b", "bad"))));
        }
    }

    @Nested
    class EntryIssues {
        @Test
        void nonMappingEntries() {
            Manifest m = decode(doc("x", 5, null, list("id", "a")));
            assertEquals(List.of(
                    new ManifestIssue("<index:0>", "repo entry must be an object"),
                    new ManifestIssue("<index:1>", "repo entry must be an object"),
                    new ManifestIssue("<index:2>", "repo entry must be an object"),
                    new ManifestIssue("<index:3>", "repo entry must be an object")), m.issues());
            assertEquals(List.of(), m.repos());
        }

        @Test
        void entriesWithoutAUsableId() {
            Manifest m = decode(doc(repo("ok", "base"), map("path", "p", "kind", "base"), map("id", "  ", "path", "p"),
                    map("id", 5, "path", "p"), map("id", null, "path", "p"), map("id", list("a"), "path", "p")));
            assertEquals(List.of(
                    new ManifestIssue("<index:1>", "repo entry requires non-empty string 'id'"),
                    new ManifestIssue("<index:2>", "repo entry requires non-empty string 'id'"),
                    new ManifestIssue("<index:3>", "repo entry requires non-empty string 'id'"),
                    new ManifestIssue("<index:4>", "repo entry requires non-empty string 'id'"),
                    new ManifestIssue("<index:5>", "repo entry requires non-empty string 'id'")), m.issues());
            assertEquals(List.of("ok"), m.repos().stream().map(RepoEntry::id).toList());
        }

        @Test
        void entriesWithoutAUsablePathUseTheStrippedIdAndQuoteTheRawId() {
            Manifest m = decode(doc(map("id", " a ", "kind", "base"), map("id", "b", "path", " "),
                    map("id", "c", "path", 5), map("id", "d", "path", null)));
            assertEquals(List.of(
                    new ManifestIssue("a", "repo ' a ' requires non-empty string 'path'"),
                    new ManifestIssue("b", "repo 'b' requires non-empty string 'path'"),
                    new ManifestIssue("c", "repo 'c' requires non-empty string 'path'"),
                    new ManifestIssue("d", "repo 'd' requires non-empty string 'path'")), m.issues());
            assertEquals(List.of(), m.repos());
        }

        @Test
        void reposNotAListIsAManifestIssueWithZeroRepos() {
            for (Object repos : list("x", 5, map("id", "a"))) {
                Manifest m = decode(map("version", 3, "repos", repos));
                assertEquals(List.of(new ManifestIssue("manifest", "manifest 'repos' must be a list")), m.issues());
                assertEquals(List.of(), m.repos());
                assertEquals(List.of(), m.entries());
            }
        }

        @Test
        void nullOrMissingReposMeansNoReposAndNoIssues() {
            for (Map<Object, Object> document : List.of(map("version", 3), map("version", 3, "repos", null))) {
                Manifest m = decode(document);
                assertEquals(List.of(), m.issues());
                assertEquals(List.of(), m.entries());
                assertOrdered(map("version", 3, "repos", list()), ManifestCodec.encode(m));
            }
        }

        @Test
        void issuesForRepoIncludeManifestScopedIssuesInLoadOrder() {
            Manifest m = decode(map("version", 3, "repos", "bad"));
            assertEquals(List.of("manifest 'repos' must be a list"), m.issuesFor("anything"));

            Manifest m2 = decode(doc(
                    repo("a", "base", "destination", map("kind", "docker")),
                    "junk",
                    repo("b", "base", "destination", "nope")));
            assertEquals(List.of("repo 'a' destination: docker destination requires non-empty 'image'"), m2.issuesFor("a"));
            assertEquals(List.of("repo 'b' destination: expected a mapping with non-empty 'kind'"), m2.issuesFor("b"));
            assertEquals(List.of("repo entry must be an object"), m2.issuesFor("<index:1>"));
            assertEquals(3, m2.issues().size());
            assertEquals("<index:1>", m2.issues().get(1).repoId());
        }

        @Test
        void destinationIssuesAreAttributedToTheStrippedIdWithTheRawIdInTheContext() {
            Manifest m = decode(doc(map("id", " a ", "path", "p", "kind", "base",
                    "destination", map("kind", "docker", "image", "", "workdir", ""))));
            assertEquals(List.of(
                    new ManifestIssue("a", "repo ' a ' destination: docker destination requires non-empty 'image'"),
                    new ManifestIssue("a", "repo ' a ' destination: optional 'workdir' must be a non-empty string")),
                    m.issues());
            assertEquals("a", only(m).id());
        }

        @Test
        void duplicateIdsAreReportedAndTheFirstEntryWins() {
            Manifest m = decode(doc(repo("a", "base", "branch", "one"), repo("a", "base", "branch", "two")));
            assertEquals(List.of(new ManifestIssue("a", "duplicate repo id 'a' at repos[1]; the first entry is used")),
                    m.issues());
            assertEquals("one", m.find("a").orElseThrow().branch());
            assertEquals(2, m.repos().size());
        }
    }

    @Nested
    class Fields {
        @Test
        void defaults() {
            RepoEntry r = only(decode(doc(map("id", " base ", "path", " repos/base ", "kind", "base"))));
            assertEquals("base", r.id());
            assertEquals("repos/base", r.path());
            assertTrue(r.enabled());
            assertFalse(r.autoRun());
            assertEquals(RepoKind.BASE, r.kind());
            assertNull(r.displayName());
            assertNull(r.worktreeOf());
            assertNull(r.branch());
            assertEquals(List.of(), r.worktreeSetupCommands());
            assertFalse(r.archived());
            assertFalse(r.hasDestination());
            assertNull(r.destination());
            assertEquals(Map.of(), r.extras());
        }

        @Test
        void booleanFieldsUsePythonTruthiness() {
            assertTrue(only(decode(doc(repo("a", "base", "enabled", "false")))).enabled(), "quirk: 'false' is truthy");
            assertFalse(only(decode(doc(repo("a", "base", "enabled", false)))).enabled());
            assertFalse(only(decode(doc(repo("a", "base", "enabled", 0)))).enabled());
            assertFalse(only(decode(doc(repo("a", "base", "enabled", "")))).enabled());
            assertFalse(only(decode(doc(repo("a", "base", "enabled", null)))).enabled(), "present but null");
            assertTrue(only(decode(doc(repo("a", "base", "auto_run", "no")))).autoRun());
            assertTrue(only(decode(doc(repo("a", "base", "auto_run", 1)))).autoRun());
            assertFalse(only(decode(doc(repo("a", "base", "auto_run", list())))).autoRun());
            assertTrue(only(decode(doc(repo("a", "base", "archived", list(1))))).archived());
            assertFalse(only(decode(doc(repo("a", "base", "archived", null)))).archived());
        }

        @Test
        void optionalTextFieldsArePythonStrOfTruthyValues() {
            RepoEntry r = only(decode(doc(repo("a", "worktree", "branch", 123, "worktree_of", true,
                    "display_name", 1.5))));
            assertEquals("123", r.branch());
            assertEquals("True", r.worktreeOf());
            assertEquals("1.5", r.displayName());
            RepoEntry r2 = only(decode(doc(repo("a", "worktree", "branch", "", "worktree_of", 0,
                    "display_name", null))));
            assertNull(r2.branch());
            assertNull(r2.worktreeOf());
            assertNull(r2.displayName());
            RepoEntry r3 = only(decode(doc(repo("a", "worktree", "branch", " feat ", "display_name", list("x", 1)))));
            assertEquals(" feat ", r3.branch(), "str() does not strip");
            assertEquals("['x', 1]", r3.displayName());
        }

        @Test
        void setupCommandsKeepOnlyNonBlankStringsStripped() {
            RepoEntry r = only(decode(doc(repo("a", "base", "worktree_setup_commands",
                    list("  make deps ", "", " ", 5, null, list("x"), "\tpnpm i\u00a0")))));
            assertEquals(List.of("make deps", "pnpm i"), r.worktreeSetupCommands());
            RepoEntry blanks = only(decode(doc(repo("a", "base", "worktree_setup_commands", list(" ", 7)))));
            assertEquals(List.of(), blanks.worktreeSetupCommands());
            assertFalse(ManifestCodec.encodeRepo(blanks).containsKey("worktree_setup_commands"));
        }

        @Test
        void aScalarSetupCommandIsOneCommandNotOnePerCharacter() {
            RepoEntry r = only(decode(doc(repo("a", "base", "worktree_setup_commands", " make setup "))));
            assertEquals(List.of("make setup"), r.worktreeSetupCommands());
        }

        @Test
        void anUnusableSetupCommandsValueSurvivesTheSave() {
            Map<Object, Object> entry = repo("a", "base", "worktree_setup_commands", map("k", "v"));
            Map<Object, Object> encoded = ManifestCodec.encodeRepo(only(decode(doc(entry))));
            assertEquals(map("k", "v"), encoded.get("worktree_setup_commands"));
        }

        @Test
        void worktreeKind() {
            RepoEntry r = only(decode(doc(repo("wt", "worktree", "worktree_of", "base"))));
            assertEquals(RepoKind.WORKTREE, r.kind());
            assertTrue(r.isWorktree());
            assertEquals("base", r.worktreeOf());
        }
    }

    @Nested
    class Encode {
        @Test
        void repoKeysInReferenceOrder() {
            Map<Object, Object> entry = map(
                    "destination", map("kind", "local"),
                    "archived", true,
                    "worktree_setup_commands", list("a", "b"),
                    "branch", "feat",
                    "worktree_of", "base",
                    "display_name", "Feature",
                    "kind", "worktree",
                    "auto_run", true,
                    "enabled", false,
                    "path", "./worktrees/feat/",
                    "id", "feat");
            Map<Object, Object> encoded = ManifestCodec.encodeRepo(only(decode(doc(entry))));
            assertOrdered(map(
                    "id", "feat",
                    "path", "worktrees/feat",
                    "enabled", false,
                    "auto_run", true,
                    "kind", "worktree",
                    "display_name", "Feature",
                    "worktree_of", "base",
                    "branch", "feat",
                    "worktree_setup_commands", list("a", "b"),
                    "archived", true,
                    "destination", map("kind", "local")), encoded);
        }

        @Test
        void optionalKeysAreOmittedWhenFalsy() {
            Map<Object, Object> encoded = ManifestCodec.encodeRepo(only(decode(doc(
                    map("id", "a", "path", "repos/a", "kind", "base", "archived", false, "branch", "",
                            "enabled", "false")))));
            assertOrdered(map("id", "a", "path", "repos/a", "enabled", true, "auto_run", false, "kind", "base"), encoded);
        }

        @Test
        void documentIsVersionThenReposThenUnknownTopLevelKeysInOrder() {
            Map<Object, Object> document = map("zeta", 1, "version", 3, "hub", map("x", list(1, 2)), "repos", list(),
                    "alpha", null, 7, "seven");
            assertOrdered(map("version", 3, "repos", list(), "zeta", 1, "hub", map("x", list(1, 2)), "alpha", null,
                    7, "seven"), ManifestCodec.encode(decode(document)));
        }

        @Test
        void unknownRepoKeysSurviveAfterTheKnownOnesInTheirOrder() {
            Map<Object, Object> entry = map("z_custom", "z", "id", "a", "path", "repos/a", "notes", list("n"),
                    "kind", "base", 42, "answer", "a_custom", map("k", "v"));
            Map<Object, Object> encoded = ManifestCodec.encodeRepo(only(decode(doc(entry))));
            assertOrdered(map("id", "a", "path", "repos/a", "enabled", true, "auto_run", false, "kind", "base",
                    "z_custom", "z", "notes", list("n"), 42, "answer", "a_custom", map("k", "v")), encoded);
        }

        @Test
        void malformedEntriesSurviveInTheirPosition() {
            Map<Object, Object> noId = map("path", "p", "kind", "base", "note", "keep me");
            Map<Object, Object> noPath = map("id", "c", "kind", "base");
            Manifest m = decode(doc("junk", repo("a", "base"), noId, null, repo("b", "base"), noPath));
            assertInstanceOf(MalformedEntry.class, m.entries().get(0));
            assertInstanceOf(RepoEntry.class, m.entries().get(1));
            assertInstanceOf(MalformedEntry.class, m.entries().get(2));
            List<?> repos = (List<?>) ManifestCodec.encode(m).get("repos");
            assertEquals(6, repos.size());
            assertEquals("junk", repos.get(0));
            assertEquals("a", ((Map<?, ?>) repos.get(1)).get("id"));
            assertOrdered(noId, repos.get(2));
            assertNull(repos.get(3));
            assertEquals("b", ((Map<?, ?>) repos.get(4)).get("id"));
            assertOrdered(noPath, repos.get(5));
        }

        @Test
        void reposThatIsNotAListSurvivesTheSave() {
            Map<Object, Object> document = map("version", 3, "repos", map("id", "a"), "extra", true);
            assertOrdered(document, ManifestCodec.encode(decode(document)));
        }

        @Test
        void roundTripIsStable() {
            Map<Object, Object> document = map(
                    "version", 3,
                    "repos", list(
                            repo("base", "base", "destination", map("kind", "docker", "image", "img",
                                    "env", map("A", "1"), "x-note", "n")),
                            repo("wt", "worktree", "worktree_of", "base", "branch", "feat", "custom", 1,
                                    "destination", map("kind", "docker", "image", "")),
                            "junk"),
                    "top", "level");
            Map<Object, Object> once = ManifestCodec.encode(decode(document));
            Map<Object, Object> twice = ManifestCodec.encode(decode(once));
            assertOrdered(once, twice);
        }
    }

    @Nested
    class Destinations {
        @Test
        void validDestinationIsCanonicalized() {
            Map<Object, Object> raw = map("x-first", 1, " kind ", "DOCKER", "image", " img ",
                    "mounts", list(map("source", "/a", "target", "/b", "readOnly", true, "mode", "ro"),
                            map("source", "/c", "target", "/d", "read_only", false)),
                    "env_passthrough", list(), "profile", " Full-Dev ", "envPassthrough", list("X"));
            RepoEntry r = only(decode(doc(repo("a", "base", "destination", raw))));
            assertEquals(List.of(), decode(doc(repo("a", "base", "destination", raw))).issues());
            assertTrue(r.hasDestination());
            assertOrdered(map("kind", "docker", "image", "img",
                    "mounts", list(map("source", "/a", "target", "/b", "read_only", true), map("source", "/c", "target", "/d")),
                    "profile", "full-dev", "x-first", 1, "envPassthrough", list("X")), r.destination());
            assertOrdered(r.destination(), ManifestCodec.encodeRepo(r).get("destination"));
        }

        @Test
        void validLocalDropsEveryExtraKey() {
            RepoEntry r = only(decode(doc(repo("a", "base", "destination", map("kind", " LOCAL", "image", "x", "foo", 1)))));
            assertOrdered(map("kind", "local"), r.destination());
        }

        @Test
        void invalidMappingIsKeptRawAndReEncodedUnchanged() {
            Map<Object, Object> raw = map(" kind ", "docker", "image", "", "mounts", list(map("source", " /a ",
                    "target", "/b", "mode", "x")), 5, "five", "extra", true);
            Manifest m = decode(doc(repo("a", "base", "destination", raw)));
            assertEquals(List.of(new ManifestIssue("a", "repo 'a' destination: docker destination requires non-empty 'image'")),
                    m.issues());
            RepoEntry r = only(m);
            assertTrue(r.hasDestination());
            assertOrdered(raw, r.destination());
            assertOrdered(raw, ManifestCodec.encodeRepo(r).get("destination"));
        }

        @Test
        void configuredDestinationOfAnInvalidMappingIsThePreservedMapping() {
            RepoEntry r = only(decode(doc(repo("a", "base", "destination", map(" kind ", " Docker ", 1, "x", "image", "")))));
            assertOrdered(map("kind", "Docker", "image", ""), r.configuredDestination());
        }

        @Test
        void invalidNonMappingIsKeptAndReported() {
            for (Object raw : list("not-a-dict", 5, list(map("kind", "docker")), true)) {
                Manifest m = decode(doc(repo("a", "base", "destination", raw)));
                assertEquals(List.of(new ManifestIssue("a", "repo 'a' destination: expected a mapping with non-empty 'kind'")),
                        m.issues(), () -> "" + raw);
                RepoEntry r = only(m);
                assertTrue(r.hasDestination());
                assertEquals(raw, r.destination());
                assertNull(r.configuredDestination());
                assertEquals(raw, ManifestCodec.encodeRepo(r).get("destination"));
            }
        }

        @Test
        void explicitNullDestinationIsReportedAndSurvivesAsNull() {
            Manifest m = decode(doc(repo("a", "base", "destination", null)));
            assertEquals(List.of(new ManifestIssue("a", "repo 'a' destination: expected a mapping with non-empty 'kind'")),
                    m.issues());
            RepoEntry r = only(m);
            assertTrue(r.hasDestination());
            Map<Object, Object> encoded = ManifestCodec.encodeRepo(r);
            assertTrue(encoded.containsKey("destination"));
            assertNull(encoded.get("destination"));
        }

        @Test
        void absentDestinationIsNotReportedNorWritten() {
            Manifest m = decode(doc(repo("a", "base")));
            assertEquals(List.of(), m.issues());
            assertFalse(only(m).hasDestination());
            assertFalse(ManifestCodec.encodeRepo(only(m)).containsKey("destination"));
        }

        @Test
        void unsupportedKindIsReportedWithPlainQuotes() {
            Manifest m = decode(doc(repo("a", "base", "destination", map("kind", "SSH", "host", "h"))));
            assertEquals(List.of(new ManifestIssue("a", "repo 'a' destination: unsupported destination kind 'ssh'")),
                    m.issues());
            assertOrdered(map("kind", "SSH", "host", "h"), only(m).destination());
        }
    }

    @Nested
    class Paths {
        @Test
        void pathsAreRelativizedAgainstTheHubRoot() {
            Manifest m = decode(doc(
                    map("id", "a", "path", "./repos/base/", "kind", "base"),
                    map("id", "b", "path", "/tmp/carhub/hub/repos/b", "kind", "base"),
                    map("id", "c", "path", "repos/../other", "kind", "base"),
                    map("id", "d", "path", "../sib", "kind", "base"),
                    map("id", "e", "path", "/opt/x", "kind", "base"),
                    map("id", "f", "path", " repos/f ", "kind", "base")));
            assertEquals(List.of("repos/base", "repos/b", "other", "../sib", "../../../opt/x", "repos/f"),
                    m.repos().stream().map(RepoEntry::path).toList());
        }

        @Test
        void allPathsOfOneDecodeGoThroughOneCanonicalizerPass() {
            List<Path> asked = new ArrayList<>();
            int[] passes = {0};
            PathCanonicalizer canonicalizer = new PathCanonicalizer() {
                @Override
                public Path canonicalize(Path path) {
                    throw new AssertionError("asked outside the pass: " + path);
                }

                @Override
                public PathCanonicalizer forOnePass() {
                    passes[0]++;
                    return path -> {
                        asked.add(path);
                        return path.resolveSibling("real-" + path.getFileName());
                    };
                }
            };

            Manifest m = ManifestCodec.decode(doc(repo("a", "base"), repo("b", "worktree")), HUB, canonicalizer);

            assertEquals(1, passes[0]);
            assertEquals(List.of(HUB.resolve("repos/a"), HUB.resolve("repos/b")), asked);
            assertEquals(List.of("repos/real-a", "repos/real-b"), m.repos().stream().map(RepoEntry::path).toList());
        }
    }
}
