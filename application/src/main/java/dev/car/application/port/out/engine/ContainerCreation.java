package dev.car.application.port.out.engine;

import dev.car.domain.container.MountBinding;
import java.util.List;
import java.util.Map;

/**
 * What to create: no environment on purpose, since secrets are passed per exec and must never
 * be stored in the container's configuration.
 */
public record ContainerCreation(
        String name,
        String image,
        List<MountBinding> mounts,
        Map<String, String> labels,
        String workdir,
        String user,
        boolean init,
        List<String> command) {

    public ContainerCreation {
        mounts = List.copyOf(mounts);
        labels = Map.copyOf(labels);
        command = List.copyOf(command);
    }
}
