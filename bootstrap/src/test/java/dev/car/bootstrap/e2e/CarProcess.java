package dev.car.bootstrap.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs car as a separate OS process, as users and supervisors do (signals, stdin, exit codes). */
final class CarProcess {
    private CarProcess() {
    }

    record Finished(int exitCode, String stdout, String stderr) {
    }

    static ProcessBuilder builder(Path workingDirectory, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "dev.car.bootstrap.CarMain"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().putAll(env);
        return builder;
    }

    static Process start(Path workingDirectory, Map<String, String> env, String... args) throws IOException {
        return builder(workingDirectory, env, args).start();
    }

    /** Runs to completion with {@code stdin} as input; fails the test if it hangs. */
    static Finished run(Path workingDirectory, Map<String, String> env, String stdin, String... args)
            throws IOException, InterruptedException {
        Process process = start(workingDirectory, env, args);
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        Thread outPump = pump(process.getInputStream(), out);
        Thread errPump = pump(process.getErrorStream(), err);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("car " + String.join(" ", args) + " did not finish");
        }
        outPump.join();
        errPump.join();
        return new Finished(process.exitValue(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    static Thread pump(java.io.InputStream from, java.io.OutputStream to) {
        Thread thread = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException e) {
                // the process ended
            }
        });
        thread.start();
        return thread;
    }
}
