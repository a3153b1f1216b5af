package dev.car.application.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.car.application.port.out.ProcessLauncher.LocalProcess;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.EngineException;
import dev.car.application.port.out.engine.ExecRequest;
import dev.car.application.port.out.engine.ExecSession;
import dev.car.domain.container.ManagedContainers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class RunCommandServiceTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final StdStreams streams = new StdStreams(new ByteArrayInputStream(new byte[0]), out, err);

    private static ExecFixture dockerHub() {
        return new ExecFixture(ExecFixture.docker("env_passthrough", List.of("OPENAI_API_KEY", "CAR_*"),
                "env", Map.of("CAR_MODE", "explicit", "TERM", "dumb"), "workdir", "${REPO_ROOT}/src"));
    }

    /** Makes the engine report a running container that matches the plan. */
    private static void containerReady(ExecFixture fixture, String repoId) {
        ExecPlan plan = fixture.planner.plan(ExecFixture.command(repoId, "true")).plan();
        String name = plan.container().spec().name();
        when(fixture.engine.inspect(name)).thenReturn(Optional.of(new ContainerState("id", name, "busybox:latest",
                true, "running", ManagedContainers.labels(ExecFixture.HUB_ID, repoId, plan.container().fingerprint()),
                List.of(), null, null, null, 0)));
    }

    @Test
    void dockerCommandsRunInTheContainerWithEnvWorkdirAndUser() {
        ExecFixture fixture = dockerHub();
        containerReady(fixture, "base");
        when(fixture.engine.exec(any())).thenReturn(() -> 3);

        int exitCode = fixture.service.run(new RunCommand(Optional.empty(), "base", null, Map.of("EXTRA", "1"),
                List.of("make", "test")), streams);

        assertEquals(3, exitCode);
        ArgumentCaptor<ExecRequest> request = ArgumentCaptor.forClass(ExecRequest.class);
        verify(fixture.engine).exec(request.capture());
        assertEquals(List.of("make", "test"), request.getValue().command());
        assertEquals("/hub/repos/base/src", request.getValue().workdir());
        assertEquals("1000:1000", request.getValue().user());
        Map<String, String> env = request.getValue().env();
        assertEquals("sk-secret", env.get("OPENAI_API_KEY"));
        assertEquals("explicit", env.get("CAR_MODE"));
        assertEquals("1", env.get("EXTRA"));
        assertTrue(env.containsKey("CAR_EXEC_ID"));
        assertEquals(streams.in(), request.getValue().stdin());
    }

    @Test
    void workdirOptionWinsOverTheDestinationsWorkdir() {
        ExecFixture fixture = dockerHub();

        ExecPlan absolute = fixture.service.plan(new RunCommand(Optional.empty(), "base", "/tmp", Map.of(),
                List.of("pwd")));
        ExecPlan relative = fixture.service.plan(new RunCommand(Optional.empty(), "base", "sub", Map.of(),
                List.of("pwd")));
        ExecPlan inherited = fixture.service.plan(ExecFixture.command("wt", "pwd"));

        assertEquals("/tmp", absolute.workdir());
        assertEquals("/hub/repos/base/src/sub", relative.workdir());
        assertEquals("/hub/worktrees/wt/src", inherited.workdir());
    }

    @Test
    void dryRunPlansWithoutTouchingTheEngineAndHidesPassthroughValues() {
        ExecFixture fixture = dockerHub();

        ExecPlan plan = fixture.service.plan(ExecFixture.command("base", "env"));

        verifyNoInteractions(fixture.engine);
        Map<String, String> shown = plan.redactedEnv();
        assertEquals("***", shown.get("OPENAI_API_KEY"));
        assertEquals("explicit", shown.get("CAR_MODE"));
        assertEquals("dumb", shown.get("TERM"));
        assertFalse(shown.containsValue("sk-secret"));
    }

    @Test
    void wrapPrintsPassthroughNamesWithoutValues() {
        ExecFixture fixture = dockerHub();
        containerReady(fixture, "base");

        WrapCommandUseCase.WrappedCommand wrapped = fixture.service.wrap(ExecFixture.command("base", "codex", "app-server"));

        String name = fixture.service.plan(ExecFixture.command("base", "x")).container().spec().name();
        assertEquals(List.of("docker", "exec", "-w", "/hub/repos/base/src", "-e", "CAR_MODE=explicit", "-e",
                "OPENAI_API_KEY", "-e", "TERM=dumb", name, "codex", "app-server"), wrapped.command());
        assertEquals("/hub/repos/base/.codex-autorunner/app_server_workspaces", wrapped.stateRoot());
    }

    @Test
    void wrapOfALocalDestinationReturnsTheCommandUnchanged() {
        ExecFixture fixture = new ExecFixture(Map.of("kind", "local"));

        WrapCommandUseCase.WrappedCommand wrapped = fixture.service.wrap(ExecFixture.command("wt", "codex", "x"));

        assertEquals(List.of("codex", "x"), wrapped.command());
        assertNull(wrapped.stateRoot());
        verifyNoInteractions(fixture.engine);
    }

    @Test
    void localCommandsRunOnTheHostInTheRepoRoot() throws Exception {
        ExecFixture fixture = new ExecFixture(Map.of("kind", "local"));
        LocalProcess process = mock(LocalProcess.class);
        when(process.waitFor()).thenReturn(7);
        when(fixture.launcher.start(any(), any(), any())).thenReturn(process);

        int exitCode = fixture.service.run(new RunCommand(Optional.empty(), "base", null, Map.of("X", "1"),
                List.of("ls")), streams);

        assertEquals(7, exitCode);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, String>> env = ArgumentCaptor.forClass(Map.class);
        verify(fixture.launcher).start(eq(List.of("ls")), eq(Path.of("/hub/repos/base")), env.capture());
        assertEquals("sk-secret", env.getValue().get("OPENAI_API_KEY"));
        assertEquals("1", env.getValue().get("X"));
        verifyNoInteractions(fixture.engine);
    }

    @Test
    void aLocalCommandThatCannotStartExitsLikeTheShell() throws Exception {
        ExecFixture fixture = new ExecFixture(Map.of("kind", "local"));
        when(fixture.launcher.start(eq(List.of("nope")), any(), any()))
                .thenThrow(new IOException("Cannot run program \"nope\": error=2, No such file or directory"));
        when(fixture.launcher.start(eq(List.of("./script")), any(), any()))
                .thenThrow(new IOException("Cannot run program \"./script\": error=13, Permission denied"));

        assertEquals(127, fixture.service.run(ExecFixture.command("base", "nope"), streams));
        assertEquals(126, fixture.service.run(ExecFixture.command("base", "./script"), streams));
        assertEquals("car: cannot run 'nope': No such file or directory\n"
                + "car: cannot run './script': Permission denied\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSignalReachesTheCommandInTheContainerAndCarExitsWith128PlusIt() throws Exception {
        ExecFixture fixture = dockerHub();
        containerReady(fixture, "base");
        List<IntConsumer> handlers = new ArrayList<>();
        when(fixture.signals.install(any())).thenAnswer(invocation -> {
            handlers.add(invocation.getArgument(0));
            return (dev.car.application.port.out.SignalTrap.Trap) () -> { };
        });
        CountDownLatch killed = new CountDownLatch(1);
        List<ExecRequest> signalExecs = new ArrayList<>();
        when(fixture.engine.exec(any())).thenAnswer(invocation -> {
            ExecRequest request = invocation.getArgument(0);
            if (request.command().get(0).equals("sleep")) {
                return (ExecSession) () -> {
                    handlers.get(0).accept(15);
                    killed.await(5, TimeUnit.SECONDS);
                    return 143;
                };
            }
            synchronized (signalExecs) {
                signalExecs.add(request);
            }
            killed.countDown();
            return (ExecSession) () -> 0;
        });

        int exitCode = fixture.service.run(ExecFixture.command("base", "sleep", "60"), streams);

        assertEquals(143, exitCode);
        synchronized (signalExecs) {
            ExecRequest term = signalExecs.get(0);
            assertEquals("sh", term.command().get(0));
            assertEquals("15", term.command().get(term.command().size() - 1));
            assertTrue(signalExecs.stream().anyMatch(r -> r.command().get(r.command().size() - 1).equals("9")),
                    "leftover processes are killed after the command ended");
        }
    }

    @Test
    void engineFailuresBeforeTheCommandRanAreExecFailures() {
        ExecFixture fixture = dockerHub();
        when(fixture.engine.inspect(anyString())).thenThrow(new EngineException(
                "Docker engine unreachable at unix:///nope.sock: connection refused"));

        ExecFailure failure = assertThrows(ExecFailure.class,
                () -> fixture.service.run(ExecFixture.command("base", "true"), streams));

        assertEquals("Docker engine unreachable at unix:///nope.sock: connection refused", failure.getMessage());
    }

    @Test
    void anUnknownRepoIsAnExecFailure() {
        ExecFixture fixture = dockerHub();

        ExecFailure failure = assertThrows(ExecFailure.class,
                () -> fixture.service.run(ExecFixture.command("ghost", "true"), streams));

        assertEquals("Repo id not found in hub manifest: ghost", failure.getMessage());
        verifyNoInteractions(fixture.engine);
    }
}
