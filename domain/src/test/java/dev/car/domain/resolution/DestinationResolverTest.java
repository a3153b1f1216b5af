package dev.car.domain.resolution;

import static dev.car.domain.Raw.list;
import static dev.car.domain.Raw.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.car.domain.destination.DockerDestination;
import dev.car.domain.destination.LocalDestination;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.ManifestCodec;
import dev.car.domain.manifest.RepoEntry;
import dev.car.domain.repo.PathCanonicalizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DestinationResolverTest {

    private static final Map<Object, Object> DOCKER_BASE = map("kind", "docker", "image", "base-img");
    private static final Map<Object, Object> DOCKER_OWN = map("kind", "docker", "image", "own-img");
    private static final Map<Object, Object> INVALID = map("kind", "docker", "image", "", "workdir", "");

    private Manifest manifest;

    private Manifest load(Object... entries) {
        manifest = ManifestCodec.decode(map("version", 3, "repos", list(entries)), Path.of("/hub"),
                PathCanonicalizer.LEXICAL);
        return manifest;
    }

    private static Map<Object, Object> base(String id, Object... more) {
        Map<Object, Object> entry = map("id", id, "path", "repos/" + id, "kind", "base");
        entry.putAll(map(more));
        return entry;
    }

    private static Map<Object, Object> worktree(String id, String of, Object... more) {
        Map<Object, Object> entry = map("id", id, "path", "worktrees/" + id, "kind", "worktree", "worktree_of", of);
        entry.putAll(map(more));
        return entry;
    }

    private Resolution resolve(String id) {
        RepoEntry repo = manifest.find(id).orElseThrow();
        return DestinationResolver.resolve(repo, manifest.reposById());
    }

    private static void assertLocal(Resolution r, DestinationSource source, List<String> issues) {
        assertSame(LocalDestination.INSTANCE, r.destination());
        assertEquals(source, r.source());
        assertEquals(issues, r.issues());
    }

    @Nested
    class Chain {
        @Test
        void ownValidDestinationWins() {
            load(base("base", "destination", DOCKER_BASE), worktree("wt", "base", "destination", DOCKER_OWN));
            Resolution r = resolve("wt");
            assertEquals(DockerDestination.ofImage("own-img"), r.destination());
            assertEquals(DestinationSource.REPO, r.source());
            assertEquals(List.of(), r.issues());
        }

        @Test
        void ownLocalWinsOverDockerBase() {
            load(base("base", "destination", DOCKER_BASE), worktree("wt", "base", "destination", map("kind", "local")));
            assertLocal(resolve("wt"), DestinationSource.REPO, List.of());
        }

        @Test
        void worktreeWithoutDestinationInheritsFromItsBase() {
            load(base("base", "destination", DOCKER_BASE), worktree("wt", "base"));
            Resolution r = resolve("wt");
            assertEquals(DockerDestination.ofImage("base-img"), r.destination());
            assertEquals(DestinationSource.BASE, r.source());
            assertEquals(List.of(), r.issues());
        }

        @Test
        void baseWithoutDestinationMeansDefaultLocal() {
            load(base("base"), worktree("wt", "base"));
            assertLocal(resolve("wt"), DestinationSource.DEFAULT, List.of());
            assertLocal(resolve("base"), DestinationSource.DEFAULT, List.of());
        }

        @Test
        void sourceWireNames() {
            assertEquals("repo", DestinationSource.REPO.wireName());
            assertEquals("base", DestinationSource.BASE.wireName());
            assertEquals("default", DestinationSource.DEFAULT.wireName());
        }

        @Test
        void invalidOwnAndValidBaseGivesSourceBaseCarryingOwnErrors() {
            load(base("base", "destination", DOCKER_BASE), worktree("wt", "base", "destination", INVALID));
            Resolution r = resolve("wt");
            assertEquals(DockerDestination.ofImage("base-img"), r.destination());
            assertEquals(DestinationSource.BASE, r.source());
            assertEquals(List.of(
                    "repo 'wt' destination: docker destination requires non-empty 'image'",
                    "repo 'wt' destination: optional 'workdir' must be a non-empty string"), r.issues());
        }

        @Test
        void invalidOwnAndInvalidBaseGivesDefaultWithBothContexts() {
            load(base("base", "destination", map("kind", "ssh")), worktree("wt", "base", "destination", INVALID));
            assertLocal(resolve("wt"), DestinationSource.DEFAULT, List.of(
                    "repo 'wt' destination: docker destination requires non-empty 'image'",
                    "repo 'wt' destination: optional 'workdir' must be a non-empty string",
                    "base repo 'base' destination: unsupported destination kind 'ssh'"));
        }

        @Test
        void invalidBaseOnly() {
            load(base("base", "destination", map("kind", "docker")), worktree("wt", "base"));
            assertLocal(resolve("wt"), DestinationSource.DEFAULT,
                    List.of("base repo 'base' destination: docker destination requires non-empty 'image'"));
            assertLocal(resolve("base"), DestinationSource.DEFAULT,
                    List.of("repo 'base' destination: docker destination requires non-empty 'image'"));
        }

        @Test
        void invalidOwnOnBaseRepo() {
            load(base("base", "destination", "not-a-dict"));
            assertLocal(resolve("base"), DestinationSource.DEFAULT,
                    List.of("repo 'base' destination: expected a mapping with non-empty 'kind'"));
        }

        @Test
        void explicitNullDestinationIsAnIssueAndFallsBackToTheBase() {
            load(base("base", "destination", DOCKER_BASE), worktree("wt", "base", "destination", null));
            Resolution r = resolve("wt");
            assertEquals(DestinationSource.BASE, r.source());
            assertEquals(List.of("repo 'wt' destination: expected a mapping with non-empty 'kind'"), r.issues());
        }

        @Test
        void aBaseRepoWithWorktreeOfNeverInherits() {
            load(base("root", "destination", DOCKER_BASE), base("b", "worktree_of", "root"));
            assertLocal(resolve("b"), DestinationSource.DEFAULT, List.of());
        }

        @Test
        void aBaseRepoWithABrokenWorktreeOfIsNotReported() {
            load(base("b", "worktree_of", "missing"));
            assertLocal(resolve("b"), DestinationSource.DEFAULT, List.of());
        }

        @Test
        void inheritanceIsOneLevelOnly() {
            // wt -> mid (a base with no destination, itself pointing at root): root is never consulted.
            load(base("root", "destination", DOCKER_BASE), base("mid", "worktree_of", "root"), worktree("wt", "mid"));
            assertLocal(resolve("wt"), DestinationSource.DEFAULT, List.of());
        }

        @Test
        void worktreeWithoutWorktreeOfUsesNoBase() {
            load(base("base", "destination", DOCKER_BASE),
                    map("id", "wt", "path", "worktrees/wt", "kind", "worktree"));
            assertLocal(resolve("wt"), DestinationSource.DEFAULT, List.of());
        }

        @Test
        void contextUsesTheStrippedRepoId() {
            load(map("id", " spaced ", "path", "p", "kind", "base", "destination", map("kind", "x")));
            assertLocal(resolve("spaced"), DestinationSource.DEFAULT,
                    List.of("repo 'spaced' destination: unsupported destination kind 'x'"));
        }
    }

    @Nested
    class BrokenWorktreeOf {
        private static final String MISSING =
                "repo 'wt' worktree_of 'nope' does not match any repo in the hub manifest; using no base destination";
        private static final String SELF =
                "repo 'wt' worktree_of 'wt' points at the worktree itself; using no base destination";
        private static final String WORKTREE =
                "repo 'wt2' worktree_of 'wt1' is itself a worktree; worktrees inherit from a base repo only";

        @Test
        void missingBase() {
            load(base("base", "destination", DOCKER_BASE), worktree("wt", "nope"));
            assertLocal(resolve("wt"), DestinationSource.DEFAULT, List.of(MISSING));
        }

        @Test
        void pointingAtItself() {
            load(worktree("wt", "wt", "destination", INVALID));
            assertLocal(resolve("wt"), DestinationSource.DEFAULT, List.of(
                    "repo 'wt' destination: docker destination requires non-empty 'image'",
                    "repo 'wt' destination: optional 'workdir' must be a non-empty string",
                    SELF));
        }

        @Test
        void pointingAtAnotherWorktreeResolvesToLocalEvenIfThatWorktreeHasADestination() {
            load(base("base", "destination", DOCKER_BASE), worktree("wt1", "base", "destination", DOCKER_OWN),
                    worktree("wt2", "wt1"));
            assertLocal(resolve("wt2"), DestinationSource.DEFAULT, List.of(WORKTREE));
        }

        @Test
        void ownErrorsComeBeforeTheBrokenLink() {
            load(worktree("wt", "nope", "destination", map("kind", "docker")));
            assertLocal(resolve("wt"), DestinationSource.DEFAULT, List.of(
                    "repo 'wt' destination: docker destination requires non-empty 'image'", MISSING));
        }

        @Test
        void brokenLinkIsReportedEvenWhenTheOwnDestinationIsValid() {
            load(worktree("wt", "nope", "destination", DOCKER_OWN));
            Resolution r = resolve("wt");
            assertEquals(DockerDestination.ofImage("own-img"), r.destination());
            assertEquals(DestinationSource.REPO, r.source());
            assertEquals(List.of(MISSING), r.issues());
        }
    }

    @Nested
    class MergeIssues {
        @Test
        void firstListFirstKeepingTheFirstOccurrence() {
            assertEquals(List.of("a", "b", "c", "d"),
                    DestinationResolver.mergeIssues(List.of("a", "b", "a", "c"), List.of("c", "d", "b", "d")));
        }

        @Test
        void emptyLists() {
            assertEquals(List.of(), DestinationResolver.mergeIssues(List.of(), List.of()));
            assertEquals(List.of("x"), DestinationResolver.mergeIssues(List.of(), List.of("x", "x")));
        }

        @Test
        void orderDependsOnWhichListComesFirst() {
            assertEquals(List.of("b", "a"), DestinationResolver.mergeIssues(List.of("b"), List.of("a", "b")));
            assertEquals(List.of("a", "b"), DestinationResolver.mergeIssues(List.of("a", "b"), List.of("b")));
        }

        @Test
        void resolutionIssuesDuplicateManifestIssuesTextForText() {
            load(base("base", "destination", DOCKER_BASE), worktree("wt", "base", "destination", INVALID));
            List<String> fromManifest = manifest.issuesFor("wt");
            List<String> fromResolution = resolve("wt").issues();
            assertEquals(fromManifest, fromResolution);
            assertEquals(fromManifest, DestinationResolver.mergeIssues(fromManifest, fromResolution));
        }

        @Test
        void showOrderManifestFirstDoctorOrderResolutionFirst() {
            load(worktree("wt", "nope", "destination", map("kind", "docker")), "junk");
            List<String> fromManifest = List.of("repo entry must be an object",
                    "repo 'wt' destination: docker destination requires non-empty 'image'");
            List<String> fromResolution = resolve("wt").issues();
            assertEquals(List.of("repo entry must be an object",
                    "repo 'wt' destination: docker destination requires non-empty 'image'",
                    "repo 'wt' worktree_of 'nope' does not match any repo in the hub manifest; using no base destination"),
                    DestinationResolver.mergeIssues(fromManifest, fromResolution));
            assertEquals(List.of("repo 'wt' destination: docker destination requires non-empty 'image'",
                    "repo 'wt' worktree_of 'nope' does not match any repo in the hub manifest; using no base destination",
                    "repo entry must be an object"),
                    DestinationResolver.mergeIssues(fromResolution, fromManifest));
        }
    }
}
