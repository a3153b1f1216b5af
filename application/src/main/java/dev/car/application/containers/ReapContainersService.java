package dev.car.application.containers;

import dev.car.application.hub.HubLocator;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HubLocation;
import dev.car.application.port.out.ManifestStore;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.EngineException;
import dev.car.domain.container.ManagedContainers;
import dev.car.domain.manifest.Manifest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes the hub's managed containers that {@link ReapPolicy} finds eligible: running ones are
 * stopped first, then every one is removed with force. A failure on one container is recorded and
 * the others are still handled.
 */
public final class ReapContainersService implements ReapContainersUseCase {
    /** Seconds a running container gets to end before the engine kills it, as in the reference. */
    public static final int STOP_TIMEOUT_SECONDS = 10;

    private final HubLocator locator;
    private final ManifestStore manifests;
    private final FileSystemProbe files;
    private final ContainerEngine engine;
    private final HubContainers containers;
    private final Clock clock;

    public ReapContainersService(HubLocator locator, ManifestStore manifests, FileSystemProbe files,
                                 ContainerEngine engine, Clock clock) {
        this.locator = locator;
        this.manifests = manifests;
        this.files = files;
        this.engine = engine;
        this.containers = new HubContainers(engine);
        this.clock = clock;
    }

    @Override
    public ReapReport reap(ReapContainersCommand command) {
        HubLocation hub = locator.locate(command.hubPath());
        // Read before the engine is asked anything: a manifest that cannot be read stops the reap.
        Manifest manifest = manifests.load(hub);
        ReapPolicy policy = new ReapPolicy(files, ReapPolicy.knownRepoIds(manifest, manifests.exists(hub)),
                clock.instant(), command.ttl());
        List<ContainerState> scanned = containers.of(hub);
        List<Reaped> eligible = new ArrayList<>();
        List<ContainerState> toRemove = new ArrayList<>();
        for (ContainerState container : scanned) {
            Optional<ReapReason> reason = policy.reasonFor(container);
            if (reason.isPresent()) {
                eligible.add(new Reaped(HubContainers.nameOf(container),
                        container.labels().get(ManagedContainers.REPO), reason.get()));
                toRemove.add(container);
            }
        }
        List<Reaped> removed = new ArrayList<>();
        List<ReapError> errors = new ArrayList<>();
        if (!command.dryRun()) {
            for (int i = 0; i < toRemove.size(); i++) {
                ContainerState container = toRemove.get(i);
                try {
                    remove(container);
                    removed.add(eligible.get(i));
                } catch (EngineException e) {
                    if (gone(container)) {
                        // Removed meanwhile, by another reap for instance: what was asked is done.
                        removed.add(eligible.get(i));
                    } else {
                        errors.add(new ReapError(HubContainers.nameOf(container), oneLine(e.getMessage())));
                    }
                }
            }
        }
        return new ReapReport(hub.root(), command.ttl(), command.dryRun(), scanned.size(), eligible, removed, errors);
    }

    private void remove(ContainerState container) {
        String handle = HubContainers.handleOf(container);
        if (container.running()) {
            engine.stop(handle, STOP_TIMEOUT_SECONDS);
        }
        engine.remove(handle, true);
    }

    private boolean gone(ContainerState container) {
        try {
            return engine.inspect(HubContainers.handleOf(container)).isEmpty();
        } catch (EngineException e) {
            return false;
        }
    }

    private static String oneLine(String message) {
        return message == null ? "engine error" : message.lines().findFirst().orElse("engine error");
    }
}
