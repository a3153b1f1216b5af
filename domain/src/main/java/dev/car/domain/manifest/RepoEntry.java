package dev.car.domain.manifest;

import dev.car.domain.destination.DestinationPayloads;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A repo or worktree registered in the hub. Optional strings are null when absent.
 *
 * <p>{@code destination} is what the manifest stores under {@code destination}: the canonical
 * mapping when valid, otherwise the raw value exactly as loaded (so a save never loses it).
 * {@code hasDestination} tells an explicit {@code destination: null} from no key at all.
 * {@code extras} keeps keys this version does not know, in input order.
 */
public record RepoEntry(
        String id,
        String path,
        boolean enabled,
        boolean autoRun,
        RepoKind kind,
        String displayName,
        String worktreeOf,
        String branch,
        List<String> worktreeSetupCommands,
        boolean archived,
        boolean hasDestination,
        Object destination,
        Map<Object, Object> extras) implements ManifestEntry {

    public RepoEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        worktreeSetupCommands = List.copyOf(worktreeSetupCommands);
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        if (!hasDestination) {
            destination = null;
        }
    }

    /** A new entry as {@code car hub repo add} registers it. */
    public static RepoEntry create(String id, String path, RepoKind kind, String displayName,
                                   String worktreeOf, String branch) {
        return new RepoEntry(id, path, true, false, kind, displayName, worktreeOf, branch,
                List.of(), false, false, null, Map.of());
    }

    public boolean isWorktree() {
        return kind == RepoKind.WORKTREE;
    }

    /** The destination as shown to users: the preserved mapping, or null. */
    public Map<String, Object> configuredDestination() {
        return hasDestination ? DestinationPayloads.preserve(destination) : null;
    }

    public RepoEntry withDestination(Map<String, Object> canonical) {
        return new RepoEntry(id, path, enabled, autoRun, kind, displayName, worktreeOf, branch,
                worktreeSetupCommands, archived, canonical != null, canonical, extras);
    }

    public RepoEntry withDisplayName(String name) {
        return new RepoEntry(id, path, enabled, autoRun, kind, name, worktreeOf, branch,
                worktreeSetupCommands, archived, hasDestination, destination, extras);
    }
}
