package dev.car.bootstrap.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.car.bootstrap.CarMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive's training engine serves a whole cold and a whole warm container exec of a real car process. */
class TrainingEngineTest {
    @TempDir
    Path tmp;

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private Run car(Path socket, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CarMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("DOCKER_HOST", "unix://" + socket);
        builder.environment().put("HOME", tmp.toString());
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = process.waitFor();
        return new Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aColdThenAWarmExecRunThroughWithoutARealEngine() throws Exception {
        Path hub = tmp.resolve("hub");
        Files.createDirectories(hub.resolve("repos/app"));
        Path socket = tmp.resolve("engine.sock");
        try (TrainingEngine engine = TrainingEngine.start(socket)) {
            String path = hub.toString();
            assertEquals(0, car(socket, "hub", "init", "--path", path).exitCode());
            assertEquals(0, car(socket, "hub", "repo", "add", hub.resolve("repos/app").toString(), "--path", path).exitCode());
            assertEquals(0, car(socket, "hub", "destination", "set", "app", "docker", "--image", "busybox:latest",
                    "--path", path).exitCode());

            Run cold = car(socket, "exec", "app", "--path", path, "--", "true");
            assertEquals(new Run(0, "", ""), cold);
            assertEquals(1, engine.containersCreated());

            Run warm = car(socket, "exec", "app", "--path", path, "--", "true");
            assertEquals(new Run(0, "", ""), warm);
            assertEquals(1, engine.containersCreated(), "the warm exec found the container running");
        }
    }
}
