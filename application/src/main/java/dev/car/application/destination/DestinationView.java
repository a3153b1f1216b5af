package dev.car.application.destination;

import dev.car.domain.destination.Destination;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.RepoEntry;
import dev.car.domain.manifest.RepoKind;
import dev.car.domain.resolution.DestinationResolver;
import dev.car.domain.resolution.DestinationSource;
import dev.car.domain.resolution.Resolution;
import java.util.List;
import java.util.Map;

/**
 * A repo's destination as users see it: what is configured (canonical, or the preserved raw
 * mapping when invalid), what is effective, where that came from, and every issue once.
 */
public record DestinationView(
        String repoId,
        RepoKind kind,
        String worktreeOf,
        Map<String, Object> configured,
        Destination effective,
        DestinationSource source,
        List<String> issues) {

    public DestinationView {
        issues = List.copyOf(issues);
    }

    /** Manifest issues for the repo first, then resolution issues, de-duplicated. */
    public static DestinationView of(Manifest manifest, RepoEntry repo) {
        Resolution resolution = DestinationResolver.resolve(repo, manifest.reposById());
        List<String> issues = DestinationResolver.mergeIssues(manifest.issuesFor(repo.id()), resolution.issues());
        return new DestinationView(repo.id(), repo.kind(), repo.worktreeOf(), repo.configuredDestination(),
                resolution.destination(), resolution.source(), issues);
    }
}
