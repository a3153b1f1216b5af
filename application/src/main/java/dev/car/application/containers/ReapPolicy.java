package dev.car.application.containers;

import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.domain.container.ManagedContainers;
import dev.car.domain.manifest.MalformedEntry;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.ManifestEntry;
import dev.car.domain.manifest.RepoEntry;
import dev.car.domain.text.Py;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Why a container is reaped, if it is: a lost bind source, then a lost repo, then a stop older than
 * the TTL. Running containers are never reaped for the TTL.
 */
final class ReapPolicy {
    private static final String BIND = "bind";

    private final FileSystemProbe files;
    private final Optional<Set<String>> knownRepoIds;
    private final Instant now;
    private final Duration ttl;

    /**
     * @param knownRepoIds the manifest's repo ids; empty when they cannot be told (no manifest file,
     *                     or {@code repos} is not a list), and then no container is reaped as {@code repo_removed}
     */
    ReapPolicy(FileSystemProbe files, Optional<Set<String>> knownRepoIds, Instant now, Duration ttl) {
        this.files = files;
        this.knownRepoIds = knownRepoIds;
        this.now = now;
        this.ttl = ttl;
    }

    /**
     * The ids a container may still belong to: valid entries and, to err on the side of keeping, the
     * ids of entries the loader could not use.
     */
    static Optional<Set<String>> knownRepoIds(Manifest manifest, boolean manifestExists) {
        if (!manifestExists || manifest.invalidRepos() != null) {
            return Optional.empty();
        }
        Set<String> ids = new HashSet<>();
        for (ManifestEntry entry : manifest.entries()) {
            if (entry instanceof RepoEntry repo) {
                ids.add(repo.id());
            } else if (entry instanceof MalformedEntry malformed && malformed.raw() instanceof Map<?, ?> raw
                    && raw.get("id") instanceof String id) {
                ids.add(Py.strip(id));
            }
        }
        return Optional.of(ids);
    }

    Optional<ReapReason> reasonFor(ContainerState container) {
        if (hasMissingBindSource(container)) {
            return Optional.of(ReapReason.MISSING_MOUNT);
        }
        if (knownRepoIds.isPresent()) {
            String repoId = container.labels().get(ManagedContainers.REPO);
            if (repoId == null || !knownRepoIds.get().contains(repoId)) {
                return Optional.of(ReapReason.REPO_REMOVED);
            }
        }
        if (!container.running()) {
            Instant stoppedSince = container.finishedAt() != null ? container.finishedAt() : container.createdAt();
            if (stoppedSince != null && Duration.between(stoppedSince, now).compareTo(ttl) >= 0) {
                return Optional.of(ReapReason.STOPPED_TTL);
            }
        }
        return Optional.empty();
    }

    private boolean hasMissingBindSource(ContainerState container) {
        for (ContainerState.MountedPath mount : container.mounts()) {
            if (!BIND.equals(mount.type()) || mount.source() == null || mount.source().isBlank()) {
                continue;
            }
            try {
                if (!files.exists(Path.of(mount.source()))) {
                    return true;
                }
            } catch (InvalidPathException e) {
                // Not a path this host can have; not evidence that it is gone.
            }
        }
        return false;
    }
}
