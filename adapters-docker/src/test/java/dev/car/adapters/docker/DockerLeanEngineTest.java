package dev.car.adapters.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import dev.car.application.port.out.engine.ContainerCreation;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.EngineException;
import dev.car.application.port.out.engine.ExecRequest;
import dev.car.domain.container.MountBinding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lean client against the real engine, seen through a recording proxy: which connections it opens and keeps,
 * what it sends, and that it reads the engine's answers exactly as docker-java does (compared with an engine
 * forced onto docker-java).
 */
class DockerLeanEngineTest {
    private static final String SCOPE = "lean";
    private static final String DOCKER_JAVA_AGENT = "User-Agent: Apache-HttpClient";
    /** Bodies end without a line break, so the next request line may follow one on the same line. */
    private static final Pattern REQUEST_LINE = Pattern.compile("(GET|POST|DELETE) (/\\S*) HTTP/1\\.1\r\n");
    private static DockerContainerEngine setup;
    private static String container;
    private static URI engineHost;

    private RecordingEngineProxy proxy;
    private DockerContainerEngine lean;
    private DockerContainerEngine dockerJava;

    @BeforeAll
    static void startContainer() {
        setup = RealEngine.require();
        engineHost = DefaultDockerClientConfig.createDefaultConfigBuilder().build().getDockerHost();
        assumeTrue("unix".equals(engineHost.getScheme()), "the proxy needs an engine on a unix socket");
        container = RealEngine.startIdle(setup, SCOPE);
    }

    @AfterAll
    static void cleanUp() {
        RealEngine.removeAll(setup, SCOPE);
    }

    @BeforeEach
    void startProxy(@TempDir Path directory) throws IOException {
        proxy = new RecordingEngineProxy(directory, engineHost);
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(proxy.host()).withDockerTlsVerify(false);
        lean = new DockerContainerEngine(config.build());
        // Any TLS configuration leaves every call to docker-java; on a unix socket it is never used.
        dockerJava = new DockerContainerEngine(config.withCustomSslConfig(() -> null).build());
    }

    @AfterEach
    void stopProxy() throws IOException {
        lean.close();
        dockerJava.close();
        proxy.close();
    }

    @Test
    void aWarmExecKeepsItsConnectionOpenAndNeverUsesDockerJava() throws Exception {
        String fresh = RealEngine.startIdle(setup, SCOPE);
        lean.inspect(fresh).orElseThrow();
        assertEquals(0, exec(lean, fresh, "true"));
        assertEquals(0, exec(lean, fresh, "true"));

        List<RecordingEngineProxy.Connection> connections = proxy.connections();
        // Inspect, create and start the exec on one connection (the start takes it over); the exit code is read
        // on a second one, which the next exec goes on with.
        assertEquals(3, connections.size(), proxy.allSent());
        assertEquals(List.of("GET /containers/" + fresh + "/json", "POST /containers/" + fresh + "/exec",
                "POST /exec/"), requestLines(connections.get(0).sent()));
        assertEquals(List.of("GET /exec/", "POST /containers/" + fresh + "/exec", "POST /exec/"),
                requestLines(connections.get(1).sent()));
        assertFalse(proxy.allSent().contains(DOCKER_JAVA_AGENT), proxy.allSent());
        setup.remove(fresh, true);
    }

    @Test
    void theColdPathNeverUsesDockerJavaEither() {
        String name = RealEngine.uniqueName(SCOPE);
        assertTrue(lean.inspect(name).isEmpty());
        assertTrue(lean.imagePresent(RealEngine.IMAGE));
        lean.create(new ContainerCreation(name, RealEngine.IMAGE, List.of(), RealEngine.runLabels(SCOPE), null, null,
                true, RealEngine.IDLE));
        lean.start(name);
        lean.remove(name, true);
        assertFalse(proxy.allSent().contains(DOCKER_JAVA_AGENT), proxy.allSent());
        assertEquals(1, proxy.connections().size(), proxy.allSent());
    }

    @Test
    void anotherConfigurationLeavesEveryCallToDockerJava() {
        dockerJava.inspect(container).orElseThrow();
        assertTrue(proxy.allSent().contains(DOCKER_JAVA_AGENT), proxy.allSent());
    }

    @Test
    void readsTheChunkedInspectionAsDockerJavaDoes(@TempDir Path mounted) throws Exception {
        String name = RealEngine.uniqueName(SCOPE);
        Map<String, String> labels = new HashMap<>(RealEngine.runLabels(SCOPE));
        labels.put("car.test.text", "quotes \" backslash \\ tab \t unicode \u00e9\u4e2d\ud83d\ude00 <&>");
        lean.create(new ContainerCreation(name, RealEngine.IMAGE,
                List.of(new MountBinding(mounted.toString(), "/work/with space", true)), labels, "/tmp", "0:0", true,
                RealEngine.IDLE));
        lean.start(name);
        var session = lean.exec(new ExecRequest(name, List.of("sleep", "2"), Map.of(), null, null, null,
                new ByteArrayOutputStream(), new ByteArrayOutputStream()));

        // The engine counts the exec as running a moment after it started.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        ContainerState seen = lean.inspect(name).orElseThrow();
        while (seen.runningExecs() == 0 && System.nanoTime() < deadline) {
            seen = lean.inspect(name).orElseThrow();
        }
        assertEquals(1, seen.runningExecs());
        assertEquals(dockerJava.inspect(name).orElseThrow(), seen);
        assertEquals(labels.get("car.test.text"), seen.labels().get("car.test.text"));
        assertTrue(proxy.connections().stream().filter(connection -> !connection.sent().contains(DOCKER_JAVA_AGENT))
                .anyMatch(connection -> connection.answered().contains("Transfer-Encoding: chunked")),
                "the engine sends inspections chunked");
        assertEquals(0, session.waitFor());
        assertEquals(dockerJava.inspect(name).orElseThrow(), lean.inspect(name).orElseThrow());
        lean.remove(name, true);
    }

    @Test
    void engineErrorsReadAsWithDockerJava() {
        String missing = RealEngine.uniqueName("missing");
        String taken = RealEngine.startIdle(setup, SCOPE);
        String stopped = RealEngine.startIdle(setup, SCOPE);
        setup.stop(stopped, 1);
        ContainerCreation conflict = new ContainerCreation(taken, RealEngine.IMAGE, List.of(), Map.of(), null, null,
                false, List.of());
        List<Consumer<ContainerEngine>> failures = List.of(
                engine -> engine.start(missing),
                engine -> engine.create(conflict),
                engine -> engine.create(new ContainerCreation(missing, "car-test-missing-" + RealEngine.RUN + ":1",
                        List.of(), Map.of(), null, null, false, List.of())),
                engine -> engine.imagePresent("Not A Reference"),
                engine -> engine.remove(taken, false),
                engine -> engine.exec(trueIn(missing)),
                engine -> engine.exec(trueIn(stopped)));
        for (Consumer<ContainerEngine> failure : failures) {
            EngineException expected = assertThrows(EngineException.class, () -> failure.accept(dockerJava));
            EngineException actual = assertThrows(EngineException.class, () -> failure.accept(lean));
            assertEquals(expected.getClass(), actual.getClass());
            assertEquals(expected.getMessage(), actual.getMessage());
        }
        assertTrue(lean.inspect(missing).isEmpty());
        lean.remove(missing, true);
        lean.start(taken);
        lean.remove(taken, true);
        lean.remove(stopped, true);
    }

    @Test
    void passedThroughValuesTravelInTheExecRequestOnly() throws Exception {
        String secret = "car-secret-" + RealEngine.RUN;
        assertEquals(0, lean.exec(new ExecRequest(container, List.of("true"), Map.of("CAR_TEST_SECRET", secret),
                null, null, null, new ByteArrayOutputStream(), new ByteArrayOutputStream())).waitFor());
        String sent = proxy.allSent();
        Matcher requests = REQUEST_LINE.matcher(sent);
        List<Integer> starts = new ArrayList<>();
        while (requests.find()) {
            starts.add(requests.start());
        }
        int at = sent.indexOf(secret);
        assertTrue(at > 0);
        assertEquals(at, sent.lastIndexOf(secret), "sent once");
        int request = starts.stream().filter(start -> start < at).reduce((first, second) -> second).orElseThrow();
        assertTrue(sent.startsWith("POST /containers/" + container + "/exec ", request), sent.substring(request));
        proxy.connections().forEach(connection -> assertFalse(connection.answered().contains(secret)));
    }

    @Test
    void anIdleConnectionTheEngineClosedIsReplaced() throws Exception {
        lean.inspect(container).orElseThrow();
        proxy.dropAll();
        assertNotNull(lean.inspect(container).orElseThrow());
        assertEquals(0, exec(lean, container, "true"));
        assertEquals(3, proxy.connections().size());
    }

    private static int exec(DockerContainerEngine engine, String name, String... command)
            throws InterruptedException {
        return engine.exec(new ExecRequest(name, List.of(command), Map.of(), null, null, null,
                new ByteArrayOutputStream(), new ByteArrayOutputStream())).waitFor();
    }

    private static ExecRequest trueIn(String name) {
        return new ExecRequest(name, List.of("true"), Map.of(), null, null, null, new ByteArrayOutputStream(),
                new ByteArrayOutputStream());
    }

    /** Each request's method and path, up to the exec id where there is one. */
    private static List<String> requestLines(String sent) {
        List<String> lines = new ArrayList<>();
        Matcher request = REQUEST_LINE.matcher(sent);
        while (request.find()) {
            lines.add(request.group(1) + " " + request.group(2).replaceFirst("^/exec/[0-9a-f]{64}.*", "/exec/"));
        }
        return lines;
    }
}
