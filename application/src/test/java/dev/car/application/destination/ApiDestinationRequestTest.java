package dev.car.application.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.car.application.UseCaseFailure;
import dev.car.domain.destination.DestinationParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiDestinationRequestTest {

    private static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static String failure(Object body) {
        return assertThrows(UseCaseFailure.class, () -> new ApiDestinationRequest(body).toPayload()).getMessage();
    }

    @Test
    void aliasesBecomeCanonicalFields() {
        Map<String, Object> request = body("kind", " Docker ", "image", " img ", "containerName", " c ",
                "workDir", "/w", "envPassthrough", List.of("CAR_*", " "), "explicitEnv", Map.of("A", "1"),
                "profile", "FULL-DEV",
                "mounts", List.of(body("source", "/a", "target", "/b", "readOnly", true),
                        body("source", "/c", "target", "/d", "readonly", false)));

        Map<String, Object> payload = new ApiDestinationRequest(request).toPayload();
        Map<String, Object> stored = DestinationParser.validateForWrite(payload, "destination").normalized();

        assertEquals("{kind=docker, image=img, container_name=c, mounts=[{source=/a, target=/b, read_only=true}, "
                + "{source=/c, target=/d}], env_passthrough=[CAR_*], workdir=/w, profile=full-dev, env={A=1}}",
                stored.toString());
    }

    @Test
    void nameAndExplicitEnvSpellingsAreAccepted() {
        Map<String, Object> payload = new ApiDestinationRequest(
                body("kind", "docker", "image", "i", "name", "n", "explicit_env", Map.of("K", "v"))).toPayload();

        assertEquals("{kind=docker, image=i, container_name=n, env={K=v}}", payload.toString());
    }

    @Test
    void nullFieldsCountAsAbsent() {
        Map<String, Object> request = new HashMap<>(body("kind", "docker", "image", "i"));
        request.put("profile", null);
        request.put("containerName", null);
        request.put("name", "n");

        assertEquals("n", new ApiDestinationRequest(request).toPayload().get("container_name"));
    }

    @Test
    void localIsJustTheKind() {
        assertEquals(Map.of("kind", "local"), new ApiDestinationRequest(body("kind", "LOCAL", "image", "x")).toPayload());
    }

    @Test
    void missingImageFailsWriteValidation() {
        Map<String, Object> payload = new ApiDestinationRequest(body("kind", "docker")).toPayload();

        assertEquals(List.of("destination: docker destination requires non-empty 'image'"),
                DestinationParser.validateForWrite(payload, "destination").errors());
    }

    @Test
    void rejectsWhatTheApiModelForbids() {
        assertEquals("--from-json: the request body must be a JSON object", failure(List.of()));
        assertEquals("--from-json: field 'kind' is required", failure(body("image", "i")));
        assertEquals("Unsupported destination kind: 'ssh'. Use 'local' or 'docker'.", failure(body("kind", "ssh")));
        assertEquals("--from-json: unknown field 'unexpected'; accepted: kind, image, container_name, containerName, "
                + "name, workdir, workDir, profile, env_passthrough, envPassthrough, env, explicit_env, explicitEnv, "
                + "mounts", failure(body("kind", "docker", "image", "i", "unexpected", 1)));
        assertEquals("--from-json: unknown field 'mounts[0].mode'; accepted: source, target, read_only, readOnly, "
                + "readonly", failure(body("kind", "docker", "image", "i",
                        "mounts", List.of(body("source", "/a", "target", "/b", "mode", "ro")))));
        assertEquals("--from-json: fields 'name' and 'containerName' both set 'container_name'; give only one",
                failure(body("kind", "docker", "image", "i", "name", "a", "containerName", "b")));
        for (Object notBoolean : List.of("yes", "true", 1)) {
            assertEquals("--from-json: mounts[0].read_only must be a boolean", failure(body("kind", "docker",
                    "image", "i", "mounts", List.of(body("source", "/a", "target", "/b", "read_only", notBoolean)))));
        }
        assertEquals("--from-json: field 'image' must be a string", failure(body("kind", "docker", "image", 123)));
        assertEquals("--from-json: field 'env' must be an object of string values",
                failure(body("kind", "docker", "image", "i", "env", List.of("A"))));
        assertEquals("--from-json: field 'env' must be an object of string values",
                failure(body("kind", "docker", "image", "i", "env", Map.of("A", 1))));
        List<Object> patterns = new ArrayList<>(List.of("A", 2));
        assertEquals("--from-json: field 'env_passthrough' must be a list of strings",
                failure(body("kind", "docker", "image", "i", "env_passthrough", patterns)));
        assertEquals("--from-json: mounts[0] must be an object with source/target",
                failure(body("kind", "docker", "image", "i", "mounts", List.of("x"))));
        assertEquals("--from-json: field 'kind' must be a string", failure(body("kind", 5)));
    }
}
