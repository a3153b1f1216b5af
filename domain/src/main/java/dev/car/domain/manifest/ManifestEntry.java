package dev.car.domain.manifest;

/** One item of the manifest's {@code repos} list: a usable repo or a malformed item kept as it was. */
public sealed interface ManifestEntry permits RepoEntry, MalformedEntry {
}
