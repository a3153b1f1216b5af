package dev.car.application.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.car.application.doctor.DoctorUseCase.DoctorReport;
import dev.car.application.exec.ExecPlanner;
import dev.car.application.fixtures.InMemoryManifestStore;
import dev.car.application.hub.HubLocator;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HostEnvironment;
import dev.car.application.port.out.HubLocation;
import dev.car.application.port.out.ManifestStore;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.EngineException;
import dev.car.domain.container.ManagedContainers;
import dev.car.domain.container.WorkspaceIds;
import dev.car.domain.manifest.ManifestException;
import dev.car.domain.manifest.RepoEntry;
import dev.car.domain.manifest.RepoKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DoctorServiceTest {
    private static final HubLocation HUB = HubLocation.withDefaultManifest(Path.of("/hub"));
    private static final String CONTAINER = WorkspaceIds.defaultContainerName("/hub/repos/app");

    private final InMemoryManifestStore store = new InMemoryManifestStore();
    private final HubLocator locator = mock(HubLocator.class);
    private final FileSystemProbe files = mock(FileSystemProbe.class);
    private final HostEnvironment host = mock(HostEnvironment.class);
    private final ContainerEngine engine = mock(ContainerEngine.class);
    private DoctorService doctor;

    @BeforeEach
    void setUp() {
        when(locator.locate(any())).thenReturn(HUB);
        when(files.canonicalize(any())).thenAnswer(i -> i.getArgument(0));
        when(files.exists(any())).thenReturn(true);
        when(files.isReadableFile(any())).thenReturn(true);
        when(files.isExecutableFile(Path.of("/usr/bin", "docker"))).thenReturn(true);
        when(host.variables()).thenReturn(Map.of("PATH", "/bin:/usr/bin", "CAR_X", "1"));
        when(host.homeDirectory()).thenReturn(Path.of("/home/u"));
        when(host.workingDirectory()).thenReturn(Path.of("/hub"));
        when(host.userSpec()).thenReturn("1000:1000");
        doctor = newDoctor(store);
    }

    private DoctorService newDoctor(ManifestStore manifests) {
        return new DoctorService(locator, manifests, new ExecPlanner(locator, manifests, files, host), engine, files,
                host);
    }

    private void seed(Map<String, Object> destination) {
        RepoEntry app = RepoEntry.create("app", "repos/app", RepoKind.BASE, "app", null, null);
        store.update(HUB, m -> m.addRepo(destination == null ? app : app.withDestination(destination)));
    }

    private static Map<String, Object> docker(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>(Map.of("kind", "docker", "image", "img"));
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static List<String> lines(DoctorReport report) {
        return report.checks().stream().map(c -> c.status() + " " + c.checkId() + " " + c.message()
                + (c.fix() == null ? "" : " | " + c.fix())).toList();
    }

    @Test
    void anUnusableManifestIsOneErrorCheck() {
        ManifestStore broken = mock(ManifestStore.class);
        when(broken.load(HUB)).thenThrow(new ManifestException("/hub/.codex-autorunner/manifest.yml: "
                + "Unsupported manifest version 4; expected 3"));

        DoctorReport report = newDoctor(broken).diagnose(Optional.empty());

        assertEquals(List.of("error hub.destination Failed to load hub manifest for destination checks: "
                + "/hub/.codex-autorunner/manifest.yml: Unsupported manifest version 4; expected 3 | Validate manifest "
                + "at /hub/.codex-autorunner/manifest.yml"), lines(report));
        assertTrue(report.failed());
    }

    @Test
    void anEmptyHubHasNothingToCheck() {
        DoctorReport report = doctor.diagnose(Optional.empty());

        assertEquals(List.of("ok hub.destination No managed resources in hub manifest."), lines(report));
        verifyNoInteractions(engine);
    }

    @Test
    void destinationIssuesAreWarningsAndLocalReposNeverTouchTheEngine() {
        store.seed(HUB, Map.of("version", 3, "repos", List.of(
                Map.of("id", "app", "path", "repos/app", "kind", "base", "destination", Map.of("kind", "ssh")),
                "junk")));

        DoctorReport report = doctor.diagnose(Optional.empty());

        assertEquals(List.of(
                "ok hub.destination app: effective destination 'local' (source=default)",
                "warning hub.destination app: repo 'app' destination: unsupported destination kind 'ssh' | Update "
                        + "destination config for this repo in /hub/.codex-autorunner/manifest.yml",
                "warning hub.destination <index:1>: repo entry must be an object | Update malformed manifest repo "
                        + "entry in /hub/.codex-autorunner/manifest.yml"), lines(report));
        assertFalse(report.failed());
        verifyNoInteractions(engine);
    }

    @Test
    void anUnreachableEngineIsAnErrorNamingTheDockerRepos() {
        seed(docker());
        when(engine.serverVersion()).thenThrow(new EngineException("Docker engine unreachable at unix:///x.sock: "
                + "No such file or directory"));

        DoctorReport report = doctor.diagnose(Optional.empty());

        assertTrue(lines(report).contains("error hub.destination.docker.daemon Docker daemon unreachable for "
                + "resources: repo:app. Docker engine unreachable at unix:///x.sock: No such file or directory | Start "
                + "Docker daemon/Desktop and rerun `docker info`. Destination kind=docker requires daemon "
                + "connectivity."), lines(report).toString());
        assertTrue(report.failed());
        verify(engine, never()).inspect(anyString());
    }

    @Test
    void reportsImageMountsPassthroughAuthFilesAndAbsentContainer() {
        seed(docker("profile", "full-dev", "env_passthrough", List.of("NOPE_*"),
                "mounts", List.of(Map.of("source", "/data", "target", "/data"))));
        when(engine.serverVersion()).thenReturn("20.10.24");
        when(engine.imagePresent("img")).thenReturn(false);
        when(engine.inspect(CONTAINER)).thenReturn(Optional.empty());
        when(files.exists(Path.of("/data"))).thenReturn(false);
        when(files.isReadableFile(Path.of("/home/u/.codex/auth.json"))).thenReturn(false);

        List<String> lines = lines(doctor.diagnose(Optional.empty()));

        assertTrue(lines.contains("ok hub.destination.docker.binary Docker CLI is available."), lines.toString());
        assertTrue(lines.contains("ok hub.destination.docker.daemon Docker daemon reachable for resources: repo:app. "
                + "docker daemon reachable (server=20.10.24)"), lines.toString());
        assertTrue(lines.contains("error hub.destination.mounts app: mount source(s) missing on the host: /data | "
                + "Create them, or remove the mounts from the destination"), lines.toString());
        assertTrue(lines.contains("ok hub.destination.env_passthrough app: env_passthrough pattern 'CAR_*' matches "
                + "host variables"), lines.toString());
        assertTrue(lines.contains("warning hub.destination.env_passthrough app: env_passthrough pattern 'NOPE_*' "
                + "matches no host variable | Export the variable on the host, or drop the pattern"), lines.toString());
        assertTrue(lines.contains("error hub.destination.auth_files app: unreadable required auth files: "
                + "/home/u/.codex/auth.json | Log in to the tools so these files exist, readable by you; they are "
                + "mounted into the container"), lines.toString());
        assertTrue(lines.contains("warning hub.destination.docker.image app: image 'img' is not present; car exec "
                + "pulls it on first use | Pull it ahead of time: docker pull img"), lines.toString());
        assertTrue(lines.contains("ok hub.destination.container app: container '" + CONTAINER + "' is absent; car "
                + "exec creates it on first use"), lines.toString());
    }

    @Test
    void containerStatesAreReportedAndNothingIsChanged() {
        seed(docker());
        when(engine.serverVersion()).thenReturn("20.10.24");
        when(engine.imagePresent("img")).thenReturn(true);
        String hubId = ManagedContainers.hubId("/hub");
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("foreign", Map.of());
        cases.put("drifted", ManagedContainers.labels(hubId, "app", "0000000000000000"));
        cases.put("other hub", ManagedContainers.labels("ffffffffffff", "app", "x"));

        for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
            when(engine.inspect(CONTAINER)).thenReturn(Optional.of(new ContainerState("id", CONTAINER, "img", true,
                    "running", c.getValue(), List.of(), null, null, null, 0)));

            String line = lines(doctor.diagnose(Optional.empty())).stream()
                    .filter(l -> l.contains("hub.destination.container")).findFirst().orElseThrow();

            String expected = c.getKey().equals("drifted")
                    ? "warning hub.destination.container app: container '" + CONTAINER + "' is drifted from the "
                            + "destination; car exec recreates it when no command runs in it | Run any command with "
                            + "car exec, or car hub containers reap"
                    : "error hub.destination.container app: container '" + CONTAINER + "' exists but is not managed "
                            + "by this hub | Remove or rename that container, or set another container_name for the repo";
            assertEquals(expected, line, c.getKey());
        }
        verify(engine, never()).create(any());
        verify(engine, never()).start(anyString());
        verify(engine, never()).stop(anyString(), anyInt());
        verify(engine, never()).remove(anyString(), anyBoolean());
        verify(engine, never()).exec(any());
        verify(engine, never()).pullImage(anyString(), any());
    }

    @Test
    void aMissingDockerCliIsAWarning() {
        seed(docker());
        when(files.isExecutableFile(any())).thenReturn(false);
        when(engine.serverVersion()).thenReturn("1");
        when(engine.inspect(anyString())).thenReturn(Optional.empty());

        DoctorReport report = doctor.diagnose(Optional.empty());

        assertTrue(lines(report).contains("warning hub.destination.docker.binary Docker CLI unavailable: Docker binary "
                + "'docker' not found | Install Docker CLI and ensure it is in PATH."), lines(report).toString());
    }
}
