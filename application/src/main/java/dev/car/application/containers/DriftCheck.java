package dev.car.application.containers;

import dev.car.application.exec.ExecPlanner;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HostEnvironment;
import dev.car.application.port.out.HubLocation;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.domain.container.ContainerSpec;
import dev.car.domain.container.ContainerSpecBuilder;
import dev.car.domain.container.ManagedContainers;
import dev.car.domain.destination.DockerDestination;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.RepoEntry;
import dev.car.domain.repo.HubPaths;
import dev.car.domain.resolution.DestinationResolver;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a container's {@code car.spec} label with the fingerprint {@code car exec} would give its
 * repo's container now, computed exactly as exec does (same spec builder, user and init flag).
 */
final class DriftCheck {
    private final FileSystemProbe files;
    private final HostEnvironment host;
    private final HubLocation hub;
    private final Manifest manifest;
    private final Map<String, Optional<String>> expectedByRepo = new HashMap<>();

    DriftCheck(FileSystemProbe files, HostEnvironment host, HubLocation hub, Manifest manifest) {
        this.files = files;
        this.host = host;
        this.hub = hub;
        this.manifest = manifest;
    }

    Drift of(ContainerState container) {
        String repoId = container.labels().get(ManagedContainers.REPO);
        if (repoId == null) {
            return Drift.UNKNOWN;
        }
        Optional<String> expected = expectedByRepo.computeIfAbsent(repoId, this::expectedFingerprint);
        if (expected.isEmpty()) {
            return Drift.UNKNOWN;
        }
        return expected.get().equals(container.labels().get(ManagedContainers.SPEC)) ? Drift.NO : Drift.YES;
    }

    /** Empty when the repo is gone or its effective destination is not docker. */
    private Optional<String> expectedFingerprint(String repoId) {
        Optional<RepoEntry> repo = manifest.find(repoId);
        if (repo.isEmpty()
                || !(DestinationResolver.resolve(repo.get(), manifest.reposById()).destination()
                        instanceof DockerDestination docker)) {
            return Optional.empty();
        }
        Path repoRoot = files.canonicalize(HubPaths.absolute(hub.root(), repo.get().path()));
        ContainerSpec spec;
        try {
            // Passthrough values are not part of the fingerprint, so the host's variables are not read.
            spec = ContainerSpecBuilder.build(docker, repoRoot.toString(), Map.of(), host.homeDirectory().toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(ManagedContainers.fingerprint(spec, host.userSpec(), ExecPlanner.INIT));
    }
}
