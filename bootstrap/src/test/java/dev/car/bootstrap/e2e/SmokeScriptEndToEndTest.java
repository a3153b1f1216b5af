package dev.car.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.car.domain.container.ManagedContainers;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/smoke_destination_docker.sh as users run it: a {@code car} on the PATH (this build, through
 * a wrapper script), a real hub, and for {@code --execute} the real Docker engine.
 */
class SmokeScriptEndToEndTest {
    private static final String SECRET = "smoke-secret-" + Long.toHexString(System.nanoTime());
    private static final String MISSING_IMAGE = "car-smoke-missing.invalid/none:latest";
    private static final List<String> STEPS = List.of("01_record_destination", "02_set_docker", "03_show_docker",
            "04_probe", "05_doctor", "06_restore_destination", "07_verify_restore");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    Path hub;
    Path repo;
    Path bin;
    Path script;
    Map<String, String> env;
    DockerCli docker;
    String hubLabel;

    record Run(int exitCode, String stdout, String stderr) {
    }

    @BeforeEach
    void setUp() throws Exception {
        hub = tmp.toRealPath().resolve("hub");
        repo = hub.resolve("repos/app");
        Files.createDirectories(repo);
        Files.writeString(repo.resolve("README.md"), "app\n");
        bin = Files.createDirectories(tmp.resolve("bin"));
        Path car = bin.resolve("car");
        Files.writeString(car, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path")
                + "' dev.car.bootstrap.CarMain \"$@\"\n");
        Files.setPosixFilePermissions(car, PosixFilePermissions.fromString("rwxr-xr-x"));
        script = projectRoot().resolve("scripts/smoke_destination_docker.sh");
        env = new HashMap<>();
        env.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        env.put("DOCKER_HOST", "unix://" + tmp.resolve("no-engine.sock"));
        env.put("CAR_SMOKE_SECRET", SECRET);
        hubLabel = ManagedContainers.HUB + "=" + ManagedContainers.hubId(hub.toString());
        car("hub", "init", "--path", hub.toString());
        car("hub", "repo", "add", repo.toString(), "--path", hub.toString());
    }

    @AfterEach
    void removeContainers() {
        if (docker != null) {
            docker.removeWithLabel(hubLabel);
        }
    }

    // --- arguments ---------------------------------------------------------

    @Test
    void anUnknownArgumentIsAUsageError() throws Exception {
        Run run = script("--hub-root", hub.toString(), "--repo-id", "app", "--bogus");

        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().startsWith("Unknown argument: --bogus\nUsage: scripts/smoke_destination_docker.sh "
                + "--hub-root <path> --repo-id <id> [--image <image>] [--execute]\n"), run.stderr());
        assertEquals("", run.stdout());
    }

    @Test
    void bothRequiredArgumentsMustBeGiven() throws Exception {
        for (String[] args : List.of(new String[] {}, new String[] {"--hub-root", hub.toString()},
                new String[] {"--repo-id", "app"}, new String[] {"--hub-root", "", "--repo-id", "app"})) {
            Run run = script(args);

            assertEquals(2, run.exitCode(), List.of(args).toString());
            assertTrue(run.stderr().startsWith("Both --hub-root and --repo-id are required.\nUsage: "), run.stderr());
            assertEquals("", run.stdout());
        }
    }

    @Test
    void anEmptyImageIsAUsageError() throws Exception {
        Run run = script("--hub-root", hub.toString(), "--repo-id", "app", "--image", "");

        assertEquals(2, run.exitCode());
        assertEquals("--image cannot be empty.\n", run.stderr());
    }

    @Test
    void helpPrintsTheUsage() throws Exception {
        for (String flag : List.of("--help", "-h")) {
            Run run = script(flag);

            assertEquals(0, run.exitCode());
            assertTrue(run.stdout().startsWith("Usage: scripts/smoke_destination_docker.sh --hub-root <path> "
                    + "--repo-id <id> [--image <image>] [--execute]\n"), run.stdout());
            assertEquals("", run.stderr());
        }
    }

    @Test
    void aHubWithoutManifestFails() throws Exception {
        Path notAHub = Files.createDirectories(tmp.resolve("not-a-hub"));

        Run run = script("--hub-root", notAHub.toString(), "--repo-id", "app");

        assertEquals(1, run.exitCode());
        assertEquals("Manifest not found: " + notAHub.toRealPath() + "/.codex-autorunner/manifest.yml\n", run.stderr());
    }

    @Test
    void withoutCarOnThePathNorACheckoutLauncherItFails() throws Exception {
        Path copy = Files.createDirectories(tmp.resolve("elsewhere/scripts")).resolve("smoke_destination_docker.sh");
        Files.copy(script, copy);
        env.put("PATH", pathWithoutCar());

        Run run = run(copy, "--hub-root", hub.toString(), "--repo-id", "app");

        assertEquals(1, run.exitCode());
        assertEquals("Could not resolve CAR CLI command. Install 'car' or run from a car checkout.\n", run.stderr());
    }

    // --- dry run -----------------------------------------------------------

    @Test
    void aDryRunPrintsTheHeaderAndEveryCommandAndChangesNothing() throws Exception {
        Map<String, String> before = listing(hub);

        Run run = script("--hub-root", hub.toString(), "--repo-id", "app");

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("", run.stderr());
        assertEquals(before, listing(hub));
        assertFalse(Files.exists(hub.resolve(".codex-autorunner/runs")));
        List<String> lines = run.stdout().lines().toList();
        // Without an engine the default image is busybox:latest.
        assertEquals(List.of("Hub root:   " + hub, "Repo id:    app", "Repo path:  <repo_path_from_manifest>",
                "Image:      busybox:latest", "Execute:    0", "CAR cmd:    car"), lines.subList(0, 6));
        assertTrue(lines.get(6).matches("Evidence:   " + hub + "/\\.codex-autorunner/runs/destination-smoke-"
                + "\\d{8}T\\d{6}Z"), lines.get(6));
        String evidence = lines.get(6).substring("Evidence:   ".length());
        assertEquals("", lines.get(7));
        List<String> commands = lines.stream().filter(line -> line.startsWith("+ ")).toList();
        assertEquals(8, commands.size(), run.stdout());
        assertEquals("+ car hub destination show app --json --path " + hub, commands.get(0));
        assertEquals("+ car hub destination set app docker --image busybox:latest --env CAR_\\* --json --path "
                + hub, commands.get(1));
        assertEquals("+ car hub destination show app --json --path " + hub, commands.get(2));
        assertTrue(commands.get(3).startsWith("+ car exec app --path " + hub + " -- sh -c '"), commands.get(3));
        assertTrue(commands.get(3).endsWith("' probe \\<repo_path_from_manifest\\>"), commands.get(3));
        assertTrue(commands.get(3).contains("ENVIRON"), "the probe prints env keys only: " + commands.get(3));
        assertEquals("+ car doctor --path " + hub + " --json", commands.get(4));
        assertEquals("+ car hub destination set app --from-json " + evidence
                + "/06_restore_destination.request.json --json --path " + hub, commands.get(5));
        assertEquals("+ car hub destination unset app --json --path " + hub, commands.get(6));
        assertEquals("+ car hub destination show app --json --path " + hub, commands.get(7));
        assertTrue(run.stdout().endsWith("\n\nDry-run complete.\nNo commands were executed.\n\nTo execute:\n"
                + "  scripts/smoke_destination_docker.sh --hub-root \"" + hub + "\" --repo-id \"app\" "
                + "--image \"busybox:latest\" --execute\n"), run.stdout());
    }

    @Test
    void aDryRunWithoutCarOnThePathUsesTheCheckoutLauncher() throws Exception {
        env.put("PATH", pathWithoutCar());

        Run run = script("--hub-root", hub.toString(), "--repo-id", "app", "--image", "my image");

        assertEquals(0, run.exitCode(), run.stderr());
        String launcher = projectRoot().resolve("car").toRealPath().toString();
        assertTrue(run.stdout().contains("\nCAR cmd:    " + launcher + "\n"), run.stdout());
        assertTrue(run.stdout().contains("\n+ " + launcher + " hub destination set app docker --image 'my image' "),
                run.stdout());
    }

    @Test
    void theDefaultImageIsTheOfflineTestImageWhenTheEngineHasIt() throws Exception {
        useRealEngine();

        Run run = script("--hub-root", hub.toString(), "--repo-id", "app");

        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("\nImage:      car-test:busybox\n"), run.stdout());
    }

    // --- execute -----------------------------------------------------------

    @Test
    void aRepoWithoutDestinationIsSmokedAndHasNoneAfterwards() throws Exception {
        useRealEngine();
        JsonNode before = show("app");

        Run run = script("--hub-root", hub.toString(), "--repo-id", "app", "--execute");

        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        Path evidence = evidenceDir();
        assertAllStepsPassed(evidence);
        String probe = Files.readString(evidence.resolve("04_probe.stdout"));
        assertTrue(probe.contains("pwd: " + repo + "\n"), probe);
        assertTrue(probe.contains("repo: " + repo + " (visible)\n"), probe);
        assertTrue(probe.contains("README.md"), probe);
        assertTrue(probe.lines().anyMatch("CAR_SMOKE_SECRET"::equals), probe);
        assertTrue(probe.startsWith("id: uid="), probe);
        assertSecretNowhere(evidence, run);
        assertTrue(run.stdout().contains("\nSmoke run complete.\nEvidence written to: " + evidence + "\n"),
                run.stdout());
        JsonNode after = show("app");
        assertTrue(before.get("configured_destination").isNull());
        assertEquals(before, after);
    }

    @Test
    void aRepoWithALocalDestinationGetsExactlyItBack() throws Exception {
        useRealEngine();
        car("hub", "destination", "set", "app", "local", "--path", hub.toString());
        String before = carOutput("hub", "destination", "show", "app", "--json", "--path", hub.toString());

        Run run = script("--hub-root", hub.toString(), "--repo-id", "app", "--execute");

        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertAllStepsPassed(evidenceDir());
        assertSecretNowhere(evidenceDir(), run);
        assertEquals(before, carOutput("hub", "destination", "show", "app", "--json", "--path", hub.toString()));
    }

    @Test
    void aWorktreeInheritingADockerBaseKeepsRunningThere() throws Exception {
        useRealEngine();
        Path worktree = Files.createDirectories(hub.resolve("worktrees/app--x"));
        car("hub", "repo", "add", worktree.toString(), "--worktree-of", "app", "--path", hub.toString());
        car("hub", "destination", "set", "app", "docker", "--image", "car-test:busybox", "--env-map", "A=1",
                "--path", hub.toString());
        JsonNode before = show("app--x");

        Run run = script("--hub-root", hub.toString(), "--repo-id", "app--x", "--execute");

        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertAllStepsPassed(evidenceDir());
        assertTrue(Files.readString(evidenceDir().resolve("04_probe.stdout")).contains("repo: " + worktree
                + " (visible)\n"));
        JsonNode after = show("app--x");
        assertEquals("base", before.get("source").asText());
        assertEquals(before, after);
    }

    @Test
    void aFailingRunExits1RestoresAndNamesTheFailedStep() throws Exception {
        useRealEngine();
        Path data = Files.createDirectories(tmp.resolve("data"));
        car("hub", "destination", "set", "app", "docker", "--image", "car-test:busybox", "--name",
                "car-smoke-" + ManagedContainers.hubId(hub.toString()), "--env", "CAR_*", "--env-map", "A=x=y",
                "--mount-ro", data + ":/data", "--workdir", "/tmp", "--path", hub.toString());
        String before = carOutput("hub", "destination", "show", "app", "--json", "--path", hub.toString());

        Run run = script("--hub-root", hub.toString(), "--repo-id", "app", "--image", MISSING_IMAGE, "--execute");

        assertEquals(1, run.exitCode(), run.stdout() + run.stderr());
        Path evidence = evidenceDir();
        List<String> summary = Files.readAllLines(evidence.resolve("summary.txt"));
        assertTrue(summary.get(3).startsWith("04_probe exit=125 FAIL"), summary.toString());
        assertEquals("06_restore_destination exit=0 PASS", summary.get(5));
        assertEquals("07_verify_restore exit=0 PASS", summary.get(6));
        assertEquals("overall FAIL (failed: 04_probe)", summary.get(7));
        assertTrue(Files.readString(evidence.resolve("04_probe.stderr")).contains(MISSING_IMAGE));
        assertEquals("125\n", Files.readString(evidence.resolve("04_probe.exit_code")));
        assertSecretNowhere(evidence, run);
        assertEquals(before, carOutput("hub", "destination", "show", "app", "--json", "--path", hub.toString()));
    }

    @Test
    void aTerminatedRunStillRestoresTheDestination() throws Exception {
        useRealEngine();
        car("hub", "destination", "set", "app", "local", "--path", hub.toString());
        String before = carOutput("hub", "destination", "show", "app", "--json", "--path", hub.toString());
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "--hub-root", hub.toString(),
                "--repo-id", "app", "--execute").directory(tmp.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread outPump = CarProcess.pump(process.getInputStream(), out);
        Thread errPump = CarProcess.pump(process.getErrorStream(), new ByteArrayOutputStream());
        Path runs = hub.resolve(".codex-autorunner/runs");
        for (int i = 0; i < 1200 && !probeStarted(runs); i++) {
            Thread.sleep(50);
        }
        assertTrue(probeStarted(runs), "the probe never started: " + out);

        // SIGTERM to the script, whose output pipes Java then closes (as with a closed terminal): the
        // running step ends, then the trap restores.
        process.destroy();

        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        outPump.join();
        errPump.join();
        assertEquals(1, process.exitValue(), out.toString(StandardCharsets.UTF_8));
        List<String> summary = Files.readAllLines(evidenceDir().resolve("summary.txt"));
        assertEquals("02_set_docker exit=0 PASS", summary.get(1));
        assertEquals("06_restore_destination exit=0 PASS", summary.get(5));
        assertEquals("07_verify_restore exit=0 PASS", summary.get(6));
        assertTrue(summary.get(7).startsWith("overall FAIL (interrupted; failed: "), summary.toString());
        assertEquals(before, carOutput("hub", "destination", "show", "app", "--json", "--path", hub.toString()));
    }

    private static boolean probeStarted(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (Stream<Path> dirs = Files.list(runs)) {
            return dirs.anyMatch(dir -> Files.exists(dir.resolve("04_probe.stdout")));
        }
    }

    @Test
    void anUnknownRepoFailsBeforeAnythingIsWritten() throws Exception {
        useRealEngine();
        Map<String, String> before = listing(hub);

        Run run = script("--hub-root", hub.toString(), "--repo-id", "nope", "--execute");

        assertEquals(1, run.exitCode());
        assertEquals("Repo id not found in manifest: nope\n", run.stderr());
        assertEquals(before, listing(hub));
    }

    // --- helpers -----------------------------------------------------------

    private void useRealEngine() {
        String dockerHost = RealEngine.dockerHost();
        docker = new DockerCli(dockerHost);
        env.put("DOCKER_HOST", dockerHost);
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("scripts/smoke_destination_docker.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError("scripts/smoke_destination_docker.sh not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** The PATH without any folder that holds a car command. */
    private static String pathWithoutCar() {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty() && !Files.isExecutable(Path.of(dir, "car")))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private Run script(String... args) throws Exception {
        return run(script, args);
    }

    private Run run(Path scriptFile, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", scriptFile.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outPump = CarProcess.pump(process.getInputStream(), out);
        Thread errPump = CarProcess.pump(process.getErrorStream(), err);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the smoke script did not finish: " + out);
        }
        outPump.join();
        errPump.join();
        return new Run(process.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the car wrapper on the PATH; it must succeed. */
    private String carOutput(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(bin.resolve("car").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errPump = CarProcess.pump(process.getErrorStream(), err);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "car " + String.join(" ", args) + " hung");
        errPump.join();
        assertEquals(0, process.exitValue(), "car " + String.join(" ", args) + ": " + err);
        return out;
    }

    private void car(String... args) throws Exception {
        carOutput(args);
    }

    private JsonNode show(String repoId) throws Exception {
        return JSON.readTree(carOutput("hub", "destination", "show", repoId, "--json", "--path", hub.toString()));
    }

    private Path evidenceDir() throws IOException {
        try (Stream<Path> runs = Files.list(hub.resolve(".codex-autorunner/runs"))) {
            List<Path> dirs = runs.toList();
            assertEquals(1, dirs.size(), dirs.toString());
            assertTrue(dirs.get(0).getFileName().toString().matches("destination-smoke-\\d{8}T\\d{6}Z"), dirs.toString());
            return dirs.get(0);
        }
    }

    private static void assertAllStepsPassed(Path evidence) throws IOException {
        for (String step : STEPS) {
            for (String suffix : List.of(".stdout", ".stderr")) {
                assertTrue(Files.isRegularFile(evidence.resolve(step + suffix)), step + suffix);
            }
            assertEquals("0\n", Files.readString(evidence.resolve(step + ".exit_code")), step);
        }
        List<String> summary = Files.readAllLines(evidence.resolve("summary.txt"));
        assertEquals(STEPS.size() + 1, summary.size(), summary.toString());
        for (int i = 0; i < STEPS.size(); i++) {
            assertTrue(summary.get(i).startsWith(STEPS.get(i) + " exit=0 PASS"), summary.toString());
        }
        assertEquals("overall PASS", summary.get(STEPS.size()));
    }

    private static void assertSecretNowhere(Path evidence, Run run) throws IOException {
        assertFalse(run.stdout().contains(SECRET), "the secret value is in the script's stdout");
        assertFalse(run.stderr().contains(SECRET), "the secret value is in the script's stderr");
        try (Stream<Path> files = Files.list(evidence)) {
            for (Path file : files.toList()) {
                assertFalse(Files.readString(file).contains(SECRET), "the secret value is in " + file);
            }
        }
    }

    /** Every path under {@code root} with its size and modification time. */
    private static Map<String, String> listing(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            Map<String, String> entries = new TreeMap<>();
            paths.forEach(path -> {
                try {
                    entries.put(root.relativize(path).toString(), Files.isDirectory(path) ? "dir "
                            + Files.getLastModifiedTime(path) : Files.size(path) + " " + Files.getLastModifiedTime(path));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return entries;
        }
    }
}
