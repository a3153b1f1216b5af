package dev.car.bootstrap.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The docker CLI, to look at the engine independently of car. */
final class DockerCli {
    private final String dockerHost;

    DockerCli(String dockerHost) {
        this.dockerHost = dockerHost;
    }

    String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DOCKER_HOST", dockerHost);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("docker " + String.join(" ", args) + " hung");
            }
            return output.strip();
        } catch (IOException e) {
            throw new AssertionError("docker CLI unavailable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    List<String> containersWithLabel(String label) {
        String out = run("ps", "-aq", "--filter", "label=" + label);
        return out.isEmpty() ? List.of() : List.of(out.split("\\s+"));
    }

    void removeWithLabel(String label) {
        for (String id : containersWithLabel(label)) {
            run("rm", "-f", id);
        }
    }
}
