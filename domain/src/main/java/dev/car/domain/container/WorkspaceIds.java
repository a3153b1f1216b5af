package dev.car.domain.container;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Stable short ids for folders: the first 12 hex digits of SHA-256 of the canonical path. */
public final class WorkspaceIds {
    public static final String CONTAINER_PREFIX = "car-ws-";

    private WorkspaceIds() {
    }

    public static String idFor(String canonicalPath) {
        byte[] digest = Sha256.digest(canonicalPath.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 12);
    }

    public static String defaultContainerName(String canonicalRepoRoot) {
        return CONTAINER_PREFIX + idFor(canonicalRepoRoot);
    }
}
