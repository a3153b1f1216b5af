package dev.car.application.destination;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** {@code car hub destination set}: validate and store a repo's destination. */
public interface SetDestinationUseCase {

    DestinationView set(SetDestinationCommand command);

    record SetDestinationCommand(Optional<Path> hubPath, String repoId, DestinationRequest request) {
        public SetDestinationCommand {
            Objects.requireNonNull(hubPath, "hubPath");
            Objects.requireNonNull(repoId, "repoId");
            Objects.requireNonNull(request, "request");
        }
    }
}
