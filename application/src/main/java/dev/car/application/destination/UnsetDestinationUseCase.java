package dev.car.application.destination;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code car hub destination unset}: remove a repo's own destination, so it inherits its base's
 * or runs locally by default. Restores "no destination" exactly, which setting {@code local} does not.
 */
public interface UnsetDestinationUseCase {

    DestinationView unset(UnsetDestinationCommand command);

    record UnsetDestinationCommand(Optional<Path> hubPath, String repoId) {
        public UnsetDestinationCommand {
            Objects.requireNonNull(hubPath, "hubPath");
            Objects.requireNonNull(repoId, "repoId");
        }
    }
}
