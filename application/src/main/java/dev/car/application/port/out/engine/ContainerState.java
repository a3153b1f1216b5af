package dev.car.application.port.out.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the engine reports of a container. Times are null when the engine has none. */
public record ContainerState(
        String id,
        String name,
        String image,
        boolean running,
        String status,
        Map<String, String> labels,
        List<MountedPath> mounts,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        int runningExecs) {

    public ContainerState {
        labels = Map.copyOf(labels);
        mounts = List.copyOf(mounts);
    }

    /** One mount as the engine reports it. */
    public record MountedPath(String type, String source, String destination) {
    }
}
