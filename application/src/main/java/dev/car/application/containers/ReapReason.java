package dev.car.application.containers;

/** Why {@code car hub containers reap} removes a container, checked in this order. */
public enum ReapReason {
    /** A bind mount's source no longer exists on the host. */
    MISSING_MOUNT("missing_mount"),
    /** Its {@code car.repo} is no longer in the hub manifest. */
    REPO_REMOVED("repo_removed"),
    /** Stopped for at least the TTL, counted from when it finished (from creation if it never ran). */
    STOPPED_TTL("stopped_ttl");

    private final String wireName;

    ReapReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
