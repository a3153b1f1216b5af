package dev.car.domain.manifest;

import java.util.Optional;

/** A repo entry is a base checkout or a worktree of one. */
public enum RepoKind {
    BASE("base"),
    WORKTREE("worktree");

    private final String wireName;

    RepoKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Exact, case-sensitive match as the manifest requires. */
    public static Optional<RepoKind> fromWire(Object value) {
        for (RepoKind kind : values()) {
            if (kind.wireName.equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
