package dev.car.domain.resolution;

import dev.car.domain.destination.DestinationParser;
import dev.car.domain.destination.LocalDestination;
import dev.car.domain.destination.ParsedDestination;
import dev.car.domain.manifest.RepoEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Effective destination: the repo's own if valid, else (for a worktree) its base repo's if valid,
 * else local. Inheritance is one level only.
 */
public final class DestinationResolver {
    private DestinationResolver() {
    }

    public static Resolution resolve(RepoEntry repo, Map<String, RepoEntry> reposById) {
        List<String> issues = new ArrayList<>();
        // Step 1 (own destination) reports before step 2 (base link), as in the reference.
        ParsedDestination own = null;
        if (repo.hasDestination()) {
            own = DestinationParser.parse(repo.destination(), "repo '" + repo.id() + "' destination");
            if (!own.valid()) {
                issues.addAll(own.errors());
            }
        }
        RepoEntry base = null;
        if (repo.isWorktree() && repo.worktreeOf() != null) {
            // A broken link is reported even when the own destination is valid: it is never silently ignored.
            base = baseOf(repo, reposById, issues);
        }
        if (own != null && own.valid()) {
            return new Resolution(own.destination(), DestinationSource.REPO, issues);
        }
        if (base != null && base.hasDestination()) {
            ParsedDestination inherited =
                    DestinationParser.parse(base.destination(), "base repo '" + base.id() + "' destination");
            if (inherited.valid()) {
                return new Resolution(inherited.destination(), DestinationSource.BASE, issues);
            }
            issues.addAll(inherited.errors());
        }
        return new Resolution(LocalDestination.INSTANCE, DestinationSource.DEFAULT, issues);
    }

    /** The base a worktree may inherit from, or null with an issue when the link is broken. */
    private static RepoEntry baseOf(RepoEntry worktree, Map<String, RepoEntry> reposById, List<String> issues) {
        String baseId = worktree.worktreeOf();
        String subject = "repo '" + worktree.id() + "' worktree_of '" + baseId + "'";
        if (baseId.equals(worktree.id())) {
            issues.add(subject + " points at the worktree itself; using no base destination");
            return null;
        }
        RepoEntry base = reposById.get(baseId);
        if (base == null) {
            issues.add(subject + " does not match any repo in the hub manifest; using no base destination");
            return null;
        }
        if (base.isWorktree()) {
            issues.add(subject + " is itself a worktree; worktrees inherit from a base repo only");
            return null;
        }
        return base;
    }

    /** Manifest issues first, then resolution issues, keeping the first occurrence of each text. */
    public static List<String> mergeIssues(List<String> first, List<String> second) {
        LinkedHashSet<String> merged = new LinkedHashSet<>(first);
        merged.addAll(second);
        return new ArrayList<>(merged);
    }
}
