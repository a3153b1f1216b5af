package dev.car.domain.manifest;

/** A problem found while loading, attributed to a repo id, {@code <index:N>} or {@code manifest}. */
public record ManifestIssue(String repoId, String message) {
    public static final String MANIFEST_SCOPE = "manifest";
}
