package dev.car.application.exec;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.car.application.fixtures.InMemoryManifestStore;
import dev.car.application.hub.HubLocator;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HostEnvironment;
import dev.car.application.port.out.HubLocation;
import dev.car.application.port.out.ProcessLauncher;
import dev.car.application.port.out.RandomSource;
import dev.car.application.port.out.SignalTrap;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.RepoEntry;
import dev.car.domain.manifest.RepoKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A hub with repos {@code base} (docker) and {@code wt} (its worktree), ports mocked, store in memory. */
final class ExecFixture {
    static final Path HUB_ROOT = Path.of("/hub");
    static final HubLocation HUB = HubLocation.withDefaultManifest(HUB_ROOT);
    static final String HUB_ID = dev.car.domain.container.ManagedContainers.hubId("/hub");

    final InMemoryManifestStore store = new InMemoryManifestStore();
    final HubLocator locator = mock(HubLocator.class);
    final FileSystemProbe files = mock(FileSystemProbe.class);
    final HostEnvironment host = mock(HostEnvironment.class);
    final ContainerEngine engine = mock(ContainerEngine.class);
    final ProcessLauncher launcher = mock(ProcessLauncher.class);
    final SignalTrap signals = mock(SignalTrap.class);
    final ExecPlanner planner = new ExecPlanner(locator, store, files, host);
    final ContainerProvisioner provisioner = new ContainerProvisioner(engine);
    final RandomSource random = new SeededRandomSource();
    final RunCommandService service = new RunCommandService(planner, provisioner, engine, launcher, signals, random);

    /** Seeded, so that runs are repeatable; distinct draws, as the real source gives. */
    static final class SeededRandomSource implements RandomSource {
        private final java.util.Random seeded = new java.util.Random(7);

        @Override
        public byte[] nextBytes(int count) {
            byte[] bytes = new byte[count];
            seeded.nextBytes(bytes);
            return bytes;
        }
    }

    ExecFixture(Map<String, Object> baseDestination) {
        when(locator.locate(any())).thenReturn(HUB);
        when(files.canonicalize(any())).thenAnswer(i -> i.getArgument(0));
        when(host.variables()).thenReturn(Map.of("OPENAI_API_KEY", "sk-secret", "CAR_MODE", "fast", "HOME", "/home/u"));
        when(host.homeDirectory()).thenReturn(Path.of("/home/u"));
        when(host.workingDirectory()).thenReturn(Path.of("/elsewhere"));
        when(host.userSpec()).thenReturn("1000:1000");
        when(signals.install(any())).thenReturn(() -> { });
        RepoEntry base = RepoEntry.create("base", "repos/base", RepoKind.BASE, "base", null, null)
                .withDestination(baseDestination);
        RepoEntry worktree = RepoEntry.create("wt", "worktrees/wt", RepoKind.WORKTREE, "wt", "base", null);
        store.update(HUB, manifest -> manifest.addRepo(base).addRepo(worktree));
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

    static RunCommand command(String repoId, String... argv) {
        return new RunCommand(Optional.empty(), repoId, null, Map.of(), List.of(argv));
    }

    Manifest manifest() {
        return store.load(HUB);
    }
}
