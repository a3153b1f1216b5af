package dev.car.application.containers;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code car hub containers list}: the hub's managed containers and whether they drifted. Reads only. */
public interface ListContainersUseCase {

    ContainerListing list(ListContainersQuery query);

    record ListContainersQuery(Optional<Path> hubPath) {
        public ListContainersQuery {
            Objects.requireNonNull(hubPath, "hubPath");
        }
    }

    /** Rows ordered by repo id, then name. */
    record ContainerListing(Path hubRoot, List<ContainerRow> containers) {
        public ContainerListing {
            Objects.requireNonNull(hubRoot, "hubRoot");
            containers = List.copyOf(containers);
        }
    }
}
