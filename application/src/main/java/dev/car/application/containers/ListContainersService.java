package dev.car.application.containers;

import dev.car.application.hub.HubLocator;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HostEnvironment;
import dev.car.application.port.out.HubLocation;
import dev.car.application.port.out.ManifestStore;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.domain.container.ManagedContainers;
import dev.car.domain.manifest.Manifest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Lists the hub's managed containers. Only reads: the engine is asked to list, nothing else. */
public final class ListContainersService implements ListContainersUseCase {
    private static final Comparator<ContainerRow> ORDER = Comparator
            .comparing(ContainerRow::repoId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ContainerRow::name);

    private final HubLocator locator;
    private final ManifestStore manifests;
    private final FileSystemProbe files;
    private final HostEnvironment host;
    private final HubContainers containers;

    public ListContainersService(HubLocator locator, ManifestStore manifests, FileSystemProbe files,
                                 HostEnvironment host, ContainerEngine engine) {
        this.locator = locator;
        this.manifests = manifests;
        this.files = files;
        this.host = host;
        this.containers = new HubContainers(engine);
    }

    @Override
    public ContainerListing list(ListContainersQuery query) {
        HubLocation hub = locator.locate(query.hubPath());
        Manifest manifest = manifests.load(hub);
        DriftCheck drift = new DriftCheck(files, host, hub, manifest);
        List<ContainerRow> rows = new ArrayList<>();
        for (ContainerState container : containers.of(hub)) {
            rows.add(new ContainerRow(container.labels().get(ManagedContainers.REPO), HubContainers.nameOf(container),
                    container.image(), stateOf(container), container.createdAt(), container.startedAt(),
                    container.finishedAt(), drift.of(container)));
        }
        rows.sort(ORDER);
        return new ContainerListing(hub.root(), rows);
    }

    private static String stateOf(ContainerState container) {
        if (container.status() != null && !container.status().isBlank()) {
            return container.status().strip();
        }
        return container.running() ? "running" : "stopped";
    }
}
