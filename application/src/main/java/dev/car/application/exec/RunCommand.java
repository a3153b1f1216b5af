package dev.car.application.exec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A command to run in a repo's effective destination. {@code workdir} (null when not given)
 * overrides the destination's; {@code extraEnv} comes from {@code -e} and overrides everything.
 */
public record RunCommand(Optional<Path> hubPath, String repoId, String workdir, Map<String, String> extraEnv,
                         List<String> command) {

    public RunCommand {
        Objects.requireNonNull(hubPath, "hubPath");
        Objects.requireNonNull(repoId, "repoId");
        extraEnv = Map.copyOf(extraEnv);
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
    }
}
