package dev.car.application.repo;

import dev.car.domain.manifest.RepoEntry;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** {@code car hub repo add}: register a folder as a base repo or a worktree of one. */
public interface AddRepoUseCase {

    AddedRepo add(AddRepoCommand command);

    /** Optional strings are null when not given. */
    record AddRepoCommand(Optional<Path> hubPath, Path directory, String id, String worktreeOf, String branch,
                          String displayName) {
        public AddRepoCommand {
            Objects.requireNonNull(hubPath, "hubPath");
            Objects.requireNonNull(directory, "directory");
        }
    }

    record AddedRepo(RepoEntry repo, boolean created) {
    }
}
