package dev.car.application.containers;

import dev.car.application.UseCaseFailure;
import dev.car.application.port.out.HubLocation;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.EngineException;
import dev.car.domain.container.ManagedContainers;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The containers a hub manages: labelled {@code ca.managed=true} and {@code car.hub=<its id>}, and
 * no others. The labels are checked again after the engine's filter, so whatever the engine does,
 * nothing of another hub and nothing unmanaged is ever acted upon.
 */
final class HubContainers {
    private final ContainerEngine engine;

    HubContainers(ContainerEngine engine) {
        this.engine = engine;
    }

    static String hubId(HubLocation hub) {
        return ManagedContainers.hubId(hub.root().toString());
    }

    /** Ordered by name; fails with a {@link UseCaseFailure} when the engine cannot list them. */
    List<ContainerState> of(HubLocation hub) {
        String hubId = hubId(hub);
        List<ContainerState> listed;
        try {
            listed = engine.listByLabels(Map.of(ManagedContainers.MANAGED, "true", ManagedContainers.HUB, hubId));
        } catch (EngineException e) {
            throw new UseCaseFailure(e.getMessage(), e);
        }
        return listed.stream()
                .filter(container -> belongsTo(container, hubId))
                .sorted(Comparator.comparing(HubContainers::nameOf))
                .toList();
    }

    static boolean belongsTo(ContainerState container, String hubId) {
        return "true".equals(container.labels().get(ManagedContainers.MANAGED))
                && hubId.equals(container.labels().get(ManagedContainers.HUB));
    }

    static String nameOf(ContainerState container) {
        return container.name() != null ? container.name() : container.id();
    }

    /** What to address the engine with: the id, so a new container that took the name is never hit. */
    static String handleOf(ContainerState container) {
        return container.id() != null ? container.id() : container.name();
    }
}
