package dev.car.application.repo;

import dev.car.application.UseCaseFailure;
import dev.car.application.destination.DestinationView;
import dev.car.application.port.out.HubLocation;
import dev.car.application.hub.HubLocator;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HostEnvironment;
import dev.car.application.port.out.ManifestStore;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.ManifestIssue;
import dev.car.domain.manifest.RepoEntry;
import dev.car.domain.manifest.RepoKind;
import dev.car.domain.repo.HubPaths;
import dev.car.domain.repo.RepoIds;
import dev.car.domain.text.Py;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Registers and lists the repos of a hub. */
public final class RepoService implements AddRepoUseCase, ListReposUseCase {
    private final HubLocator locator;
    private final ManifestStore manifests;
    private final FileSystemProbe files;
    private final HostEnvironment host;

    public RepoService(HubLocator locator, ManifestStore manifests, FileSystemProbe files, HostEnvironment host) {
        this.locator = locator;
        this.manifests = manifests;
        this.files = files;
        this.host = host;
    }

    @Override
    public AddedRepo add(AddRepoCommand command) {
        HubLocation hub = locator.locate(command.hubPath());
        Path directory = host.workingDirectory().resolve(command.directory()).normalize();
        if (!files.isDirectory(directory)) {
            throw new UseCaseFailure("Not a directory: " + command.directory());
        }
        Path canonical = files.canonicalize(directory);
        String storedPath = HubPaths.relativize(hub.root(), canonical.toString(), files::canonicalize);
        String baseName = firstNonBlank(command.displayName(), command.id(),
                canonical.getFileName() == null ? "repo" : canonical.getFileName().toString());
        String id = RepoIds.sanitize(firstNonBlank(command.id(), baseName));
        String worktreeOf = blankToNull(command.worktreeOf());
        String branch = blankToNull(command.branch());
        RepoKind kind = worktreeOf != null ? RepoKind.WORKTREE : RepoKind.BASE;

        boolean[] created = {false};
        Manifest stored = manifests.update(hub, manifest -> {
            Optional<RepoEntry> existing = manifest.find(id);
            if (existing.isPresent()) {
                if (!existing.get().path().equals(storedPath)) {
                    throw new UseCaseFailure("Repo id already exists in hub manifest: " + id
                            + " (path " + existing.get().path() + ")");
                }
                return manifest;
            }
            for (RepoEntry repo : manifest.repos()) {
                if (repo.path().equals(storedPath)) {
                    throw new UseCaseFailure("Path " + storedPath + " is already registered as repo " + repo.id());
                }
            }
            if (worktreeOf != null) {
                RepoEntry base = manifest.find(worktreeOf).orElseThrow(() ->
                        new UseCaseFailure("Base repo not found in hub manifest: " + worktreeOf));
                if (base.isWorktree()) {
                    throw new UseCaseFailure("Repo " + worktreeOf + " is a worktree; --worktree-of must name a base repo");
                }
            }
            created[0] = true;
            return manifest.addRepo(RepoEntry.create(id, storedPath, kind, baseName, worktreeOf, branch));
        });
        return new AddedRepo(stored.find(id).orElseThrow(), created[0]);
    }

    @Override
    public RepoListing list(Optional<Path> hubPath) {
        HubLocation hub = locator.locate(hubPath);
        Manifest manifest = manifests.load(hub);
        List<RepoRow> rows = new ArrayList<>();
        Set<String> known = manifest.reposById().keySet();
        for (RepoEntry repo : manifest.repos()) {
            rows.add(new RepoRow(repo, DestinationView.of(manifest, repo)));
        }
        Set<String> orphans = new LinkedHashSet<>();
        for (ManifestIssue issue : manifest.issues()) {
            if (!known.contains(issue.repoId())) {
                orphans.add(issue.repoId() + ": " + issue.message());
            }
        }
        return new RepoListing(hub.root(), rows, new ArrayList<>(orphans));
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !Py.isBlank(value)) {
                return Py.strip(value);
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || Py.isBlank(value) ? null : Py.strip(value);
    }
}
