package dev.car.domain.destination;

import static dev.car.domain.Raw.list;
import static dev.car.domain.Raw.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Canonical form (reference 2.2), Preserve/Normalize (1.4) and write validation (2.3). */
class DestinationSerializationTest {

    private static Map<String, String> env(String... keysAndValues) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }

    @Nested
    class CanonicalOrder {
        @Test
        void localIsOnlyItsKind() {
            assertEquals(map("kind", "local"), LocalDestination.INSTANCE.toMap());
            assertEquals(List.of("kind"), List.copyOf(LocalDestination.INSTANCE.toMap().keySet()));
        }

        @Test
        void dockerKeysInContractOrderThenExtrasInInputOrder() {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("zeta", 1);
            extra.put("alpha", list("x"));
            DockerDestination d = new DockerDestination("img", "car-demo",
                    List.of(new Mount("/a", "/b", false), new Mount("/c", "/d", true)),
                    List.of("CAR_*", "PATH"), "/w", "full-dev", env("B", "3", "A", "x=y"), extra);
            Map<String, Object> m = d.toMap();
            assertEquals(List.of("kind", "image", "container_name", "mounts", "env_passthrough", "workdir", "profile",
                    "env", "zeta", "alpha"), List.copyOf(m.keySet()));
            assertEquals("docker", m.get("kind"));
            assertEquals(list(map("source", "/a", "target", "/b"), map("source", "/c", "target", "/d", "read_only", true)),
                    m.get("mounts"));
            assertEquals(List.of("source", "target"), List.copyOf(((Map<?, ?>) ((List<?>) m.get("mounts")).get(0)).keySet()));
            assertEquals(List.of("source", "target", "read_only"),
                    List.copyOf(((Map<?, ?>) ((List<?>) m.get("mounts")).get(1)).keySet()));
            assertEquals(List.of("CAR_*", "PATH"), m.get("env_passthrough"));
            assertEquals(List.of("B", "A"), List.copyOf(((Map<?, ?>) m.get("env")).keySet()));
        }

        @Test
        void absentOrEmptyFieldsAreOmittedButImageIsAlwaysWritten() {
            DockerDestination d = new DockerDestination("img", null, List.of(), List.of(), null, null, Map.of(), Map.of());
            assertEquals(map("kind", "docker", "image", "img"), d.toMap());
            DockerDestination empties = new DockerDestination("img", "", List.of(), List.of(), "", "", Map.of(), Map.of());
            assertEquals(map("kind", "docker", "image", "img"), empties.toMap());
        }

        @Test
        void readOnlyFalseIsNeverWritten() {
            assertEquals(map("source", "/s", "target", "/t"), new Mount("/s", "/t", false).toMap());
            assertEquals(map("source", "/s", "target", "/t", "read_only", true), new Mount("/s", "/t", true).toMap());
        }

        @Test
        void toMapIsADetachedCopy() {
            DockerDestination d = new DockerDestination("img", null, List.of(new Mount("/a", "/b", false)),
                    List.of("A"), null, null, env("K", "V"), Map.of());
            Map<String, Object> m = d.toMap();
            ((List<?>) m.get("env_passthrough")).clear();
            m.put("image", "other");
            assertEquals("img", d.toMap().get("image"));
            assertEquals(List.of("A"), d.toMap().get("env_passthrough"));
        }

        @Test
        void recordCopiesItsCollections() {
            List<String> patterns = new ArrayList<>(List.of("A"));
            DockerDestination d = new DockerDestination("img", null, List.of(), patterns, null, null, Map.of(), Map.of());
            patterns.add("B");
            assertEquals(List.of("A"), d.envPassthrough());
            assertThrows(UnsupportedOperationException.class, () -> d.env().put("x", "y"));
            assertThrows(UnsupportedOperationException.class, () -> d.extra().put("x", "y"));
        }
    }

    @Nested
    class PreserveAndNormalize {
        @Test
        void preserveOfANonMappingIsNull() {
            for (Object value : list(null, "docker", 5, list(map("kind", "docker")))) {
                assertNull(DestinationPayloads.preserve(value));
                assertNull(DestinationPayloads.normalize(value));
            }
        }

        @Test
        void preserveDropsNonStringAndBlankKeysStripsKeysAndStringKindButNotNested() {
            Map<Object, Object> raw = map(1, "one", " kind ", " Docker ", "  ", "blank", null, "nul", " image", " x ",
                    "mounts", list(map(" source ", " /a ")));
            Map<String, Object> preserved = DestinationPayloads.preserve(raw);
            assertEquals(map("kind", "Docker", "image", " x ", "mounts", list(map(" source ", " /a "))), preserved);
            assertEquals(List.of("kind", "image", "mounts"), List.copyOf(preserved.keySet()));
        }

        @Test
        void preserveKeepsNonStringKindAsIs() {
            assertEquals(map("kind", 5), DestinationPayloads.preserve(map("kind", 5)));
            assertEquals(map("image", ""), DestinationPayloads.preserve(map("image", "")));
        }

        @Test
        void preserveDoesNotModifyItsInput() {
            Map<Object, Object> raw = map(" kind ", " docker ");
            DestinationPayloads.preserve(raw);
            assertEquals(map(" kind ", " docker "), raw);
        }

        @Test
        void normalizeRequiresANonBlankStringKind() {
            assertNull(DestinationPayloads.normalize(map("kind", 5)));
            assertNull(DestinationPayloads.normalize(map("kind", " ")));
            assertNull(DestinationPayloads.normalize(map("image", "x")));
            assertEquals(map("kind", "Docker", "image", 5), DestinationPayloads.normalize(map("kind", "\tDocker ", "image", 5)));
        }
    }

    @Nested
    class WriteValidation {
        @Test
        void workedExampleOfReferenceSection23() {
            Map<Object, Object> raw = map("kind", "docker", "image", "ghcr.io/acme/car:latest",
                    "mounts", list(map("source", "/tmp/src", "target", "/src", "readOnly", true)),
                    "profile", "FULL-DEV");
            DestinationParser.WriteValidation result = DestinationParser.validateForWrite(raw, "destination");
            assertTrue(result.valid());
            assertEquals(List.of(), result.errors());
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("kind", "docker");
            expected.put("image", "ghcr.io/acme/car:latest");
            expected.put("mounts", list(map("source", "/tmp/src", "target", "/src", "read_only", true)));
            expected.put("profile", "full-dev");
            assertEquals(expected, result.normalized());
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(result.normalized().keySet()));
        }

        @Test
        void canonicalizationLowerCasesKindDropsEmptiesAndFalseReadOnly() {
            Map<Object, Object> raw = map("extra2", "z", "env", map(), "kind", " DOCKER ", "image", " img ",
                    "mounts", list(map("source", " /a ", "target", "/b", "read_only", false, "mode", "ro")),
                    "env_passthrough", list(), "extra1", "y");
            Map<String, Object> normalized = DestinationParser.validateForWrite(raw, "destination").normalized();
            assertEquals(map("kind", "docker", "image", "img", "mounts", list(map("source", "/a", "target", "/b")),
                    "extra2", "z", "extra1", "y"), normalized);
            assertEquals(List.of("kind", "image", "mounts", "extra2", "extra1"), List.copyOf(normalized.keySet()));
        }

        @Test
        void localDropsEverythingElse() {
            DestinationParser.WriteValidation result =
                    DestinationParser.validateForWrite(map("kind", "Local", "image", "x", "foo", 1), "destination");
            assertEquals(map("kind", "local"), result.normalized());
        }

        @Test
        void invalidPayloadReturnsAllErrorsAndNoMapping() {
            DestinationParser.WriteValidation result = DestinationParser.validateForWrite(
                    map("kind", "docker", "image", "", "profile", "full_deev"), "destination");
            assertNull(result.normalized());
            assertEquals(false, result.valid());
            assertEquals(List.of("destination: docker destination requires non-empty 'image'",
                    "destination: unsupported docker profile 'full_deev'"), result.errors());
        }

        @Test
        void contextIsUsedForWriteErrors() {
            assertEquals(List.of("payload: expected a mapping with non-empty 'kind'"),
                    DestinationParser.validateForWrite("docker", "payload").errors());
        }

        @Test
        void cliSetExampleOfReferenceSection74() {
            Map<Object, Object> raw = map("kind", "docker", "image", "busybox:latest", "container_name", "car-demo",
                    "env_passthrough", list("CAR_*", "PATH"),
                    "env", map("B", "3", "A", "x=y", "E", ""),
                    "mounts", list(map("source", "/tmp/src", "target", "/tmp/t:ro"), map("source", "/e", "target", "/f"),
                            map("source", "/c", "target", "/d", "read_only", true)),
                    "profile", "full-dev", "workdir", "/w");
            Map<String, Object> normalized = DestinationParser.validateForWrite(raw, "destination").normalized();
            assertEquals(List.of("kind", "image", "container_name", "mounts", "env_passthrough", "workdir", "profile",
                    "env"), List.copyOf(normalized.keySet()));
            assertEquals(list(map("source", "/tmp/src", "target", "/tmp/t:ro"), map("source", "/e", "target", "/f"),
                    map("source", "/c", "target", "/d", "read_only", true)), normalized.get("mounts"));
            assertEquals(List.of("B", "A", "E"), List.copyOf(((Map<?, ?>) normalized.get("env")).keySet()));
        }

        @Test
        void writeValidationIsIdempotent() {
            Map<Object, Object> raw = map("kind", "Docker", "image", " i ", "readOnly", true,
                    "mounts", list(map("source", "/s", "target", "/t", "readonly", true)), "profile", " full-DEV ");
            Map<String, Object> once = DestinationParser.validateForWrite(raw, "destination").normalized();
            Map<String, Object> twice = DestinationParser.validateForWrite(once, "destination").normalized();
            assertEquals(once, twice);
            assertEquals(List.copyOf(once.keySet()), List.copyOf(twice.keySet()));
        }
    }
}
