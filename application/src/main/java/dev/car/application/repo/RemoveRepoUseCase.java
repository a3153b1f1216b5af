package dev.car.application.repo;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code car hub repo remove}: drop a repo from the manifest and, when its effective destination is
 * docker with the default container name, the container this hub made for it.
 */
public interface RemoveRepoUseCase {

    /**
     * Fails with a {@link dev.car.application.UseCaseFailure}, changing nothing, when the id is unknown or
     * names a base that still has worktrees. Once the entry is removed, a container problem is reported in
     * the result, never thrown.
     */
    RemovedRepo remove(RemoveRepoCommand command);

    /** {@code keepContainer}: leave the repo's container alone. */
    record RemoveRepoCommand(Optional<Path> hubPath, String repoId, boolean keepContainer) {
        public RemoveRepoCommand {
            Objects.requireNonNull(hubPath, "hubPath");
            Objects.requireNonNull(repoId, "repoId");
            if (repoId.isBlank()) {
                throw new IllegalArgumentException("repo id must not be blank");
            }
        }
    }

    record RemovedRepo(String repoId, ContainerCleanup container) {
        public RemovedRepo {
            Objects.requireNonNull(repoId, "repoId");
            Objects.requireNonNull(container, "container");
        }
    }
}
