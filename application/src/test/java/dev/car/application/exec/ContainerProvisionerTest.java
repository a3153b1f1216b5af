package dev.car.application.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.car.application.port.out.engine.ContainerCreation;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.ContainerState.MountedPath;
import dev.car.application.port.out.engine.EngineException;
import dev.car.application.port.out.engine.ExecRequest;
import dev.car.application.port.out.engine.NameConflictException;
import dev.car.domain.container.ManagedContainers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

class ContainerProvisionerTest {
    private final ExecFixture fixture = new ExecFixture(ExecFixture.docker("profile", "full-dev"));

    private ExecPlan plan(String repoId) {
        return fixture.planner.plan(ExecFixture.command(repoId, "true")).plan();
    }

    private static ContainerState state(String name, boolean running, Map<String, String> labels, int execs,
                                        String... mountedRoots) {
        List<MountedPath> mounts = new ArrayList<>();
        for (String root : mountedRoots) {
            mounts.add(new MountedPath("bind", root, root));
        }
        return new ContainerState("id-" + name, name, "busybox:latest", running, running ? "running" : "exited",
                labels, mounts, null, null, null, execs);
    }

    private Map<String, String> ownLabels(ExecPlan plan) {
        return ManagedContainers.labels(ExecFixture.HUB_ID, plan.repoId(), plan.container().fingerprint());
    }

    @Test
    void aMissingContainerIsCreatedWithLabelsInitAndNoEnvAfterPullingItsImage() {
        ExecPlan plan = plan("base");
        String name = plan.container().spec().name();
        when(fixture.engine.inspect(name)).thenReturn(Optional.empty());
        when(fixture.engine.imagePresent("busybox:latest")).thenReturn(false);
        List<String> progress = new ArrayList<>();

        fixture.provisioner.ensureRunning(ExecFixture.HUB_ID, plan, progress::add);

        ArgumentCaptor<ContainerCreation> creation = ArgumentCaptor.forClass(ContainerCreation.class);
        InOrder order = inOrder(fixture.engine);
        order.verify(fixture.engine).pullImage(eq("busybox:latest"), any());
        order.verify(fixture.engine).create(creation.capture());
        order.verify(fixture.engine).start(name);
        assertEquals(ownLabels(plan), creation.getValue().labels());
        assertEquals("1000:1000", creation.getValue().user());
        assertEquals(true, creation.getValue().init());
        assertEquals("/hub/repos/base", creation.getValue().workdir());
        assertEquals("/hub/repos/base:/hub/repos/base", creation.getValue().mounts().get(0).toVolumeSpec());
        assertEquals(List.of("car: pulling image busybox:latest"), progress);
    }

    @Test
    void aFailedPullNamesTheImage() {
        ExecPlan plan = plan("base");
        when(fixture.engine.inspect(anyString())).thenReturn(Optional.empty());
        org.mockito.Mockito.doThrow(new EngineException("pull access denied")).when(fixture.engine)
                .pullImage(anyString(), any());

        ExecFailure failure = assertThrows(ExecFailure.class,
                () -> fixture.provisioner.ensureRunning(ExecFixture.HUB_ID, plan, line -> { }));

        assertEquals("Failed to pull image 'busybox:latest': pull access denied", failure.getMessage());
        verify(fixture.engine, never()).create(any());
    }

    @Test
    void aStoppedMatchingContainerIsStartedAndARunningOneLeftAlone() {
        ExecPlan plan = plan("base");
        String name = plan.container().spec().name();
        when(fixture.engine.inspect(name)).thenReturn(Optional.of(state(name, false, ownLabels(plan), 0)));

        fixture.provisioner.ensureRunning(ExecFixture.HUB_ID, plan, line -> { });
        verify(fixture.engine).start("id-" + name);

        when(fixture.engine.inspect(name)).thenReturn(Optional.of(state(name, true, ownLabels(plan), 0)));
        fixture.provisioner.ensureRunning(ExecFixture.HUB_ID, plan, line -> { });
        verify(fixture.engine, never()).create(any());
        verify(fixture.engine, never()).remove(anyString(), anyBoolean());
    }

    @Test
    void aDriftedContainerIsRecreated() {
        ExecPlan plan = plan("base");
        String name = plan.container().spec().name();
        Map<String, String> stale = ManagedContainers.labels(ExecFixture.HUB_ID, "base", "0000000000000000");
        when(fixture.engine.inspect(name)).thenReturn(Optional.of(state(name, true, stale, 0)), Optional.empty());
        when(fixture.engine.imagePresent(anyString())).thenReturn(true);

        fixture.provisioner.ensureRunning(ExecFixture.HUB_ID, plan, line -> { });

        InOrder order = inOrder(fixture.engine);
        order.verify(fixture.engine).remove("id-" + name, true);
        order.verify(fixture.engine).create(any());
        order.verify(fixture.engine).start(name);
    }

    @Test
    void aDriftedContainerWithRunningCommandsIsNotTouched() {
        ExecPlan plan = plan("base");
        String name = plan.container().spec().name();
        Map<String, String> stale = ManagedContainers.labels(ExecFixture.HUB_ID, "base", "0000000000000000");
        when(fixture.engine.inspect(name)).thenReturn(Optional.of(state(name, true, stale, 2)));

        ExecFailure failure = assertThrows(ExecFailure.class,
                () -> fixture.provisioner.ensureRunning(ExecFixture.HUB_ID, plan, line -> { }));

        assertEquals("Container '" + name + "' no longer matches the destination of repo 'base', but 2 command(s) "
                + "are still running in it; retry when they have ended", failure.getMessage());
        verify(fixture.engine, never()).remove(anyString(), anyBoolean());
    }

    @Test
    void aForeignContainerIsNeverStartedExecutedOrRemoved() {
        ExecPlan plan = plan("base");
        String name = plan.container().spec().name();
        for (Map<String, String> labels : List.of(Map.<String, String>of(),
                ManagedContainers.labels("otherhub0000", "base", plan.container().fingerprint()))) {
            when(fixture.engine.inspect(name)).thenReturn(Optional.of(state(name, false, labels, 0)));

            ExecFailure failure = assertThrows(ExecFailure.class,
                    () -> fixture.provisioner.ensureRunning(ExecFixture.HUB_ID, plan, line -> { }));

            assertEquals("Container '" + name + "' exists but is not managed by this hub; car will not start, exec "
                    + "in or remove it. Remove or rename it, or set another container_name", failure.getMessage());
        }
        verify(fixture.engine, never()).start(anyString());
        verify(fixture.engine, never()).remove(anyString(), anyBoolean());
        verify(fixture.engine, never()).stop(anyString(), anyInt());
        verify(fixture.engine, never()).exec(any());
    }

    @Test
    void losingTheCreationRaceUsesTheWinnersContainer() {
        ExecPlan plan = plan("base");
        String name = plan.container().spec().name();
        when(fixture.engine.imagePresent(anyString())).thenReturn(true);
        when(fixture.engine.inspect(name)).thenReturn(Optional.empty(),
                Optional.of(state(name, true, ownLabels(plan), 0)));
        when(fixture.engine.create(any())).thenThrow(new NameConflictException("name in use"));

        fixture.provisioner.ensureRunning(ExecFixture.HUB_ID, plan, line -> { });

        verify(fixture.engine, never()).start(anyString());
    }

    @Test
    void aSharedContainerMustMountTheRepoRoot() {
        ExecFixture shared = new ExecFixture(ExecFixture.docker("container_name", "shared"));
        ExecPlan worktree = shared.planner.plan(ExecFixture.command("wt", "true")).plan();
        Map<String, String> baseLabels = ManagedContainers.labels(ExecFixture.HUB_ID, "base", "f");
        when(shared.engine.inspect("shared")).thenReturn(Optional.of(state("shared", true, baseLabels, 0,
                "/hub/repos/base")));

        ExecFailure failure = assertThrows(ExecFailure.class,
                () -> shared.provisioner.ensureRunning(ExecFixture.HUB_ID, worktree, line -> { }));

        assertEquals("Repo 'wt' root /hub/worktrees/wt is not mounted in container 'shared' (created for repo "
                + "'base'); give the repo its own destination or container_name", failure.getMessage());
        verify(shared.engine, never()).remove(anyString(), anyBoolean());

        when(shared.engine.inspect("shared")).thenReturn(Optional.of(state("shared", true, baseLabels, 0,
                "/hub/repos/base", "/hub/worktrees/wt")));
        shared.provisioner.ensureRunning(ExecFixture.HUB_ID, worktree, line -> { });
    }

    @Test
    void preflightReportsTheReferenceMessages() throws Exception {
        ExecPlan plan = plan("base");
        when(fixture.engine.exec(any())).thenAnswer(invocation -> {
            ExecRequest request = invocation.getArgument(0);
            assertEquals(List.of("sh", "-lc"), request.command().subList(0, 2));
            request.stdout().write(("MISSING_BINARIES=pnpm,codex\nMISSING_FILES=/home/u/.codex/auth.json\n"
                    + "UNWRITABLE_WORKDIR=/hub/repos/base\n").getBytes(StandardCharsets.UTF_8));
            return (dev.car.application.port.out.engine.ExecSession) () -> 0;
        });

        ExecFailure failure = assertThrows(ExecFailure.class, () -> fixture.provisioner.preflight(plan));

        assertEquals("Docker preflight failed in " + plan.container().spec().name() + ": missing required binaries: "
                + "codex, pnpm; unreadable required auth files: /home/u/.codex/auth.json; workdir is not writable: "
                + "/hub/repos/base", failure.getMessage());
    }

    @Test
    void aFailingPreflightCommandIsReported() {
        ExecPlan plan = plan("base");
        when(fixture.engine.exec(any())).thenAnswer(invocation -> {
            ExecRequest request = invocation.getArgument(0);
            request.stderr().write("sh: not found\n".getBytes(StandardCharsets.UTF_8));
            return (dev.car.application.port.out.engine.ExecSession) () -> 127;
        });

        ExecFailure failure = assertThrows(ExecFailure.class, () -> fixture.provisioner.preflight(plan));

        assertEquals("Docker preflight command failed in " + plan.container().spec().name() + ": sh: not found",
                failure.getMessage());
    }
}
