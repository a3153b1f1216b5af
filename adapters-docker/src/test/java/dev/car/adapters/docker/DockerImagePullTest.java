package dev.car.adapters.docker;

import static dev.car.adapters.docker.RealEngine.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.car.application.port.out.engine.EngineException;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pulls against the real engine: this environment reaches no public registry, so one is faked on loopback. */
class DockerImagePullTest {
    private static DockerContainerEngine engine;

    @BeforeAll
    static void connect() {
        engine = RealEngine.require();
    }

    @Test
    void aFailedPullNamesTheImageOnOneLine() {
        String image = "car-test-missing-" + RealEngine.RUN + "/nothing:1";
        List<String> progress = new ArrayList<>();
        EngineException failure = assertThrows(EngineException.class, () -> engine.pullImage(image, progress::add));
        assertTrue(failure.getMessage().startsWith("Cannot pull image '" + image + "': "), failure.getMessage());
        assertOneLine(failure.getMessage());
        assertFalse(failure.getMessage().contains("{"), "the engine's JSON is unwrapped: " + failure.getMessage());
    }

    @Test
    void aPullFromAnUnreachableRegistryGivesTheEnginesReason() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String image = "127.0.0.1:" + port + "/car-test/missing-" + RealEngine.RUN + ":1";
        EngineException failure = assertThrows(EngineException.class, () -> engine.pullImage(image, line -> { }));
        // The engine got the reference right: it went to that registry and says why it failed.
        assertTrue(failure.getMessage().startsWith("Cannot pull image '" + image + "': "), failure.getMessage());
        assertTrue(failure.getMessage().contains("connection refused"), failure.getMessage());
        assertOneLine(failure.getMessage());
    }

    @Test
    void pullsAndReportsReadableProgress() throws Exception {
        String repository = "car-test/pulled-" + RealEngine.RUN;
        try (FakeRegistry registry = new FakeRegistry(repository, "1", 3_000_000);
             DockerClient raw = RealEngine.rawClient()) {
            String image = registry.image();
            assertFalse(engine.imagePresent(image));
            List<String> progress = new ArrayList<>();
            try {
                engine.pullImage(image, progress::add);
                assertTrue(engine.imagePresent(image), progress.toString());
            } finally {
                removeImage(raw, image);
            }
            Pattern download = Pattern.compile("[0-9a-f]{12}: Downloading \\d+(\\.\\d)? [kM]?B/3\\.0 MB");
            assertTrue(progress.stream().anyMatch(line -> download.matcher(line).matches()), progress.toString());
            assertTrue(progress.stream().anyMatch(line -> line.endsWith(": Pull complete")), progress.toString());
            assertEquals("Status: Downloaded newer image for " + image, progress.get(progress.size() - 1));
            assertEquals(progress.size(), progress.stream().distinct().count(), "no line twice: " + progress);
        }
    }

    private static void removeImage(DockerClient raw, String image) {
        try {
            raw.removeImageCmd(image).withForce(true).exec();
        } catch (NotFoundException e) {
            // Never pulled.
        }
    }
}
