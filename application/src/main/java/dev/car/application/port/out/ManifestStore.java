package dev.car.application.port.out;

import dev.car.domain.manifest.Manifest;
import java.util.function.UnaryOperator;

/**
 * Where the hub manifest lives. Implementations decode and encode through
 * {@link dev.car.domain.manifest.ManifestCodec}, so every store treats content alike.
 */
public interface ManifestStore {

    /**
     * Reads the manifest without creating or changing anything; a missing file reads as an empty
     * manifest. Throws {@link dev.car.domain.manifest.ManifestException} when it cannot be used.
     */
    Manifest load(HubLocation hub);

    /**
     * What a query about one repo reads: a manifest whose {@code find}, {@code reposById} and
     * {@code issuesFor} answer for that repo and its base as {@link #load}'s would, and that fails
     * as {@link #load} fails. It may leave other entries out, so it is never to be changed or saved.
     */
    default Manifest loadFor(HubLocation hub, String repoId) {
        return load(hub);
    }

    /**
     * Read-modify-write, serialized against every other writer of the same manifest (other
     * processes included). When {@code change} throws, nothing is written and the exception
     * propagates. A write replaces the file atomically: readers see the old or the new manifest.
     * A missing file starts as an empty manifest and is created.
     *
     * @return the manifest as stored, loaded back
     */
    Manifest update(HubLocation hub, UnaryOperator<Manifest> change);

    /** Whether the manifest file exists. */
    boolean exists(HubLocation hub);
}
