package dev.car.application.containers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code car hub containers reap}: remove the hub's managed containers that lost a mount, lost
 * their repo, or stayed stopped past the TTL. Containers of other hubs and unmanaged ones are never
 * looked at.
 */
public interface ReapContainersUseCase {

    ReapReport reap(ReapContainersCommand command);

    /** {@code dryRun}: report what is eligible without stopping or removing anything. */
    record ReapContainersCommand(Optional<Path> hubPath, Duration ttl, boolean dryRun) {
        public ReapContainersCommand {
            Objects.requireNonNull(hubPath, "hubPath");
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("ttl must be positive: " + ttl);
            }
        }
    }

    /** A container to reap (or reaped) and why. */
    record Reaped(String name, String repoId, ReapReason reason) {
        public Reaped {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A container that could not be stopped or removed, with the engine's one-line reason. */
    record ReapError(String name, String error) {
        public ReapError {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * {@code scanned}: the hub's managed containers looked at; {@code eligible}: those with a reason;
     * {@code removed}: those actually removed (none on a dry run); {@code errors}: the failures.
     */
    record ReapReport(Path hubRoot, Duration ttl, boolean dryRun, int scanned, List<Reaped> eligible,
                      List<Reaped> removed, List<ReapError> errors) {
        public ReapReport {
            Objects.requireNonNull(hubRoot, "hubRoot");
            Objects.requireNonNull(ttl, "ttl");
            eligible = List.copyOf(eligible);
            removed = List.copyOf(removed);
            errors = List.copyOf(errors);
        }

        public boolean failed() {
            return !errors.isEmpty();
        }
    }
}
