package dev.car.bootstrap.dist;

import dev.car.bootstrap.CarMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the everyday commands once on a throwaway hub, so that the class-data-sharing archive
 * dumped at the end of this JVM holds the classes they load. Run at package time by the launcher
 * with {@code CAR_CDS_DUMP=1}; never reaches a Docker engine: a cold and a warm container exec talk
 * to a {@link TrainingEngine}.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    /**
     * The stand-in engine, or null where this machine cannot listen on a Unix socket there: the
     * container execs then fail at their first connection, and the archive still holds the rest.
     */
    private static TrainingEngine startEngine(Path socket) {
        try {
            return TrainingEngine.start(socket);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static void main(String[] args) throws IOException {
        // Both engine clients read DOCKER_HOST from system properties too.
        Path root = Files.createTempDirectory("car-cds-");
        Path socket = root.resolve("engine.sock");
        System.setProperty("DOCKER_HOST", "unix://" + socket);
        TrainingEngine engine = startEngine(socket);
        try {
            Path hub = root.resolve("hub");
            Files.createDirectories(hub.resolve("repos/base"));
            Files.createDirectories(hub.resolve("worktrees/base--x"));
            String path = hub.toString();
            List<String[]> commands = List.of(
                    new String[] {"hub", "init", "--path", path},
                    new String[] {"hub", "repo", "add", hub.resolve("repos/base").toString(), "--path", path},
                    new String[] {"hub", "repo", "add", hub.resolve("worktrees/base--x").toString(), "--worktree-of",
                        "base", "--path", path},
                    new String[] {"hub", "destination", "set", "base", "docker", "--image", "busybox:latest", "--env",
                        "CAR_*", "--mount", "/tmp:/tmp", "--json", "--path", path},
                    new String[] {"hub", "destination", "set", "base--x", "local", "--path", path},
                    new String[] {"hub", "destination", "show", "base", "--json", "--path", path},
                    new String[] {"hub", "destination", "show", "base--x", "--path", path},
                    new String[] {"hub", "repo", "list", "--json", "--path", path},
                    new String[] {"hub", "repo", "list", "--path", path},
                    new String[] {"exec", "base", "--dry-run", "--json", "--path", path, "--", "true"},
                    new String[] {"exec", "base--x", "--path", path, "--", "true"},
                    new String[] {"exec", "base", "--path", path, "--", "true"}, // creates the container
                    new String[] {"exec", "base", "--path", path, "--", "true"}, // finds it running
                    new String[] {"doctor", "--path", path, "--json"},
                    new String[] {"hub", "destination", "set", "missing", "local", "--path", path},
                    new String[] {"--version"},
                    new String[] {"hub", "destination", "set", "--help"});
            for (String[] command : commands) {
                CarMain.run(command, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            }
        } finally {
            if (engine != null) {
                engine.close();
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
