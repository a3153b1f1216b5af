package dev.car.application.containers;

/**
 * Whether a managed container still matches its repo's effective destination, compared by the
 * {@code car.spec} fingerprint. {@code UNKNOWN} when the repo is gone or is no longer docker.
 */
public enum Drift {
    NO("no"),
    YES("yes"),
    UNKNOWN("unknown");

    private final String wireName;

    Drift(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
