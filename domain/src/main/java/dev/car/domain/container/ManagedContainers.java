package dev.car.domain.container;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How car marks and recognises the containers it manages: labels naming the hub and repo, and a
 * fingerprint of everything fixed at creation time, so a changed destination is detected.
 */
public final class ManagedContainers {
    public static final String MANAGED = "ca.managed";
    public static final String HUB = "car.hub";
    public static final String REPO = "car.repo";
    public static final String SPEC = "car.spec";

    /** Keeps the container alive between execs; the init process reaps what the execs leave. */
    public static final java.util.List<String> IDLE_COMMAND = java.util.List.of("tail", "-f", "/dev/null");

    private ManagedContainers() {
    }

    public static String hubId(String canonicalHubRoot) {
        return WorkspaceIds.idFor(canonicalHubRoot);
    }

    public static Map<String, String> labels(String hubId, String repoId, String fingerprint) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED, "true");
        labels.put(HUB, hubId);
        labels.put(REPO, repoId);
        labels.put(SPEC, fingerprint);
        return labels;
    }

    /** Fingerprint of image, mounts, workdir, user and init; env is per exec and not part of it. */
    public static String fingerprint(ContainerSpec spec, String user, boolean init) {
        StringBuilder canonical = new StringBuilder();
        canonical.append("image=").append(spec.image()).append('\n');
        for (MountBinding mount : spec.mounts()) {
            canonical.append("mount=").append(mount.source()).append('\u0000').append(mount.target())
                    .append('\u0000').append(mount.readOnly()).append('\n');
        }
        canonical.append("workdir=").append(spec.workdir()).append('\n');
        canonical.append("user=").append(user).append('\n');
        canonical.append("init=").append(init).append('\n');
        return Sha256.hexPrefix(canonical.toString(), 16);
    }
}
