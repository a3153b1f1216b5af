package dev.car.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.car.domain.container.ManagedContainers;
import dev.car.domain.container.WorkspaceIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code car exec} and {@code wrap} as separate processes against a real Docker engine. */
class DockerExecEndToEndTest {
    private static final String SECRET = "sk-test-" + Long.toHexString(System.nanoTime());

    @TempDir
    Path tmp;

    Path hub;
    Path repo;
    String hubLabel;
    DockerCli docker;
    Map<String, String> env;
    String container;

    @BeforeEach
    void setUp() throws IOException {
        String dockerHost = RealEngine.dockerHost();
        docker = new DockerCli(dockerHost);
        hub = tmp.toRealPath().resolve("hub");
        repo = hub.resolve("repos/app");
        Files.createDirectories(repo);
        Files.createDirectories(tmp.resolve("home"));
        hubLabel = ManagedContainers.HUB + "=" + ManagedContainers.hubId(hub.toString());
        container = WorkspaceIds.defaultContainerName(repo.toString());
        env = new HashMap<>(Map.of("DOCKER_HOST", dockerHost, "HOME", tmp.resolve("home").toString(),
                "OPENAI_API_KEY", SECRET));
        assertEquals(0, CliRun.run(hub, List.of(), "hub", "init").exitCode());
        assertEquals(0, CliRun.run(hub, List.of(), "hub", "repo", "add", "repos/app").exitCode());
        setDestination("--image", "car-test:busybox", "--env", "OPENAI_API_KEY");
    }

    @AfterEach
    void removeContainers() {
        if (docker != null) {
            docker.removeWithLabel(hubLabel);
        }
    }

    private void setDestination(String... flags) {
        List<String> args = new ArrayList<>(List.of("hub", "destination", "set", "app", "docker"));
        args.addAll(List.of(flags));
        CliRun.Result result = CliRun.run(hub, List.of(), args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.stderr());
    }

    private CarProcess.Finished car(String stdin, String... args) throws Exception {
        return CarProcess.run(hub, env, stdin, args);
    }

    @Test
    void stdinIsStreamedAndItsEndDelivered() throws Exception {
        CarProcess.Finished result = car("hi\n", "exec", "app", "--", "cat");

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("hi\n", result.stdout());
    }

    @Test
    void exitCodesPassThroughLikeDockerExec() throws Exception {
        assertEquals(0, car("", "exec", "app", "--", "true").exitCode());
        assertEquals(3, car("", "exec", "app", "--", "sh", "-c", "exit 3").exitCode());
        // As docker exec: a command that cannot start is 126; a shell that cannot find one says 127.
        CarProcess.Finished missing = car("", "exec", "app", "--", "no-such-command");
        assertEquals(126, missing.exitCode());
        assertTrue(missing.stdout().contains("executable file not found"), missing.stdout());
        assertEquals(126, car("", "exec", "app", "--", "/etc/passwd").exitCode());
        assertEquals(127, car("", "exec", "app", "--", "sh", "-c", "no-such-command").exitCode());
        CarProcess.Finished stderr = car("", "exec", "app", "--", "sh", "-c", "echo out; echo err >&2");
        assertEquals("out\n", stderr.stdout());
        assertTrue(stderr.stderr().contains("err\n"), stderr.stderr());
    }

    @Test
    void theRepoIsMountedAndTheWorkdirHonoured() throws Exception {
        CarProcess.Finished pwd = car("", "exec", "app", "--", "pwd");
        car("", "exec", "app", "--", "sh", "-c", "echo written > from-container.txt");
        CarProcess.Finished option = car("", "exec", "app", "--workdir", "/etc", "--", "pwd");
        setDestination("--image", "car-test:busybox", "--workdir", "/tmp");
        CarProcess.Finished configured = car("", "exec", "app", "--", "pwd");

        assertEquals(repo + "\n", pwd.stdout(), pwd.stderr());
        assertEquals("written\n", Files.readString(repo.resolve("from-container.txt")));
        assertEquals("/etc\n", option.stdout());
        assertEquals("/tmp\n", configured.stdout(), configured.stderr());
    }

    @Test
    void sigtermAndSigintReachTheCommandAndLeaveNoProcessBehind() throws Exception {
        for (String signal : List.of("TERM", "INT")) {
            Process process = CarProcess.start(hub, env, "exec", "app", "--", "sh", "-c", "sleep 300 & sleep 301");
            awaitInContainer("sleep 301");

            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();

            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "car did not end after SIG" + signal);
            assertEquals(signal.equals("TERM") ? 143 : 130, process.exitValue());
            String processes = docker.run("exec", container, "ps", "-o", "args");
            assertFalse(processes.contains("sleep 30"), processes);
        }
    }

    private void awaitInContainer(String text) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (docker.run("exec", container, "ps", "-o", "args").contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(text + " never ran in " + container);
    }

    @Test
    void aChangedDestinationRecreatesTheContainer() throws Exception {
        assertEquals(0, car("", "exec", "app", "--", "true").exitCode());
        String before = docker.run("inspect", "-f", "{{.Id}} {{index .Config.Labels \"car.spec\"}}", container);
        Files.createDirectories(tmp.resolve("data"));
        setDestination("--image", "car-test:busybox", "--mount", tmp.resolve("data") + ":/data");

        CarProcess.Finished result = car("", "exec", "app", "--", "ls", "-d", "/data");

        assertEquals(0, result.exitCode(), result.stderr());
        String after = docker.run("inspect", "-f", "{{.Id}} {{index .Config.Labels \"car.spec\"}}", container);
        assertNotEquals(before.split(" ")[0], after.split(" ")[0]);
        assertNotEquals(before.split(" ")[1], after.split(" ")[1]);
        assertEquals(1, docker.containersWithLabel(hubLabel).size());
    }

    @Test
    void aForeignContainerHoldingTheNameIsNeverTouched() throws Exception {
        String foreign = "car-foreign-" + ManagedContainers.hubId(hub.toString());
        docker.run("run", "-d", "--name", foreign, "car-test:busybox", "tail", "-f", "/dev/null");
        try {
            setDestination("--image", "car-test:busybox", "--name", foreign);

            CarProcess.Finished result = car("", "exec", "app", "--", "true");

            assertEquals(125, result.exitCode());
            assertEquals("Container '" + foreign + "' exists but is not managed by this hub; car will not start, "
                    + "exec in or remove it. Remove or rename it, or set another container_name\n", result.stderr());
            assertEquals("true", docker.run("inspect", "-f", "{{.State.Running}}", foreign));
        } finally {
            docker.run("rm", "-f", foreign);
        }
    }

    @Test
    void twoFirstUsesAtOnceShareOneContainer() throws Exception {
        Process first = CarProcess.start(hub, env, "exec", "app", "--", "echo", "one");
        Process second = CarProcess.start(hub, env, "exec", "app", "--", "echo", "two");

        for (Process process : List.of(first, second)) {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), new String(process.getErrorStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        }
        assertEquals(1, docker.containersWithLabel(hubLabel).size());
    }

    @Test
    void aContainerRemovedOrStoppedBehindCarsBackIsBroughtBack() throws Exception {
        CarProcess.Finished first = car("", "exec", "app", "--", "true");
        assertEquals(0, first.exitCode(), first.stderr());
        docker.run("rm", "-f", container);
        CarProcess.Finished recreated = car("", "exec", "app", "--", "true");
        assertEquals(0, recreated.exitCode(), recreated.stderr());
        docker.run("stop", "-t", "1", container);

        CarProcess.Finished result = car("", "exec", "app", "--", "echo", "back");

        assertEquals("back\n", result.stdout(), result.stderr());
        assertEquals("true", docker.run("inspect", "-f", "{{.State.Running}}", container));
    }

    @Test
    void anUnreachableEngineIsOneLineAndExit125() throws Exception {
        env.put("DOCKER_HOST", "unix://" + tmp.resolve("no-engine.sock"));

        CarProcess.Finished result = car("", "exec", "app", "--", "true");

        assertEquals(125, result.exitCode());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        assertTrue(result.stderr().startsWith("Docker engine unreachable at unix://"), result.stderr());
    }

    @Test
    void passthroughSecretsReachTheCommandButNoCommandLineOrContainerConfig() throws Exception {
        Process running = CarProcess.start(hub, env, "exec", "app", "--", "sh", "-c",
                "echo \"$OPENAI_API_KEY\"; sleep 302");
        java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
        Thread pump = CarProcess.pump(running.getInputStream(), output);
        awaitInContainer("sleep 302");

        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
                    assertFalse(cmdline.contains(SECRET), "secret on the command line of " + proc);
                } catch (IOException e) {
                    // the process ended meanwhile
                }
            }
        }
        String config = docker.run("inspect", container);
        assertFalse(config.contains(SECRET), "secret stored in the container's config");
        running.destroy();
        assertTrue(running.waitFor(30, TimeUnit.SECONDS));
        pump.join();
        assertEquals(SECRET + "\n", output.toString(StandardCharsets.UTF_8));

        CarProcess.Finished plan = car("", "exec", "app", "--dry-run", "--json", "--", "env");
        assertFalse(plan.stdout().contains(SECRET), plan.stdout());
        assertTrue(plan.stdout().contains("\"OPENAI_API_KEY\": \"***\""), plan.stdout());
        CarProcess.Finished wrap = car("", "hub", "destination", "wrap", "app", "--", "env");
        assertFalse(wrap.stdout().contains(SECRET), wrap.stdout());
    }

    @Test
    void fullDevPreflightFailsWithTheReferenceMessageThenPasses() throws Exception {
        setDestination("--image", "car-test:full-dev", "--profile", "full-dev");
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve(".codex"));
        Files.createDirectories(home.resolve(".local/share/opencode"));

        CarProcess.Finished failed = car("", "exec", "app", "--", "codex");

        assertEquals(125, failed.exitCode());
        assertEquals("Docker preflight failed in " + container + ": unreadable required auth files: "
                + home + "/.codex/auth.json, " + home + "/.local/share/opencode/auth.json\n", failed.stderr());

        Files.writeString(home.resolve(".codex/auth.json"), "{}");
        Files.writeString(home.resolve(".local/share/opencode/auth.json"), "{}");
        CarProcess.Finished passed = car("", "exec", "app", "--", "codex", "--version");
        assertEquals(0, passed.exitCode(), passed.stderr());
        assertTrue(passed.stdout().startsWith("codex"), passed.stdout());
    }

    @Test
    void demoRunsItsWorktreeInAContainerAndRemovesIt() {
        CliRun.Result demo = CliRun.run(tmp, List.of(), "demo");

        assertEquals(0, demo.exitCode(), demo.stderr());
        assertTrue(demo.stdout().contains("hello from "), demo.stdout());
        assertTrue(docker.containersWithLabel(ManagedContainers.REPO + "=demo--feature").stream()
                .noneMatch(id -> docker.run("inspect", "-f", "{{index .Config.Labels \"car.hub\"}}", id)
                        .equals(ManagedContainers.hubId(demoHub(demo.stdout())))), "the demo container was left");
    }

    private static String demoHub(String output) {
        String first = output.lines().findFirst().orElseThrow();
        return first.substring(first.indexOf("/"));
    }

    @Test
    void wrapEnsuresTheContainerAndPrintsTheDockerExecArgv() throws Exception {
        CarProcess.Finished result = car("", "hub", "destination", "wrap", "app", "--json", "--", "codex",
                "app-server");

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("{\n  \"command\": [\n    \"docker\",\n    \"exec\",\n    \"-w\",\n    \"" + repo + "\",\n"
                + "    \"-e\",\n    \"OPENAI_API_KEY\",\n    \"" + container + "\",\n    \"codex\",\n"
                + "    \"app-server\"\n  ],\n  \"state_root\": \"" + repo + "/.codex-autorunner/app_server_workspaces\"\n}\n",
                result.stdout());
        assertEquals("true", docker.run("inspect", "-f", "{{.State.Running}}", container));
    }
}
