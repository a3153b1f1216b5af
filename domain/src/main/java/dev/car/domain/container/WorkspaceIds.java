package dev.car.domain.container;

/** Stable short ids for folders: the first 12 hex digits of SHA-256 of the canonical path. */
public final class WorkspaceIds {
    public static final String CONTAINER_PREFIX = "car-ws-";

    private WorkspaceIds() {
    }

    public static String idFor(String canonicalPath) {
        return Sha256.hexPrefix(canonicalPath, 12);
    }

    public static String defaultContainerName(String canonicalRepoRoot) {
        return CONTAINER_PREFIX + idFor(canonicalRepoRoot);
    }
}
