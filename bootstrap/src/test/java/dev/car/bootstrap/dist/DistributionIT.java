package dev.car.bootstrap.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged distribution (run by failsafe after {@code package}): its layout, and a launcher
 * whose class-data-sharing archive is missing, stale or foreign never disturbs stdout.
 */
class DistributionIT {
    private static final Path DIST = Path.of("target", "car").toAbsolutePath();
    private static final Path TARBALL = Path.of("target", "car-" + System.getProperty("car.version", "0.1.0") + ".tar.gz");

    @TempDir
    Path tmp;

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run run(Path launcher, Path cwd, String... args) throws IOException, InterruptedException {
        return run(Map.of(), launcher, cwd, args);
    }

    private static Run run(Map<String, String> env, Path launcher, Path cwd, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Run(process.exitValue(), out, err);
    }

    private String showJson(Path launcher) throws Exception {
        return showJson(Map.of(), launcher);
    }

    private String showJson(Map<String, String> env, Path launcher) throws Exception {
        Path hub = tmp.resolve("hub");
        Files.createDirectories(hub.resolve("repos/app"));
        run(env, launcher, tmp, "hub", "init", "--path", hub.toString());
        run(env, launcher, hub, "hub", "repo", "add", "repos/app");
        Run show = run(env, launcher, hub, "hub", "destination", "show", "app", "--json");
        assertEquals(0, show.exitCode(), show.stderr());
        return show.stdout();
    }

    private static final String EXPECTED_SHOW = """
            {
              "repo_id": "app",
              "configured_destination": null,
              "effective_destination": {
                "kind": "local"
              },
              "source": "default",
              "issues": [],
              "kind": "base",
              "worktree_of": null
            }
            """;

    @Test
    void theDistributionHoldsLauncherJarsCompletionManPagesAndArchive() throws IOException {
        assertTrue(Files.isExecutable(DIST.resolve("bin/car")));
        assertTrue(Files.exists(DIST.resolve("lib/car.jsa")), "the CDS archive is built at package time");
        assertTrue(Files.readString(DIST.resolve("share/bash-completion/completions/car")).contains("complete -F"));
        assertTrue(Files.readString(DIST.resolve("share/man/man1/car-hub-destination-set.1"))
                .contains(".SH OPTIONS"));
        assertTrue(Files.exists(DIST.resolve("README.md")));
        Set<String> jars = Set.copyOf(Files.readAllLines(DIST.resolve("lib/classpath")));
        try (var files = Files.list(DIST.resolve("lib"))) {
            assertEquals(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar"))
                    .collect(Collectors.toSet()), jars);
        }
        assertTrue(Files.size(TARBALL) > 1_000_000, "the tarball exists");
    }

    @Test
    void theLauncherPrintsOnlyCarsOutput() throws Exception {
        assertEquals(EXPECTED_SHOW, showJson(DIST.resolve("bin/car")));
    }

    @Test
    void anEverydayCommandTakesItsClassesFromTheArchiveAndNeverCreatesTheInjector() throws Exception {
        showJson(DIST.resolve("bin/car"));
        Path log = tmp.resolve("classes.log");
        Run show = run(Map.of("CAR_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), DIST.resolve("bin/car"),
                tmp.resolve("hub"), "hub", "destination", "show", "app", "--json");
        assertEquals(EXPECTED_SHOW, show.stdout(), show.stderr());
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(line -> line.contains(" dev.car.bootstrap.CarMain ")), "the log lists classes");
        List<String> picocliModel = loaded.stream().filter(line -> line.contains(" picocli.CommandLine ")).toList();
        assertEquals(List.of(), picocliModel, "show is parsed without building picocli's model");
        List<String> guice = loaded.stream().filter(line -> line.contains(" com.google.inject.internal.")).toList();
        assertEquals(List.of(), guice, "Guice's injector is created only for commands off the hot path");
        List<String> dockerJava = loaded.stream().filter(line -> line.contains(" com.github.dockerjava.")).toList();
        assertEquals(List.of(), dockerJava, "docker-java is initialised only by commands that reach the engine");
        List<String> fromJars = loaded.stream()
                .filter(line -> line.contains(" picocli.") || line.contains(" dev.car.") || line.contains(" org.yaml."))
                .filter(line -> !line.contains("source: shared objects file"))
                .filter(line -> !line.contains("$$Lambda$"))
                .toList();
        assertEquals(List.of(), fromJars, "picocli, car and SnakeYAML come from the class-data-sharing archive");
    }

    /** Through the launcher (and the JVM options it adds), a cold and a warm container exec, against the stand-in engine. */
    @Test
    void theLauncherRunsContainerExecs() throws Exception {
        Path hub = tmp.resolve("docker-hub");
        Files.createDirectories(hub.resolve("repos/app"));
        Path socket = tmp.resolve("engine.sock");
        // A HOME of its own: a docker context in the user's ~/.docker would route the calls elsewhere.
        Map<String, String> env = Map.of("DOCKER_HOST", "unix://" + socket, "HOME", tmp.toString());
        Path car = DIST.resolve("bin/car");
        try (TrainingEngine engine = TrainingEngine.start(socket)) {
            assertEquals(0, run(env, car, tmp, "hub", "init", "--path", hub.toString()).exitCode());
            assertEquals(0, run(env, car, hub, "hub", "repo", "add", "repos/app").exitCode());
            assertEquals(0, run(env, car, hub, "hub", "destination", "set", "app", "docker", "--image", "busybox:latest")
                    .exitCode());
            for (int i = 0; i < 2; i++) {
                Run exec = run(env, car, hub, "exec", "app", "--", "true");
                assertEquals(new Run(0, "", ""), exec);
            }
            assertEquals(1, engine.containersCreated(), "the second exec found the container running");
        }
    }

    /** Package time has no engine: the training's stand-in engine must still have put a container exec's classes in. */
    @Test
    void theArchiveHoldsTheClassesOfColdAndWarmContainerExecs() throws Exception {
        Path jar = DIST.resolve("lib/car-" + System.getProperty("car.version", "0.1.0") + ".jar");
        Process listing = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + DIST.resolve("lib/car.jsa"), "-XX:+PrintSharedArchiveAndExit",
                "-cp", jar.toString()).redirectErrorStream(true).start();
        String archived = new String(listing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(listing.waitFor(60, TimeUnit.SECONDS));
        for (String name : List.of("dev.car.adapters.docker.LeanEngineClient", "dev.car.adapters.docker.EngineConnection$Response",
                "dev.car.adapters.docker.DockerExecSession", "dev.car.adapters.docker.StreamDemultiplexer",
                "dev.car.application.port.out.engine.ContainerState$MountedPath",
                "dev.car.application.port.out.engine.ContainerCreation", "dev.car.adapters.docker.EngineTimes")) {
            assertTrue(archived.contains(" " + name + " "), name + " is not in the archive");
        }
    }

    @Test
    void aStaleOrForeignArchiveNeverReachesStdout() throws Exception {
        Path copy = tmp.resolve("relocated");
        copyTree(DIST, copy);
        // Without the background dump, so that the archives below stay the ones this test wrote.
        Map<String, String> noDump = Map.of("CAR_CDS_AUTO", "0");
        // Relocated: the archive names other jar paths; then a corrupt archive claiming to be ours.
        assertEquals(EXPECTED_SHOW, showJson(noDump, copy.resolve("bin/car")));
        Files.writeString(copy.resolve("lib/car.jsa.home"), copy.toRealPath().toString());
        Files.write(copy.resolve("lib/car.jsa"), new byte[] {1, 2, 3, 4});
        Files.deleteIfExists(tmp.resolve("hub/.codex-autorunner/manifest.yml"));
        Run version = run(noDump, copy.resolve("bin/car"), tmp, "--version");
        assertEquals(0, version.exitCode(), version.stderr());
        assertTrue(version.stdout().matches("car \\d+\\.\\d+\\.\\d+\\n"), version.stdout());
        Files.delete(copy.resolve("lib/car.jsa"));
        Run missing = run(noDump, copy.resolve("bin/car"), tmp, "--version");
        assertTrue(missing.stdout().matches("car \\d+\\.\\d+\\.\\d+\\n"), missing.stdout());
    }

    @Test
    void aMovedDistributionMakesItsOwnArchiveOnFirstUseWithoutDelayingOrDisturbingIt() throws Exception {
        Path moved = copyWithoutArchive("moved");

        assertEquals(EXPECTED_SHOW, showJson(moved.resolve("bin/car")));

        Path home = moved.resolve("lib/car.jsa.home");
        for (int i = 0; i < 600 && !(Files.exists(home) && Files.notExists(moved.resolve("lib/.car.jsa.lock"))); i++) {
            Thread.sleep(200);
        }
        assertEquals(moved.toRealPath() + "\n", Files.readString(home), "the archive was made for this folder");
        Path log = tmp.resolve("moved-classes.log");
        Run show = run(Map.of("CAR_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), moved.resolve("bin/car"),
                tmp.resolve("hub"), "hub", "destination", "show", "app", "--json");
        assertEquals(EXPECTED_SHOW, show.stdout(), show.stderr());
        assertTrue(Files.readAllLines(log).stream().anyMatch(line -> line.contains(" dev.car.bootstrap.CarMain source: shared")),
                "the new archive is used");
        try (var files = Files.list(moved.resolve("lib"))) {
            assertEquals(Set.of("car-" + System.getProperty("car.version", "0.1.0") + ".jar", "car.jsa", "car.jsa.home",
                    "classpath"), files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void aFolderWhereTheJvmCouldNotDumpAnArchiveIsNotAskedAgain() throws Exception {
        Path moved = copyWithoutArchive("no-dump");
        Files.writeString(moved.resolve("lib/car.jsa.failed"), moved.toRealPath() + "\n");

        Run version = run(moved.resolve("bin/car"), tmp, "--version");

        assertEquals(0, version.exitCode(), version.stderr());
        Thread.sleep(1000);
        assertTrue(Files.notExists(moved.resolve("lib/.car.jsa.lock")), "no dump was started");
        assertTrue(Files.notExists(moved.resolve("lib/car.jsa")));
    }

    /** The distribution copied to another folder, as an unpacked tarball is: without an archive. */
    private Path copyWithoutArchive(String name) throws IOException {
        Path copy = tmp.resolve(name);
        copyTree(DIST, copy);
        Files.delete(copy.resolve("lib/car.jsa.home"));
        Files.delete(copy.resolve("lib/car.jsa"));
        return copy;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
