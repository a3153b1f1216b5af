package dev.car.application.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.car.application.UseCaseFailure;
import dev.car.domain.destination.DestinationParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagDestinationRequestTest {

    private static FlagDestinationRequest docker(String image) {
        return new FlagDestinationRequest("docker", image, null, List.of(), List.of(), List.of(), List.of(), null, null);
    }

    @Test
    void referenceExampleStoresTheDocumentedDestination() {
        FlagDestinationRequest request = new FlagDestinationRequest("docker", " busybox:latest ", " car-demo ",
                List.of("CAR_*", " ", "PATH"), List.of("B=2", "A=x=y", "B=3", "E="),
                List.of("/tmp/src:/tmp/t:ro", "/e:/f"), List.of(" /c : /d "), "FULL-DEV", "/w");

        Map<String, Object> stored = DestinationParser.validateForWrite(request.toPayload(), "destination").normalized();

        assertEquals("{kind=docker, image=busybox:latest, container_name=car-demo, "
                + "mounts=[{source=/tmp/src, target=/tmp/t:ro}, {source=/e, target=/f}, "
                + "{source=/c, target=/d, read_only=true}], env_passthrough=[CAR_*, PATH], workdir=/w, "
                + "profile=full-dev, env={B=3, A=x=y, E=}}", stored.toString());
    }

    @Test
    void localIgnoresEveryOtherFlag() {
        FlagDestinationRequest request = new FlagDestinationRequest(" LOCAL ", "img", "n", List.of("X"), List.of("bad"),
                List.of("bad"), List.of(), "nope", "/w");

        assertEquals(Map.of("kind", "local"), request.toPayload());
    }

    @Test
    void dockerNeedsAnImage() {
        assertEquals("image is required for docker destination",
                assertThrows(UseCaseFailure.class, () -> docker(null).toPayload()).getMessage());
        assertEquals("image is required for docker destination",
                assertThrows(UseCaseFailure.class, () -> docker("  ").toPayload()).getMessage());
    }

    @Test
    void unsupportedKindQuotesTheRawArgument() {
        FlagDestinationRequest request = new FlagDestinationRequest(" SSH", null, null, List.of(), List.of(), List.of(),
                List.of(), null, null);

        assertEquals("Unsupported destination kind: ' SSH'. Use 'local' or 'docker'.",
                assertThrows(UseCaseFailure.class, request::toPayload).getMessage());
    }

    @Test
    void badEnvMapAndMountValuesAreNamed() {
        FlagDestinationRequest envMap = new FlagDestinationRequest("docker", "i", null, List.of(), List.of("NOEQ"),
                List.of(), List.of(), null, null);
        FlagDestinationRequest emptyKey = new FlagDestinationRequest("docker", "i", null, List.of(), List.of(" =v"),
                List.of(), List.of(), null, null);
        FlagDestinationRequest mount = new FlagDestinationRequest("docker", "i", null, List.of(), List.of(),
                List.of("/only-source"), List.of(), null, null);
        FlagDestinationRequest readOnly = new FlagDestinationRequest("docker", "i", null, List.of(), List.of(),
                List.of(), List.of("it's:"), null, null);

        assertEquals("Invalid --env-map value: 'NOEQ'. Expected format KEY=VALUE",
                assertThrows(UseCaseFailure.class, envMap::toPayload).getMessage());
        assertEquals("Invalid --env-map value: ' =v'. Expected format KEY=VALUE",
                assertThrows(UseCaseFailure.class, emptyKey::toPayload).getMessage());
        assertEquals("Invalid --mount value: '/only-source'. Expected format source:target",
                assertThrows(UseCaseFailure.class, mount::toPayload).getMessage());
        assertEquals("Invalid --mount value: \"it's:\". Expected format source:target",
                assertThrows(UseCaseFailure.class, readOnly::toPayload).getMessage());
    }

    @Test
    void invalidProfileIsLeftToWriteValidation() {
        FlagDestinationRequest request = new FlagDestinationRequest("docker", "i", null, List.of(), List.of(),
                List.of(), List.of(), "full_deev", null);

        assertEquals(List.of("destination: unsupported docker profile 'full_deev'"),
                DestinationParser.validateForWrite(request.toPayload(), "destination").errors());
    }
}
