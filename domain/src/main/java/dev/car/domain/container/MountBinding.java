package dev.car.domain.container;

/** A bind mount with templates expanded, as handed to the engine. */
public record MountBinding(String source, String target, boolean readOnly) {

    /** Docker's {@code -v} notation, e.g. {@code /src:/dst:ro}. */
    public String toVolumeSpec() {
        return source + ":" + target + (readOnly ? ":ro" : "");
    }
}
