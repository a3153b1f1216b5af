package dev.car.application.repo;

import java.util.Objects;

/**
 * What happened to a removed repo's container. {@code name} is null when there is none to speak of
 * (a local destination); {@code message} is null when the status says it all.
 */
public record ContainerCleanup(String name, Status status, String message) {
    public static final String EXPLICIT_NAME_MESSAGE =
            "Skipping docker container cleanup for explicit container_name (treated as shared)";

    public ContainerCleanup {
        Objects.requireNonNull(status, "status");
    }

    public boolean failed() {
        return status == Status.ERROR;
    }

    public enum Status {
        /** Stopped if running, then removed. */
        REMOVED("removed"),
        /** No container had the default name. */
        NOT_FOUND("not_found"),
        /** The engine failed; the message says how. The manifest entry is removed all the same. */
        ERROR("error"),
        /** The effective destination was not docker: no container, and the engine is not touched. */
        NOT_APPLICABLE("not_applicable"),
        /** An explicit {@code container_name} may be shared with other repos, so it is left alone. */
        SKIPPED_EXPLICIT("skipped_explicit"),
        /** A container holds the default name but this hub does not manage it. */
        SKIPPED_FOREIGN("skipped_foreign"),
        /** {@code --keep-container} was given. */
        KEPT("kept");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
