package dev.car.adapters.cli.command;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --path HUB}: the hub root; without it the hub is found from the working directory upward. */
public final class HubPathOption {
    @Option(names = "--path", paramLabel = "HUB",
            description = "Hub root (default: found from the current directory upward).")
    Path path;

    public Optional<Path> value() {
        return Optional.ofNullable(path);
    }
}
