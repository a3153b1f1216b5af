package dev.car.domain.container;

import java.util.Objects;

/** A bind mount with templates expanded, as handed to the engine. */
public record MountBinding(String source, String target, boolean readOnly) {

    // equals and hashCode written out: a record's generated ones are bootstrapped through method
    // handles on first use, about 15 ms of every container exec (mounts are deduplicated in a set).
    @Override
    public boolean equals(Object other) {
        return other instanceof MountBinding that && readOnly == that.readOnly
                && Objects.equals(source, that.source) && Objects.equals(target, that.target);
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(source) * 31 + Objects.hashCode(target)) * 31
                + Boolean.hashCode(readOnly);
    }

    /** Docker's {@code -v} notation, e.g. {@code /src:/dst:ro}. */
    public String toVolumeSpec() {
        return source + ":" + target + (readOnly ? ":ro" : "");
    }
}
