package dev.car.application.containers;

import java.time.Instant;
import java.util.Objects;

/**
 * One managed container of the hub, as {@code car hub containers list} shows it. {@code repoId} is
 * its {@code car.repo} label (null when absent); times are null when the engine has none.
 */
public record ContainerRow(
        String repoId,
        String name,
        String image,
        String state,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Drift drift) {

    public ContainerRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(drift, "drift");
    }
}
