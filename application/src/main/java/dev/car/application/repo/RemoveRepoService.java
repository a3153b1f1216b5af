package dev.car.application.repo;

import dev.car.application.UseCaseFailure;
import dev.car.application.hub.HubLocator;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HubLocation;
import dev.car.application.port.out.ManifestStore;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.EngineException;
import dev.car.application.repo.ContainerCleanup.Status;
import dev.car.domain.container.ManagedContainers;
import dev.car.domain.container.WorkspaceIds;
import dev.car.domain.destination.Destination;
import dev.car.domain.destination.DockerDestination;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.RepoEntry;
import dev.car.domain.repo.HubPaths;
import dev.car.domain.resolution.DestinationResolver;
import java.util.List;
import java.util.Optional;

/**
 * Removes a repo from the manifest under the manifest lock, then cleans up its default-named
 * container when this hub manages it. The engine is only touched for a docker destination.
 */
public final class RemoveRepoService implements RemoveRepoUseCase {
    /** Seconds a running container gets to end before the engine kills it, as in the reference. */
    public static final int STOP_TIMEOUT_SECONDS = 10;

    private final HubLocator locator;
    private final ManifestStore manifests;
    private final FileSystemProbe files;
    private final ContainerEngine engine;

    public RemoveRepoService(HubLocator locator, ManifestStore manifests, FileSystemProbe files,
                             ContainerEngine engine) {
        this.locator = locator;
        this.manifests = manifests;
        this.files = files;
        this.engine = engine;
    }

    @Override
    public RemovedRepo remove(RemoveRepoCommand command) {
        HubLocation hub = locator.locate(command.hubPath());
        String id = command.repoId();
        RepoEntry[] removed = new RepoEntry[1];
        Destination[] effective = new Destination[1];
        manifests.update(hub, manifest -> {
            RepoEntry repo = manifest.find(id)
                    .orElseThrow(() -> new UseCaseFailure("Repo id not found in hub manifest: " + id));
            requireNoWorktrees(manifest, repo);
            // The destination as it was before the removal: a worktree's may come from its base.
            effective[0] = DestinationResolver.resolve(repo, manifest.reposById()).destination();
            removed[0] = repo;
            return manifest.removeRepo(id);
        });
        return new RemovedRepo(id, cleanUp(hub, removed[0], effective[0], command.keepContainer()));
    }

    private static void requireNoWorktrees(Manifest manifest, RepoEntry repo) {
        if (repo.isWorktree()) {
            return;
        }
        List<String> worktrees = manifest.repos().stream()
                .filter(other -> other.isWorktree() && repo.id().equals(other.worktreeOf()))
                .map(RepoEntry::id)
                .toList();
        if (!worktrees.isEmpty()) {
            throw new UseCaseFailure("Repo '" + repo.id() + "' still has worktrees: " + String.join(", ", worktrees)
                    + "; remove them first");
        }
    }

    private ContainerCleanup cleanUp(HubLocation hub, RepoEntry repo, Destination destination, boolean keep) {
        if (!(destination instanceof DockerDestination docker)) {
            return new ContainerCleanup(null, Status.NOT_APPLICABLE, null);
        }
        boolean explicit = docker.containerName() != null && !docker.containerName().isBlank();
        String name = explicit
                ? docker.containerName().strip()
                : WorkspaceIds.defaultContainerName(
                        files.canonicalize(HubPaths.absolute(hub.root(), repo.path())).toString());
        if (keep) {
            return new ContainerCleanup(name, Status.KEPT, null);
        }
        if (explicit) {
            return new ContainerCleanup(name, Status.SKIPPED_EXPLICIT, ContainerCleanup.EXPLICIT_NAME_MESSAGE);
        }
        try {
            Optional<ContainerState> found = engine.inspect(name);
            if (found.isEmpty()) {
                return new ContainerCleanup(name, Status.NOT_FOUND, null);
            }
            ContainerState container = found.get();
            String hubId = ManagedContainers.hubId(hub.root().toString());
            if (!"true".equals(container.labels().get(ManagedContainers.MANAGED))
                    || !hubId.equals(container.labels().get(ManagedContainers.HUB))) {
                return new ContainerCleanup(name, Status.SKIPPED_FOREIGN,
                        "Container '" + name + "' is not managed by this hub; left in place");
            }
            String handle = container.id() != null ? container.id() : name;
            if (container.running()) {
                engine.stop(handle, STOP_TIMEOUT_SECONDS);
            }
            engine.remove(handle, true);
            return new ContainerCleanup(name, Status.REMOVED, null);
        } catch (EngineException e) {
            String reason = e.getMessage() == null ? "engine error" : e.getMessage().lines().findFirst().orElse("");
            return new ContainerCleanup(name, Status.ERROR, reason);
        }
    }
}
