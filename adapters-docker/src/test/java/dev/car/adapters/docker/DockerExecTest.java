package dev.car.adapters.docker;

import static dev.car.adapters.docker.RealEngine.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import dev.car.application.port.out.engine.EngineException;
import dev.car.application.port.out.engine.ExecRequest;
import dev.car.application.port.out.engine.ExecSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exec over the hijacked connection against the real engine. */
class DockerExecTest {
    private static final String SCOPE = "exec";
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static DockerContainerEngine engine;
    private static String container;

    @BeforeAll
    static void startContainer() {
        engine = RealEngine.require();
        container = RealEngine.startIdle(engine, SCOPE);
    }

    @AfterAll
    static void cleanUp() {
        RealEngine.removeAll(engine, SCOPE);
    }

    @Test
    void keepsStdoutAndStderrApart() {
        Result result = exec(List.of("sh", "-c", "echo out; echo err >&2; echo out2"));
        assertEquals(0, result.exitCode);
        assertEquals("out\nout2\n", result.out());
        assertEquals("err\n", result.err());
    }

    @Test
    void deliversStdinAndItsEnd() {
        Result result = exec(request(List.of("cat"), Map.of(), null, null, input("hi\n")));
        assertEquals(0, result.exitCode);
        assertEquals("hi\n", result.out());

        Result counted = exec(request(List.of("wc", "-l"), Map.of(), null, null, input("a\nb\nc\n")));
        assertEquals("3", counted.out().strip());
    }

    @Test
    void anEmptyOrNoStdinEndsAtOnce() {
        Result empty = exec(request(List.of("cat"), Map.of(), null, null, input("")));
        assertEquals(0, empty.exitCode);
        assertEquals("", empty.out());
        Result none = exec(List.of("cat"));
        assertEquals(0, none.exitCode);
        assertEquals("", none.out());
    }

    @Test
    void streamsStdinWhileTheProcessRuns() throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(feed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecSession session = engine.exec(new ExecRequest(container, List.of("cat"), Map.of(), null, null, stdin,
                out, new ByteArrayOutputStream()));
        feed.write("first\n".getBytes(StandardCharsets.UTF_8));
        feed.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (out.size() < 6 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals("first\n", out.toString(StandardCharsets.UTF_8), "output flows before the input ends");
        feed.write("second\n".getBytes(StandardCharsets.UTF_8));
        feed.close();
        assertEquals(0, assertTimeoutPreemptively(LIMIT, session::waitFor));
        assertEquals("first\nsecond\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void copiesLargeOutputIntact() {
        Result result = exec(List.of("sh", "-c", "seq 1 600000; seq 1 100000 >&2"));
        assertEquals(0, result.exitCode);
        assertEquals(numbers(600000), result.out());
        assertEquals(numbers(100000), result.err());
        assertTrue(result.stdout.size() > 4_000_000, "several MB: " + result.stdout.size());
    }

    @Test
    void copiesLargeInputIntact() {
        byte[] data = new byte[5_000_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + i / 7);
        }
        Result result = exec(request(List.of("cat"), Map.of(), null, null, new ByteArrayInputStream(data)));
        assertEquals(0, result.exitCode);
        assertArrayEquals(data, result.stdout.toByteArray());
    }

    @Test
    void returnsTheExitCodeAsIs() {
        assertEquals(0, exec(List.of("true")).exitCode);
        assertEquals(3, exec(List.of("sh", "-c", "exit 3")).exitCode);
        assertEquals(127, exec(List.of("sh", "-c", "no-such-command")).exitCode);
        assertEquals(126, exec(List.of("sh", "-c", "/etc/passwd")).exitCode);
    }

    @Test
    void aCommandThatCannotStartExitsLikeDockerExec() {
        // docker exec (engine 20.10) exits 126 for all three; the engine's reason arrives on stdout, as there.
        Result missing = exec(List.of("no-such-command"));
        assertEquals(126, missing.exitCode);
        assertTrue(missing.out().contains("executable file not found"), missing.out());

        Result notExecutable = exec(List.of("/etc/passwd"));
        assertEquals(126, notExecutable.exitCode);
        assertTrue(notExecutable.out().contains("permission denied"), notExecutable.out());

        Result noWorkdir = exec(request(List.of("pwd"), Map.of(), "/no/such/dir", null, null));
        assertEquals(126, noWorkdir.exitCode);
        assertTrue(noWorkdir.out().contains("/no/such/dir"), noWorkdir.out());
    }

    @Test
    void passesEnvOnlyToTheExec() throws Exception {
        String secret = "s3cret value with spaces=" + RealEngine.RUN;
        Result result = exec(request(List.of("sh", "-c", "printf %s \"$CAR_TEST_SECRET\""),
                Map.of("CAR_TEST_SECRET", secret), null, null, null));
        assertEquals(secret, result.out());
        try (DockerClient raw = RealEngine.rawClient()) {
            String[] containerEnv = raw.inspectContainerCmd(container).exec().getConfig().getEnv();
            List<String> env = containerEnv == null ? List.of() : Arrays.asList(containerEnv);
            assertFalse(env.stream().anyMatch(entry -> entry.contains("CAR_TEST_SECRET") || entry.contains(secret)),
                    env.toString());
        }
        assertEquals("", exec(List.of("sh", "-c", "printf %s \"$CAR_TEST_SECRET\"")).out(), "not kept for the next");
    }

    @Test
    void honoursWorkdirAndUser() {
        Result result = exec(request(List.of("sh", "-c", "pwd; id -u; id -g"), Map.of(), "/tmp", "65534:65534", null));
        assertEquals("/tmp\n65534\n65534\n", result.out());
        assertEquals("/\n0\n", exec(List.of("sh", "-c", "pwd; id -u")).out());
    }

    @Test
    void runsExecsConcurrently() throws Exception {
        int count = 8;
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Result>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                Callable<Result> task = () -> exec(request(List.of("sh", "-c",
                        "echo start-$N; sleep 1; cat; echo end-$N >&2; exit $N"), Map.of("N", String.valueOf(n)),
                        null, null, input("in-" + n + "\n")));
                results.add(pool.submit(task));
            }
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Result result = results.get(i).get();
                assertEquals(i, result.exitCode);
                assertEquals("start-" + i + "\nin-" + i + "\n", result.out());
                assertEquals("end-" + i + "\n", result.err());
            }
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(count)) < 0,
                    "the execs overlap");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failsOnOneLineForAMissingContainer() {
        String name = RealEngine.uniqueName("missing");
        EngineException failure = assertThrows(EngineException.class, () -> engine.exec(trueIn(name)));
        assertEquals("Cannot exec in container '" + name + "': No such container: " + name, failure.getMessage());
    }

    @Test
    void failsOnOneLineForAStoppedContainer() {
        String name = RealEngine.startIdle(engine, SCOPE);
        engine.stop(name, 1);
        EngineException failure = assertThrows(EngineException.class, () -> engine.exec(trueIn(name)));
        assertTrue(failure.getMessage().startsWith("Cannot exec in container '" + name + "': "), failure.getMessage());
        assertTrue(failure.getMessage().contains("is not running"), failure.getMessage());
        assertOneLine(failure.getMessage());
        engine.remove(name, true);
    }

    private static ExecRequest trueIn(String name) {
        return new ExecRequest(name, List.of("true"), Map.of(), null, null, null, new ByteArrayOutputStream(),
                new ByteArrayOutputStream());
    }

    private static String numbers(int last) {
        return IntStream.rangeClosed(1, last).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n"));
    }

    private static InputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Result exec(List<String> command) {
        return exec(request(command, Map.of(), null, null, null));
    }

    private static Request request(List<String> command, Map<String, String> env, String workdir, String user,
                                   InputStream stdin) {
        return new Request(command, env, workdir, user, stdin);
    }

    private static Result exec(Request request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecSession session = engine.exec(new ExecRequest(container, request.command, request.env, request.workdir,
                request.user, request.stdin, out, err));
        int exitCode = assertTimeoutPreemptively(LIMIT, session::waitFor, "the exec ends");
        return new Result(exitCode, out, err);
    }

    private record Request(List<String> command, Map<String, String> env, String workdir, String user,
                           InputStream stdin) {
    }

    private record Result(int exitCode, ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) {
        String out() {
            return stdout.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }
}
