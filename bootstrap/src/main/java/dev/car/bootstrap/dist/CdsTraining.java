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
 * with {@code CAR_CDS_DUMP=1}; never reaches a Docker engine.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        // docker-java reads DOCKER_HOST from system properties too: pointing it at a socket that does
        // not exist loads the client's classes (for the archive) without contacting any engine.
        Path root = Files.createTempDirectory("car-cds-");
        System.setProperty("DOCKER_HOST", "unix://" + root.resolve("no-engine.sock"));
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
                    new String[] {"exec", "base", "--path", path, "--", "true"},
                    new String[] {"doctor", "--path", path, "--json"},
                    new String[] {"hub", "destination", "set", "missing", "local", "--path", path},
                    new String[] {"--version"},
                    new String[] {"hub", "destination", "set", "--help"});
            for (String[] command : commands) {
                CarMain.run(command, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            }
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
