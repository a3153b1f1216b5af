package dev.car.application.containers;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.car.application.fixtures.InMemoryManifestStore;
import dev.car.application.hub.HubLocator;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HostEnvironment;
import dev.car.application.port.out.HubLocation;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.ContainerState.MountedPath;
import dev.car.domain.container.ManagedContainers;
import dev.car.domain.manifest.RepoEntry;
import dev.car.domain.manifest.RepoKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hub at {@code /hub} with repos {@code app} (docker) and {@code other} (local), the engine and
 * the host mocked, the manifest in memory, and the clock fixed at {@link #NOW}.
 */
final class ContainersFixture {
    static final Path HUB_ROOT = Path.of("/hub");
    static final HubLocation HUB = HubLocation.withDefaultManifest(HUB_ROOT);
    static final String HUB_ID = ManagedContainers.hubId("/hub");
    static final Instant NOW = Instant.parse("2026-03-11T12:00:00Z");

    final InMemoryManifestStore store = new InMemoryManifestStore();
    final HubLocator locator = mock(HubLocator.class);
    final FileSystemProbe files = mock(FileSystemProbe.class);
    final HostEnvironment host = mock(HostEnvironment.class);
    final ContainerEngine engine = mock(ContainerEngine.class);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Host paths that exist; every other path does not. */
    final Set<Path> existing = new HashSet<>();

    ContainersFixture() {
        when(locator.locate(any())).thenReturn(HUB);
        when(files.canonicalize(any())).thenAnswer(i -> i.getArgument(0));
        when(files.exists(any())).thenAnswer(i -> existing.contains((Path) i.getArgument(0)));
        when(host.variables()).thenReturn(Map.of("HOME", "/home/u"));
        when(host.homeDirectory()).thenReturn(Path.of("/home/u"));
        when(host.workingDirectory()).thenReturn(Path.of("/elsewhere"));
        when(host.userSpec()).thenReturn("1000:1000");
        existing.add(Path.of("/hub/repos/app"));
        existing.add(Path.of("/hub/repos/other"));
        store.update(HUB, manifest -> manifest
                .addRepo(RepoEntry.create("app", "repos/app", RepoKind.BASE, "app", null, null)
                        .withDestination(docker()))
                .addRepo(RepoEntry.create("other", "repos/other", RepoKind.BASE, "other", null, null)));
    }

    static Map<String, Object> docker(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", "docker");
        map.put("image", "busybox:latest");
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    void setDestination(String repoId, Map<String, Object> destination) {
        store.update(HUB, manifest -> manifest.replaceRepo(repoId, repo -> repo.withDestination(destination)));
    }

    void listing(ContainerState... containers) {
        when(engine.listByLabels(Map.of(ManagedContainers.MANAGED, "true", ManagedContainers.HUB, HUB_ID)))
                .thenReturn(List.of(containers));
    }

    static Map<String, String> labels(String hubId, String repoId, String spec) {
        return ManagedContainers.labels(hubId, repoId, spec);
    }

    /** Builder of container states, by default this hub's, running, for repo {@code app}, mounting its root. */
    static Container container(String name) {
        return new Container(name);
    }

    static final class Container {
        private final String name;
        private Map<String, String> labels;
        private boolean running = true;
        private final List<MountedPath> mounts = new ArrayList<>();
        private Instant created = NOW.minusSeconds(86_400 * 10);
        private Instant started = NOW.minusSeconds(86_400 * 9);
        private Instant finished;

        Container(String name) {
            this.name = name;
            this.labels = ContainersFixture.labels(HUB_ID, "app", "spec");
            mounts.add(new MountedPath("bind", "/hub/repos/app", "/hub/repos/app"));
        }

        Container labels(Map<String, String> value) {
            labels = value;
            return this;
        }

        Container repo(String repoId) {
            labels = new LinkedHashMap<>(labels);
            labels.put(ManagedContainers.REPO, repoId);
            return this;
        }

        Container mount(String type, String source) {
            mounts.add(new MountedPath(type, source, "/data"));
            return this;
        }

        Container stoppedAt(Instant when) {
            running = false;
            finished = when;
            return this;
        }

        Container neverStarted(Instant createdAt) {
            running = false;
            created = createdAt;
            started = null;
            finished = null;
            return this;
        }

        ContainerState build() {
            return new ContainerState("id-" + name, name, "busybox:latest", running, running ? "running" : "exited",
                    labels, mounts, created, started, finished, 0);
        }
    }
}
