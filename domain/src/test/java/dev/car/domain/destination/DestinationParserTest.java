package dev.car.domain.destination;

import static dev.car.domain.Raw.list;
import static dev.car.domain.Raw.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationParserTest {

    private static final String CTX = "destination: ";

    private static List<String> errors(Object raw) {
        ParsedDestination parsed = DestinationParser.parse(raw);
        assertFalse(parsed.valid(), () -> "expected invalid: " + raw);
        assertSame(LocalDestination.INSTANCE, parsed.destination(), "an invalid config falls back to local");
        return parsed.errors();
    }

    private static DockerDestination docker(Object raw) {
        ParsedDestination parsed = DestinationParser.parse(raw);
        assertTrue(parsed.valid(), () -> "expected valid, got " + parsed.errors());
        assertEquals(List.of(), parsed.errors());
        return assertInstanceOf(DockerDestination.class, parsed.destination());
    }

    /** A docker mapping with a valid image and the given extra key/value pairs. */
    private static Map<Object, Object> dockerWith(Object... keysAndValues) {
        Map<Object, Object> raw = map("kind", "docker", "image", "img");
        raw.putAll(map(keysAndValues));
        return raw;
    }

    @Nested
    class Kind {
        @Test
        void nonMappingValues() {
            for (Object raw : list(null, "docker", 5, true, list(map("kind", "docker")), 1.5)) {
                assertEquals(List.of(CTX + "expected a mapping with non-empty 'kind'"), errors(raw), () -> "" + raw);
            }
        }

        @Test
        void missingNullNonStringOrBlankKind() {
            for (Object raw : list(map(), map("image", "img"), map("kind", null), map("kind", 5),
                    map("kind", true), map("kind", list("docker")), map("kind", ""), map("kind", " \t\u00a0"))) {
                assertEquals(List.of(CTX + "expected a mapping with non-empty 'kind'"), errors(raw), () -> "" + raw);
            }
        }

        @Test
        void kindKeyIsFoundAfterStrippingKeys() {
            assertEquals(DockerDestination.ofImage("img"), docker(map(" kind ", " docker ", "image\t", "img")));
        }

        @Test
        void unsupportedKindIsStrippedAndLowerCasedInPlainQuotes() {
            assertEquals(List.of(CTX + "unsupported destination kind 'ssh'"), errors(map("kind", " SSH ")));
            assertEquals(List.of(CTX + "unsupported destination kind 'it's'"), errors(map("kind", "It's")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"docker", "DOCKER", "Docker", " dOcKeR\t", "\u3000docker\u00a0"})
        void dockerKindIsCaseInsensitive(String kind) {
            assertEquals(DockerDestination.ofImage("img"), docker(map("kind", kind, "image", "img")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"local", "LOCAL", " Local "})
        void localKindIsCaseInsensitive(String kind) {
            ParsedDestination parsed = DestinationParser.parse(map("kind", kind));
            assertTrue(parsed.valid());
            assertSame(LocalDestination.INSTANCE, parsed.destination());
        }

        @Test
        void localIgnoresEveryOtherKey() {
            ParsedDestination parsed = DestinationParser.parse(map("kind", "local", "image", 5, "mounts", "x",
                    "env", list(), "profile", "nope", "container_name", "", "foo", "bar"));
            assertTrue(parsed.valid());
            assertEquals(List.of(), parsed.errors());
            assertEquals(Map.of("kind", "local"), parsed.destination().toMap());
        }
    }

    @Nested
    class ContextPrefix {
        @Test
        void defaultContextIsDestination() {
            assertEquals(List.of("destination: docker destination requires non-empty 'image'"),
                    DestinationParser.parse(map("kind", "docker")).errors());
        }

        @Test
        void everyErrorCarriesTheGivenContext() {
            ParsedDestination parsed = DestinationParser.parse(
                    map("kind", "docker", "workdir", "", "profile", "x"), "repo 'base' destination");
            assertEquals(List.of(
                    "repo 'base' destination: docker destination requires non-empty 'image'",
                    "repo 'base' destination: optional 'workdir' must be a non-empty string",
                    "repo 'base' destination: unsupported docker profile 'x'"), parsed.errors());
            assertEquals(List.of("effective destination: expected a mapping with non-empty 'kind'"),
                    DestinationParser.parse("nope", "effective destination").errors());
            assertEquals(List.of("base repo 'b' destination: unsupported destination kind 'k8s'"),
                    DestinationParser.parse(map("kind", "K8S"), "base repo 'b' destination").errors());
        }
    }

    @Nested
    class DockerFields {
        @Test
        void a_imageIsRequired() {
            String msg = CTX + "docker destination requires non-empty 'image'";
            for (Object image : list(null, "", "   ", "\u00a0", 5, true, list("img"), map("a", "b"))) {
                assertEquals(List.of(msg), errors(map("kind", "docker", "image", image)), () -> "" + image);
            }
            assertEquals(List.of(msg), errors(map("kind", "docker")));
        }

        @Test
        void a_imageIsStripped() {
            assertEquals("img:1", docker(map("kind", "docker", "image", " \timg:1\u3000")).image());
        }

        @Test
        void b_containerName() {
            String msg = CTX + "optional 'container_name' must be a non-empty string";
            for (Object name : list("", " ", 5, false, list("n"))) {
                assertEquals(List.of(msg), errors(dockerWith("container_name", name)), () -> "" + name);
            }
            assertEquals("car-demo", docker(dockerWith("container_name", " car-demo ")).containerName());
            assertEquals(null, docker(dockerWith("container_name", null)).containerName());
        }

        @Test
        void c_mountsMustBeAList() {
            String msg = CTX + "optional 'mounts' must be a list";
            for (Object mounts : list("x", 5, map("source", "/a", "target", "/b"), true)) {
                assertEquals(List.of(msg), errors(dockerWith("mounts", mounts)), () -> "" + mounts);
            }
            assertEquals(List.of(), docker(dockerWith("mounts", null)).mounts());
            assertEquals(List.of(), docker(dockerWith("mounts", list())).mounts());
        }

        @Test
        void c1_c4_eachMountIsCheckedInOrderAndSkippedOnItsFirstFailure() {
            Object mounts = list(
                    "x",
                    null,
                    map("target", "/t"),
                    map("source", " ", "target", "/t"),
                    map("source", 5, "target", "/t"),
                    map("source", "/s"),
                    map("source", "/s", "target", ""),
                    map("source", "/s", "target", list()),
                    map("source", "/s", "target", "/t", "read_only", "yes"),
                    map("source", "/s", "target", "/t", "read_only", 1),
                    map("source", "/s", "target", "/t", "readOnly", "true"),
                    map("source", "/s", "target", "/t", "readonly", 0),
                    map("source", "", "target", "", "read_only", "no"),
                    map("source", "/ok", "target", "/ok"));
            assertEquals(List.of(
                    CTX + "mounts[0] must be an object with source/target",
                    CTX + "mounts[1] must be an object with source/target",
                    CTX + "mounts[2].source must be a non-empty string",
                    CTX + "mounts[3].source must be a non-empty string",
                    CTX + "mounts[4].source must be a non-empty string",
                    CTX + "mounts[5].target must be a non-empty string",
                    CTX + "mounts[6].target must be a non-empty string",
                    CTX + "mounts[7].target must be a non-empty string",
                    CTX + "mounts[8].read_only must be a boolean",
                    CTX + "mounts[9].read_only must be a boolean",
                    CTX + "mounts[10].read_only must be a boolean",
                    CTX + "mounts[11].read_only must be a boolean",
                    CTX + "mounts[12].source must be a non-empty string"),
                    errors(dockerWith("mounts", mounts)));
        }

        @Test
        void mountSourceAndTargetAreStrippedAndReadOnlyDefaultsToFalse() {
            DockerDestination d = docker(dockerWith("mounts", list(map("source", " /s ", "target", "\t/t\u00a0"))));
            assertEquals(List.of(new Mount("/s", "/t", false)), d.mounts());
        }

        @Test
        void d_envPassthroughMustBeAList() {
            String msg = CTX + "optional 'env_passthrough' must be a list";
            for (Object value : list("CAR_*", 5, map("CAR_*", true))) {
                assertEquals(List.of(msg), errors(dockerWith("env_passthrough", value)), () -> "" + value);
            }
            assertEquals(List.of(), docker(dockerWith("env_passthrough", null)).envPassthrough());
        }

        @Test
        void d1_eachPassthroughItemMustBeANonEmptyString() {
            assertEquals(List.of(
                    CTX + "env_passthrough[1] must be a non-empty string",
                    CTX + "env_passthrough[2] must be a non-empty string",
                    CTX + "env_passthrough[3] must be a non-empty string",
                    CTX + "env_passthrough[4] must be a non-empty string"),
                    errors(dockerWith("env_passthrough", list("CAR_*", " ", 5, null, list("A"), "B"))));
            assertEquals(List.of("CAR_*", "PATH"),
                    docker(dockerWith("env_passthrough", list(" CAR_* ", "PATH\t"))).envPassthrough());
        }

        @Test
        void e_workdir() {
            String msg = CTX + "optional 'workdir' must be a non-empty string";
            for (Object value : list("", "  ", 5, list("/w"))) {
                assertEquals(List.of(msg), errors(dockerWith("workdir", value)), () -> "" + value);
            }
            assertEquals("/work dir", docker(dockerWith("workdir", " /work dir ")).workdir());
            assertEquals(null, docker(dockerWith("workdir", null)).workdir());
        }

        @Test
        void f_profileMustBeANonEmptyString() {
            String msg = CTX + "optional 'profile' must be a non-empty string";
            for (Object value : list("", " ", 5, true, list("full-dev"))) {
                assertEquals(List.of(msg), errors(dockerWith("profile", value)), () -> "" + value);
            }
            assertEquals(null, docker(dockerWith("profile", null)).profile());
        }

        @Test
        void f1_profileValueIsStrippedLowerCasedAndMustBeFullDev() {
            assertEquals(List.of(CTX + "unsupported docker profile 'full_deev'"),
                    errors(dockerWith("profile", " Full_Deev ")));
            assertEquals(List.of(CTX + "unsupported docker profile 'unknown'"), errors(dockerWith("profile", "unknown")));
            assertEquals("full-dev", docker(dockerWith("profile", "FULL-DEV")).profile());
            assertEquals("full-dev", docker(dockerWith("profile", "\tFull-Dev ")).profile());
        }

        @Test
        void g_envMustBeAMapping() {
            String msg = CTX + "optional 'env' must be an object";
            for (Object value : list(list(), list("A=1"), "A=1", 5)) {
                assertEquals(List.of(msg), errors(dockerWith("env", value)), () -> "" + value);
            }
            assertEquals(Map.of(), docker(dockerWith("env", null)).env());
            assertEquals(Map.of(), docker(dockerWith("env", map())).env());
        }

        @Test
        void g1_oneErrorPerBadKey() {
            assertEquals(List.of(
                    CTX + "env keys must be non-empty strings",
                    CTX + "env keys must be non-empty strings",
                    CTX + "env keys must be non-empty strings",
                    CTX + "env keys must be non-empty strings"),
                    errors(dockerWith("env", map("", "a", "  ", "b", 5, "c", null, "d", "OK", "e"))));
        }

        @Test
        void g2_valuesMustBeStringsAndTheMessageQuotesTheRawKeyWithPythonRepr() {
            assertEquals(List.of(CTX + "env['OPENAI_API_KEY'] must be a string value"),
                    errors(dockerWith("env", map("OPENAI_API_KEY", 123))));
            assertEquals(List.of(
                    CTX + "env[' K '] must be a string value",
                    CTX + "env[\"it's\"] must be a string value",
                    CTX + "env['A'] must be a string value",
                    CTX + "env['B'] must be a string value",
                    CTX + "env['C'] must be a string value"),
                    errors(dockerWith("env", map(" K ", true, "it's", 1.5, "A", null, "B", list(), "C", map()))));
        }

        @Test
        void g1_g2_badKeyAndBadValueInInputOrder() {
            assertEquals(List.of(
                    CTX + "env['X'] must be a string value",
                    CTX + "env keys must be non-empty strings",
                    CTX + "env['Y'] must be a string value"),
                    errors(dockerWith("env", map("X", 1, "", "v", "Y", false, "Z", "ok"))));
        }

        @Test
        void envKeysAreStrippedValuesKeptAndEmptyValuesAllowed() {
            DockerDestination d = docker(dockerWith("env", map(" B ", " 2 ", "A", "x=y", "E", "")));
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("B", " 2 ");
            expected.put("A", "x=y");
            expected.put("E", "");
            assertEquals(expected, d.env());
            assertEquals(List.of("B", "A", "E"), List.copyOf(d.env().keySet()));
        }
    }

    @Nested
    class Accumulation {
        @Test
        void workedExampleOfReferenceSection21() {
            Map<Object, Object> raw = map("kind", "Docker", "image", " img ", "container_name", "",
                    "mounts", "x", "env_passthrough", "CAR_*", "workdir", 5, "profile", "", "env", list());
            assertEquals(List.of(
                    "destination: optional 'container_name' must be a non-empty string",
                    "destination: optional 'mounts' must be a list",
                    "destination: optional 'env_passthrough' must be a list",
                    "destination: optional 'workdir' must be a non-empty string",
                    "destination: optional 'profile' must be a non-empty string",
                    "destination: optional 'env' must be an object"), errors(raw));
        }

        @Test
        void errorsFollowTheTableOrderWhateverTheInputKeyOrder() {
            Map<Object, Object> raw = map(
                    "env", map("K", 1),
                    "profile", "gpu",
                    "workdir", "",
                    "env_passthrough", list(""),
                    "mounts", list(map("source", "/s", "target", "/t", "readonly", "yes")),
                    "container_name", 7,
                    "kind", "docker");
            assertEquals(List.of(
                    CTX + "docker destination requires non-empty 'image'",
                    CTX + "optional 'container_name' must be a non-empty string",
                    CTX + "mounts[0].read_only must be a boolean",
                    CTX + "env_passthrough[0] must be a non-empty string",
                    CTX + "optional 'workdir' must be a non-empty string",
                    CTX + "unsupported docker profile 'gpu'",
                    CTX + "env['K'] must be a string value"), errors(raw));
        }

        @Test
        void seedTroubleshootingMessagesAppearVerbatim() {
            assertTrue(errors(map("kind", "docker")).get(0)
                    .endsWith(": docker destination requires non-empty 'image'"));
            assertTrue(errors(map("kind", "ssh")).get(0).contains("unsupported destination kind"));
            assertTrue(errors(dockerWith("mounts", list(map("source", "/a", "target", "/b", "read_only", "true"))))
                    .get(0).endsWith(": mounts[0].read_only must be a boolean"));
            assertTrue(errors(dockerWith("env", map("KEY", 1))).get(0).endsWith(": env['KEY'] must be a string value"));
        }
    }

    @Nested
    class NullHandling {
        @Test
        void nullOptionalFieldsCountAsAbsent() {
            DockerDestination d = docker(map("kind", "docker", "image", "img", "container_name", null, "mounts", null,
                    "env_passthrough", null, "workdir", null, "profile", null, "env", null));
            assertEquals(new DockerDestination("img", null, List.of(), List.of(), null, null, Map.of(), Map.of()), d);
            assertEquals(Map.of("kind", "docker", "image", "img"), d.toMap());
        }

        @Test
        void nullImageIsAnError() {
            assertEquals(List.of(CTX + "docker destination requires non-empty 'image'"),
                    errors(map("kind", "docker", "image", null)));
        }
    }

    @Nested
    class ReadOnlyFlag {
        private Boolean readOnly(Object... flagEntries) {
            Map<Object, Object> mount = map("source", "/s", "target", "/t");
            mount.putAll(map(flagEntries));
            return docker(dockerWith("mounts", list(mount))).mounts().get(0).readOnly();
        }

        @Test
        void eachSpellingIsRecognised() {
            assertEquals(true, readOnly("read_only", true));
            assertEquals(true, readOnly("readOnly", true));
            assertEquals(true, readOnly("readonly", true));
            assertEquals(false, readOnly("read_only", false));
            assertEquals(false, readOnly());
        }

        @Test
        void readOnlyWinsOverTheAliases() {
            assertEquals(true, readOnly("readOnly", false, "read_only", true));
            assertEquals(true, readOnly("readonly", false, "read_only", true, "readOnly", false));
            assertEquals(false, readOnly("read_only", false, "readonly", true));
            assertEquals(false, readOnly("read_only", false, "readOnly", true, "readonly", true));
        }

        @Test
        void camelCaseWinsOverLowerCase() {
            assertEquals(true, readOnly("readonly", false, "readOnly", true));
            assertEquals(false, readOnly("readonly", true, "readOnly", false));
        }

        @Test
        void nullReadOnlyFallsBackToAnAlias() {
            assertEquals(true, readOnly("read_only", null, "readOnly", true));
            assertEquals(false, readOnly("read_only", null));
        }

        @Test
        void aNullAliasIsChosenAndIsNotABoolean() {
            String msg = CTX + "mounts[0].read_only must be a boolean";
            for (Map<Object, Object> flags : List.of(map("readOnly", null), map("readonly", null),
                    map("readOnly", null, "readonly", true), map("read_only", null, "readonly", null),
                    map("read_only", null, "readOnly", null, "readonly", false))) {
                Map<Object, Object> mount = map("source", "/s", "target", "/t");
                mount.putAll(flags);
                assertEquals(List.of(msg), errors(dockerWith("mounts", list(mount))), () -> "" + flags);
            }
            assertEquals(false, readOnly("readOnly", false, "readonly", null));
        }

        @Test
        void stringsAndIntsAreRejectedEvenWhenTheAliasIsABoolean() {
            String msg = CTX + "mounts[0].read_only must be a boolean";
            for (Object flag : list("true", "yes", "false", 1, 0, 1.0, list(true))) {
                assertEquals(List.of(msg), errors(dockerWith("mounts",
                        list(map("source", "/s", "target", "/t", "read_only", flag)))), () -> "" + flag);
            }
            assertEquals(List.of(msg), errors(dockerWith("mounts",
                    list(map("source", "/s", "target", "/t", "read_only", "no", "readonly", true)))));
            assertEquals(List.of(msg), errors(dockerWith("mounts",
                    list(map("source", "/s", "target", "/t", "readOnly", 1, "readonly", true)))));
        }

        @Test
        void unknownMountKeysAreDropped() {
            DockerDestination d = docker(dockerWith("mounts",
                    list(map("source", "/s", "target", "/t", "mode", "rw", "readOnly", true, "x", 1))));
            assertEquals(List.of(new Mount("/s", "/t", true)), d.mounts());
            assertEquals(List.of(map("source", "/s", "target", "/t", "read_only", true)), d.toMap().get("mounts"));
        }
    }

    @Nested
    class Extras {
        @Test
        void unknownTopLevelKeysAreKeptInInputOrderIncludingCamelCaseSpellings() {
            Map<Object, Object> raw = map(
                    "zeta", 1,
                    "kind", "docker",
                    "envPassthrough", list("CAR_*"),
                    "image", "img",
                    "explicitEnv", map("A", "b"),
                    "containerName", "c",
                    "alpha", null,
                    "readOnly", true,
                    "workDir", "/w");
            DockerDestination d = docker(raw);
            assertEquals(List.of("zeta", "envPassthrough", "explicitEnv", "containerName", "alpha", "readOnly", "workDir"),
                    List.copyOf(d.extra().keySet()));
            assertEquals(list("CAR_*"), d.extra().get("envPassthrough"));
            assertEquals(null, d.containerName(), "camelCase is not an alias in the parser");
            assertEquals(List.of(), d.envPassthrough());
            assertEquals(Map.of(), d.env());
            assertEquals(null, d.workdir());
        }

        @Test
        void extraKeysAreStrippedAndNonStringKeysDropped() {
            Map<Object, Object> raw = map("kind", "docker", "image", "img", 1, "one", null, "nul", " x ", "y",
                    "  ", "blank", true, "t");
            DockerDestination d = docker(raw);
            assertEquals(Map.of("x", "y"), d.extra());
        }

        @Test
        void extraValuesAreNotValidated() {
            Object weird = map("nested", list(1, null, map()));
            DockerDestination d = docker(dockerWith("x-anything", weird));
            assertEquals(weird, d.extra().get("x-anything"));
        }
    }
}
