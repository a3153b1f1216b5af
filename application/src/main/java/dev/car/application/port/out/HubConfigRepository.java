package dev.car.application.port.out;

import java.nio.file.Path;
import java.util.Optional;

/** Reads and creates the hub config file of a folder. */
public interface HubConfigRepository {

    /**
     * The config at {@code <directory>/.codex-autorunner/config.yml}, empty when no such file exists.
     * Throws {@link dev.car.application.UseCaseFailure} naming the file when it cannot be read.
     */
    Optional<HubConfig> readAt(Path directory);

    /** Writes a hub config ({@code mode: hub}) into the folder unless one exists; true when written. */
    boolean createHubConfig(Path directory);
}
