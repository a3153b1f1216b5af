package dev.car.domain.resolution;

/** Where the effective destination came from. */
public enum DestinationSource {
    REPO("repo"),
    BASE("base"),
    DEFAULT("default");

    private final String wireName;

    DestinationSource(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
