package dev.car.application.exec;

import dev.car.domain.container.ContainerSpec;
import dev.car.domain.container.Preflight;
import dev.car.domain.destination.Destination;
import dev.car.domain.resolution.DestinationSource;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything decided before a command runs: where, with which environment, in which folder.
 * {@code container} is null for local destinations; {@code secretNames} are the variables whose
 * values came from the host through passthrough and must never be shown.
 */
public record ExecPlan(
        String repoId,
        Destination destination,
        DestinationSource source,
        Path repoRoot,
        Container container,
        String workdir,
        Map<String, String> env,
        Set<String> secretNames,
        List<String> command) {

    public ExecPlan {
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        secretNames = Set.copyOf(secretNames);
        command = List.copyOf(command);
    }

    /** The managed container a docker plan runs in. {@code preflight} is null without a profile. */
    public record Container(ContainerSpec spec, String user, String fingerprint, Preflight.Requirements preflight,
                            Path stateRoot) {
    }

    public boolean isDocker() {
        return container != null;
    }

    /** The env sorted by name, secret values as {@code ***}. */
    public Map<String, String> redactedEnv() {
        return ContainerSpec.redact(env, secretNames);
    }
}
