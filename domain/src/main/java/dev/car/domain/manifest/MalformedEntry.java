package dev.car.domain.manifest;

/** An entry the loader could not use; it is reported and written back unchanged so nothing is lost. */
public record MalformedEntry(Object raw) implements ManifestEntry {
}
