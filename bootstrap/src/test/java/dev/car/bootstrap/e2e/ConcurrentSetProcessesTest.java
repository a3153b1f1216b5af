package dev.car.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twenty separate car processes set twenty repos at once; every change survives. */
class ConcurrentSetProcessesTest {
    private static final int REPOS = 20;

    @TempDir
    Path tmp;

    @Test
    void concurrentSetsInSeparateProcessesKeepEveryChange() throws Exception {
        Path hub = tmp.toRealPath().resolve("hub");
        assertEquals(0, CliRun.run(tmp, List.of(), "hub", "init", "--path", hub.toString()).exitCode());
        for (int i = 0; i < REPOS; i++) {
            Files.createDirectories(hub.resolve("repos/r" + i));
            CliRun.Result added = CliRun.run(hub, List.of(), "hub", "repo", "add", "repos/r" + i);
            assertEquals(0, added.exitCode(), added.stderr());
        }

        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < REPOS; i++) {
            processes.add(car(hub, "hub", "destination", "set", "r" + i, "docker", "--image", "image-" + i,
                    "--path", hub.toString()));
        }
        for (Process process : processes) {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "a car process hung");
            assertEquals(0, process.exitValue(),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }

        for (int i = 0; i < REPOS; i++) {
            CliRun.Result show = CliRun.run(hub, List.of(), "hub", "destination", "show", "r" + i, "--json");
            assertTrue(show.stdout().contains("\"image\": \"image-" + i + "\""), show.stdout());
        }
        try (var files = Files.list(hub.resolve(".codex-autorunner"))) {
            assertEquals(List.of("config.yml", "manifest.yml", "manifest.yml.lock"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "temp files were left behind");
        }
    }

    private static Process car(Path workingDirectory, String... args) throws IOException {
        return CarProcess.builder(workingDirectory, Map.of(), args)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
