package dev.car.domain.container;

import static dev.car.domain.Raw.list;
import static dev.car.domain.Raw.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.car.domain.destination.DestinationParser;
import dev.car.domain.destination.DockerDestination;
import dev.car.domain.destination.DockerProfile;
import dev.car.domain.destination.Mount;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ContainerSpecBuilderTest {

    private static final String REPO = "/tmp/wrap/repo";
    private static final String HOME = "/home/u";

    private static Map<String, String> env(String... keysAndValues) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }

    private static ContainerSpec build(DockerProfile profile, List<Mount> mounts, List<String> patterns,
                                       Map<String, String> explicit, Map<String, String> host, String workdir) {
        return ContainerSpecBuilder.build("car-demo", "busybox:latest", REPO, profile, mounts, patterns, explicit, host,
                HOME, workdir);
    }

    private static List<String> volumes(ContainerSpec spec) {
        return spec.mounts().stream().map(MountBinding::toVolumeSpec).toList();
    }

    @Nested
    class WorkedExample {
        private final ContainerSpec spec = ContainerSpecBuilder.build("car-ws-576e8db67800", "busybox:latest", REPO,
                DockerProfile.FULL_DEV,
                List.of(new Mount("${HOME}/.codex", "${HOME}/.codex", true), new Mount("${REPO_ROOT}/cache", "/cache", false)),
                List.of("ZED", "CAR_*"),
                env("ZED", "explicit", "B", "b"),
                env("CAR_X", "1", "ZED", "host", "OPENAI_API_KEY", "k", "PATH", "/usr/bin", "HOME", HOME),
                HOME,
                "${REPO_ROOT}/sub");

        @Test
        void mountsInOrder() {
            assertEquals(List.of(
                    "/tmp/wrap/repo:/tmp/wrap/repo",
                    "/home/u/.codex:/home/u/.codex:ro",
                    "/home/u/.local/share/opencode:/home/u/.local/share/opencode",
                    "/tmp/wrap/repo/cache:/cache"), volumes(spec));
        }

        @Test
        void envSortedView() {
            assertEquals(env("B", "b", "CAR_X", "1", "OPENAI_API_KEY", "k", "ZED", "explicit"), new TreeMap<>(spec.env()));
            assertEquals(List.of("B", "CAR_X", "OPENAI_API_KEY", "ZED"), List.copyOf(new TreeMap<>(spec.env()).keySet()));
        }

        @Test
        void explicitOverridesInPlaceAfterPassthroughInKeyOrder() {
            assertEquals(List.of("CAR_X", "OPENAI_API_KEY", "ZED", "B"), List.copyOf(spec.env().keySet()));
        }

        @Test
        void secretsAreThePassthroughNamesNotOverridden() {
            assertEquals(Set.of("CAR_X", "OPENAI_API_KEY"), spec.secretNames());
            assertEquals(env("B", "b", "CAR_X", "***", "OPENAI_API_KEY", "***", "ZED", "explicit"), spec.redactedEnv());
            assertEquals(List.of("B", "CAR_X", "OPENAI_API_KEY", "ZED"), List.copyOf(spec.redactedEnv().keySet()));
        }

        @Test
        void workdirNameAndImage() {
            assertEquals("/tmp/wrap/repo/sub", spec.workdir());
            assertEquals("car-ws-576e8db67800", spec.name());
            assertEquals("busybox:latest", spec.image());
        }
    }

    @Nested
    class Mounts {
        @Test
        void userMountReplacesAProfileDefaultInItsPosition() {
            ContainerSpec spec = build(DockerProfile.FULL_DEV,
                    List.of(new Mount("/extra", "/extra", false),
                            new Mount("${HOME}/.local/share/opencode", "${HOME}/.local/share/opencode", true)),
                    List.of(), Map.of(), Map.of(), null);
            assertEquals(List.of(
                    "/tmp/wrap/repo:/tmp/wrap/repo",
                    "/home/u/.codex:/home/u/.codex",
                    "/home/u/.local/share/opencode:/home/u/.local/share/opencode:ro",
                    "/extra:/extra"), volumes(spec));
        }

        @Test
        void identityIsTheExpandedPair() {
            ContainerSpec spec = build(DockerProfile.FULL_DEV,
                    List.of(new Mount("/home/u/.codex", "${HOME}/.codex", true)), List.of(), Map.of(), Map.of(), null);
            assertEquals(List.of(
                    "/tmp/wrap/repo:/tmp/wrap/repo",
                    "/home/u/.codex:/home/u/.codex:ro",
                    "/home/u/.local/share/opencode:/home/u/.local/share/opencode"), volumes(spec));
        }

        @Test
        void laterUserMountReplacesAnEarlierOneWithTheSamePair() {
            ContainerSpec spec = build(null, List.of(new Mount("/a", "/b", true), new Mount("/c", "/d", false),
                    new Mount(" /a ", "/b", false)), List.of(), Map.of(), Map.of(), null);
            assertEquals(List.of("/tmp/wrap/repo:/tmp/wrap/repo", "/a:/b", "/c:/d"), volumes(spec));
        }

        @Test
        void sameSourceDifferentTargetAreDistinct() {
            ContainerSpec spec = build(null, List.of(new Mount("/a", "/b", false), new Mount("/a", "/c", false)),
                    List.of(), Map.of(), Map.of(), null);
            assertEquals(List.of("/tmp/wrap/repo:/tmp/wrap/repo", "/a:/b", "/a:/c"), volumes(spec));
        }

        @Test
        void blankSourcesOrTargetsAreSkippedOthersStripped() {
            ContainerSpec spec = build(null, List.of(new Mount("", "/t", false), new Mount("/s", " ", false),
                    new Mount(" /s ", "\t/t ", true)), List.of(), Map.of(), Map.of(), null);
            assertEquals(List.of("/tmp/wrap/repo:/tmp/wrap/repo", "/s:/t:ro"), volumes(spec));
        }

        @Test
        void repoRootComesFirstAndAnIdenticalUserMountIsDropped() {
            ContainerSpec spec = build(null, List.of(new Mount("/x", "/x", false),
                    new Mount("${REPO_ROOT}", "${REPO_ROOT}", false), new Mount("/x", "/x", false)),
                    List.of(), Map.of(), Map.of(), null);
            assertEquals(List.of("/tmp/wrap/repo:/tmp/wrap/repo", "/x:/x"), volumes(spec));
        }

        @Test
        void readOnlyRepoRootUserMountSurvivesNextToTheReadWriteOne() {
            // Reference quirk kept: only exact (source, target, read_only) duplicates are dropped.
            ContainerSpec spec = build(null, List.of(new Mount(REPO, REPO, true)), List.of(), Map.of(), Map.of(), null);
            assertEquals(List.of("/tmp/wrap/repo:/tmp/wrap/repo", "/tmp/wrap/repo:/tmp/wrap/repo:ro"), volumes(spec));
        }

        @Test
        void withoutProfileOnlyTheRepoRoot() {
            ContainerSpec spec = build(null, List.of(), List.of(), Map.of(), Map.of("CAR_X", "1"), null);
            assertEquals(List.of("/tmp/wrap/repo:/tmp/wrap/repo"), volumes(spec));
            assertEquals(Map.of(), spec.env());
        }

        @Test
        void onlyRepoRootAndHomeTemplatesExpand() {
            ContainerSpec spec = build(null, List.of(new Mount("$HOME/a", "${USER}/b", false),
                    new Mount("${HOME}${REPO_ROOT}", "${REPO_ROOT}/${HOME}", false)), List.of(), Map.of(), Map.of(), null);
            assertEquals(List.of("/tmp/wrap/repo:/tmp/wrap/repo", "$HOME/a:${USER}/b",
                    "/home/u/tmp/wrap/repo:/tmp/wrap/repo//home/u"), volumes(spec));
        }

        @Test
        void volumeSpecNotation() {
            assertEquals("/s:/t", new MountBinding("/s", "/t", false).toVolumeSpec());
            assertEquals("/s:/t:ro", new MountBinding("/s", "/t", true).toVolumeSpec());
        }
    }

    @Nested
    class Passthrough {
        @Test
        void selectedInAscendingKeyOrderWhateverTheHostOrder() {
            Map<String, String> host = new HashMap<>();
            for (String key : List.of("CAR_Z", "CAR_A", "CAR_M", "CAR_", "CARX", "CAR_b", "OTHER")) {
                host.put(key, key.toLowerCase());
            }
            Map<String, String> selected = ContainerSpecBuilder.passthrough(List.of("CAR_*"), host);
            assertEquals(List.of("CAR_", "CAR_A", "CAR_M", "CAR_Z", "CAR_b"), List.copyOf(selected.keySet()));
        }

        @Test
        void orderIsByCodePointNotByUtf16Unit() {
            // U+E000 < U+1F600 by code point, though its UTF-16 unit is above the surrogate U+D83D.
            String privateUse = "CAR_\ue000";
            String emoji = "CAR_\ud83d\ude00";
            Map<String, String> host = env(emoji, "e", privateUse, "p", "CAR_Z", "z");
            assertEquals(List.of("CAR_Z", privateUse, emoji),
                    List.copyOf(ContainerSpecBuilder.passthrough(List.of("CAR_*"), host).keySet()));
            ContainerSpec spec = build(null, List.of(), List.of("CAR_*"), env("CAR_\uffff", "x"), host, null);
            assertEquals(List.of("CAR_Z", privateUse, "CAR_\uffff", emoji), List.copyOf(spec.redactedEnv().keySet()));
        }

        @Test
        void wholeNameCaseSensitiveGlobs() {
            Map<String, String> host = env("GH_TOKEN", "1", "TOKEN", "2", "NPM_TOKEN_X", "3", "A1", "4", "A12", "5",
                    "Ab", "6", "ab", "7", "Ac", "8", "Ad", "9", "car_x", "10");
            assertEquals(List.of("GH_TOKEN"),
                    List.copyOf(ContainerSpecBuilder.passthrough(List.of("*_TOKEN"), host).keySet()));
            assertEquals(List.of("A1", "Ab", "Ac", "Ad"),
                    List.copyOf(ContainerSpecBuilder.passthrough(List.of("A?"), host).keySet()));
            assertEquals(List.of("Ab", "Ac"), List.copyOf(ContainerSpecBuilder.passthrough(List.of("A[bc]"), host).keySet()));
            assertEquals(List.of("A1", "Ad"), List.copyOf(ContainerSpecBuilder.passthrough(List.of("A[!bc]"), host).keySet()));
            assertEquals(List.of(), List.copyOf(ContainerSpecBuilder.passthrough(List.of("A[bc"), host).keySet()));
            assertEquals(List.of(), List.copyOf(ContainerSpecBuilder.passthrough(List.of("CAR_*"), host).keySet()));
            assertEquals(List.of("car_x"), List.copyOf(ContainerSpecBuilder.passthrough(List.of("car_*"), host).keySet()));
        }

        @Test
        void unclosedBracketMatchesLiterally() {
            Map<String, String> host = env("A[B", "1", "AB", "2");
            assertEquals(env("A[B", "1"), ContainerSpecBuilder.passthrough(List.of("A[B"), host));
        }

        @Test
        void anyPatternSelectsAndPatternsAreStrippedDedupedAndBlanksDropped() {
            Map<String, String> host = env("X", "1", "Y", "2", "Z", "3");
            assertEquals(env("X", "1", "Z", "3"),
                    ContainerSpecBuilder.passthrough(Arrays.asList(" Z ", "", "  ", null, "X", "Z"), host));
        }

        @Test
        void noPatternsMeansNothing() {
            assertEquals(Map.of(), ContainerSpecBuilder.passthrough(List.of(), env("A", "1")));
            assertEquals(Map.of(), ContainerSpecBuilder.passthrough(List.of(" "), env("A", "1")));
        }

        @Test
        void nullHostValuesAreSkipped() {
            Map<String, String> host = new HashMap<>();
            host.put("CAR_A", null);
            host.put("CAR_B", "b");
            assertEquals(env("CAR_B", "b"), ContainerSpecBuilder.passthrough(List.of("CAR_*"), host));
        }

        @Test
        void profileDefaultsAreUsed() {
            Map<String, String> host = env("CAR_X", "1", "OPENAI_API_KEY", "k", "CODEX_HOME", "/c",
                    "OPENCODE_SERVER_USERNAME", "u", "OPENCODE_SERVER_PASSWORD", "p", "OPENCODE_OTHER", "no", "PATH", "/bin");
            ContainerSpec spec = build(DockerProfile.FULL_DEV, List.of(), List.of(), Map.of(), host, null);
            assertEquals(List.of("CAR_X", "CODEX_HOME", "OPENAI_API_KEY", "OPENCODE_SERVER_PASSWORD",
                    "OPENCODE_SERVER_USERNAME"), List.copyOf(spec.env().keySet()));
            assertEquals(spec.env().keySet(), spec.secretNames());
        }
    }

    @Nested
    class ExplicitEnv {
        @Test
        void overridesPassthroughAndIsNotSecret() {
            ContainerSpec spec = build(null, List.of(), List.of("TOKEN", "CAR_*"),
                    env("TOKEN", "explicit", "NEW", "n"), env("TOKEN", "host-secret", "CAR_A", "a"), null);
            assertEquals(env("CAR_A", "a", "TOKEN", "explicit", "NEW", "n"), spec.env());
            assertEquals(Set.of("CAR_A"), spec.secretNames());
            assertEquals(env("CAR_A", "***", "NEW", "n", "TOKEN", "explicit"), spec.redactedEnv());
        }

        @Test
        void keysAreStrippedBlankKeysAndNullValuesSkipped() {
            Map<String, String> explicit = new LinkedHashMap<>();
            explicit.put(" K ", "v ");
            explicit.put("  ", "blank");
            explicit.put(null, "null key");
            explicit.put("N", null);
            explicit.put("E", "");
            ContainerSpec spec = build(null, List.of(), List.of("N"), explicit, env("N", "host"), null);
            assertEquals(env("N", "host", "K", "v ", "E", ""), spec.env());
            assertEquals(Set.of("N"), spec.secretNames(), "a null explicit value does not override the passthrough");
        }

        @Test
        void strippedExplicitKeyStillRemovesTheSecret() {
            ContainerSpec spec = build(null, List.of(), List.of("K"), env(" K ", "shown"), env("K", "secret"), null);
            assertEquals(env("K", "shown"), spec.env());
            assertEquals(Set.of(), spec.secretNames());
            assertEquals(env("K", "shown"), spec.redactedEnv());
        }

        @Test
        void redactedEnvNeverShowsPassthroughValues() {
            ContainerSpec spec = build(null, List.of(), List.of("*"), env("SHOWN", "ok"),
                    env("A", "s1", "B", "s2", "SHOWN", "host"), null);
            assertEquals(env("A", "***", "B", "***", "SHOWN", "ok"), spec.redactedEnv());
            assertEquals(env("A", "s1", "B", "s2", "SHOWN", "ok"), spec.env(), "the spec itself keeps the real values");
        }
    }

    @Nested
    class Validation {
        @Test
        void blankNameOrImageIsRejected() {
            for (String name : new String[] {null, "", "  ", "\u00a0"}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContainerSpecBuilder.build(
                        name, "img", REPO, null, List.of(), List.of(), Map.of(), Map.of(), HOME, null));
                assertEquals("container name is required", e.getMessage());
            }
            for (String image : new String[] {null, "", "\t"}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContainerSpecBuilder.build(
                        "n", image, REPO, null, List.of(), List.of(), Map.of(), Map.of(), HOME, null));
                assertEquals("docker image is required", e.getMessage());
            }
        }

        @Test
        void nameIsCheckedBeforeImage() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContainerSpecBuilder.build(
                    " ", " ", REPO, null, List.of(), List.of(), Map.of(), Map.of(), HOME, null));
            assertEquals("container name is required", e.getMessage());
        }

        @Test
        void nameAndImageAreStripped() {
            ContainerSpec spec = ContainerSpecBuilder.build(" n ", "\timg ", REPO, null, List.of(), List.of(), Map.of(),
                    Map.of(), HOME, null);
            assertEquals("n", spec.name());
            assertEquals("img", spec.image());
        }
    }

    @Nested
    class Workdir {
        @Test
        void defaultsToTheRepoRoot() {
            assertEquals(REPO, build(null, List.of(), List.of(), Map.of(), Map.of(), null).workdir());
            assertEquals(REPO, build(null, List.of(), List.of(), Map.of(), Map.of(), "  ").workdir());
        }

        @Test
        void isExpandedAndStripped() {
            assertEquals("/home/u/w", build(null, List.of(), List.of(), Map.of(), Map.of(), " ${HOME}/w ").workdir());
            assertEquals("/workspace", build(null, List.of(), List.of(), Map.of(), Map.of(), "/workspace").workdir());
        }
    }

    @Nested
    class FromDestination {
        @Test
        void defaultNameIsDerivedFromTheRepoRoot() {
            DockerDestination d = DockerDestination.ofImage("busybox:latest");
            ContainerSpec spec = ContainerSpecBuilder.build(d, REPO, Map.of(), HOME);
            assertEquals("car-ws-576e8db67800", spec.name());
            assertEquals(List.of("/tmp/wrap/repo:/tmp/wrap/repo"), volumes(spec));
            assertEquals(REPO, spec.workdir());
        }

        @Test
        void parsedDestinationDrivesTheSpec() {
            DockerDestination d = (DockerDestination) DestinationParser.parse(map("kind", "docker",
                    "image", "busybox:latest", "container_name", "car-demo", "profile", "FULL-DEV",
                    "mounts", list(map("source", "${HOME}/.codex", "target", "${HOME}/.codex", "readOnly", true),
                            map("source", "${REPO_ROOT}/cache", "target", "/cache")),
                    "env_passthrough", list("ZED", "CAR_*"), "env", map("ZED", "explicit", "B", "b"),
                    "workdir", "${REPO_ROOT}/sub")).destination();
            ContainerSpec spec = ContainerSpecBuilder.build(d, REPO,
                    env("CAR_X", "1", "ZED", "host", "OPENAI_API_KEY", "k"), HOME);
            assertEquals("car-demo", spec.name());
            assertEquals(List.of(
                    "/tmp/wrap/repo:/tmp/wrap/repo",
                    "/home/u/.codex:/home/u/.codex:ro",
                    "/home/u/.local/share/opencode:/home/u/.local/share/opencode",
                    "/tmp/wrap/repo/cache:/cache"), volumes(spec));
            assertEquals(env("B", "b", "CAR_X", "***", "OPENAI_API_KEY", "***", "ZED", "explicit"), spec.redactedEnv());
            assertEquals("/tmp/wrap/repo/sub", spec.workdir());
        }

        @Test
        void profileLookupIsStrippedAndCaseInsensitive() {
            assertEquals(DockerProfile.FULL_DEV, DockerProfile.find(" Full-Dev ").orElseThrow());
            assertEquals(DockerProfile.FULL_DEV, DockerProfile.find("\u00a0FULL-DEV\u202f").orElseThrow());
            assertEquals(false, DockerProfile.find("full_dev").isPresent());
            assertEquals(false, DockerProfile.find(null).isPresent());
        }

        @Test
        void fullDevContract() {
            DockerProfile p = DockerProfile.FULL_DEV;
            assertEquals(List.of("codex", "opencode", "python3", "git", "rg", "bash", "node", "pnpm"), p.requiredBinaries());
            assertEquals(List.of(new Mount("${HOME}/.codex", "${HOME}/.codex", false),
                    new Mount("${HOME}/.local/share/opencode", "${HOME}/.local/share/opencode", false)), p.defaultMounts());
            assertEquals(List.of("CAR_*", "OPENAI_API_KEY", "CODEX_HOME", "OPENCODE_SERVER_USERNAME",
                    "OPENCODE_SERVER_PASSWORD"), p.defaultEnvPassthrough());
            assertEquals(List.of("${HOME}/.codex/auth.json", "${HOME}/.local/share/opencode/auth.json"),
                    p.requiredAuthFiles());
        }
    }

    @Test
    void specIsImmutable() {
        ContainerSpec spec = build(null, List.of(), List.of("A"), Map.of(), env("A", "1"), null);
        assertThrows(UnsupportedOperationException.class, () -> spec.env().put("B", "2"));
        assertThrows(UnsupportedOperationException.class, () -> spec.secretNames().add("B"));
        assertThrows(UnsupportedOperationException.class, () -> spec.mounts().clear());
    }
}
