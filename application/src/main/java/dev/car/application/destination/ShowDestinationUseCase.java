package dev.car.application.destination;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** {@code car hub destination show}: the effective destination of one repo. Reads only. */
public interface ShowDestinationUseCase {

    DestinationView show(ShowDestinationQuery query);

    record ShowDestinationQuery(Optional<Path> hubPath, String repoId) {
        public ShowDestinationQuery {
            Objects.requireNonNull(hubPath, "hubPath");
            Objects.requireNonNull(repoId, "repoId");
        }
    }
}
