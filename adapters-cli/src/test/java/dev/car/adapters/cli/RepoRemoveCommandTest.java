package dev.car.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.car.adapters.cli.command.RepoRemoveCommand;
import dev.car.application.UseCaseFailure;
import dev.car.application.repo.ContainerCleanup;
import dev.car.application.repo.ContainerCleanup.Status;
import dev.car.application.repo.RemoveRepoUseCase;
import dev.car.application.repo.RemoveRepoUseCase.RemoveRepoCommand;
import dev.car.application.repo.RemoveRepoUseCase.RemovedRepo;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepoRemoveCommandTest {
    private final RemoveRepoUseCase remove = mock(RemoveRepoUseCase.class);

    private CliHarness cli() {
        return new CliHarness().with(RepoRemoveCommand.class, new RepoRemoveCommand(remove));
    }

    @Test
    void textIsOneLineWithTheContainerStatus() {
        when(remove.remove(any())).thenReturn(new RemovedRepo("app",
                new ContainerCleanup("car-ws-576e8db67800", Status.REMOVED, null)));

        CliHarness.Result result = cli().run("hub", "repo", "remove", "app", "--path", "/hub");

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("repo: removed app (container: removed)\n", result.stdout());
        assertEquals("", result.stderr());
        verify(remove).remove(new RemoveRepoCommand(Optional.of(Path.of("/hub")), "app", false));
    }

    @Test
    void keepContainerIsPassedOn() {
        when(remove.remove(any())).thenReturn(new RemovedRepo("app",
                new ContainerCleanup("car-ws-576e8db67800", Status.KEPT, null)));

        CliHarness.Result result = cli().run("hub", "repo", "remove", "--keep-container", "app");

        assertEquals("repo: removed app (container: kept)\n", result.stdout());
        verify(remove).remove(new RemoveRepoCommand(Optional.empty(), "app", true));
    }

    @Test
    void jsonHasTheRepoAndTheContainerOutcome() {
        when(remove.remove(any())).thenReturn(new RemovedRepo("app", new ContainerCleanup("shared",
                Status.SKIPPED_EXPLICIT, ContainerCleanup.EXPLICIT_NAME_MESSAGE)));

        CliHarness.Result result = cli().run("hub", "repo", "remove", "app", "--json");

        assertEquals(0, result.exitCode());
        assertEquals("""
                {
                  "repo_id": "app",
                  "container": {
                    "name": "shared",
                    "status": "skipped_explicit",
                    "message": "Skipping docker container cleanup for explicit container_name (treated as shared)"
                  }
                }
                """, result.stdout());
    }

    @Test
    void aLocalRepoHasNoContainer() {
        when(remove.remove(any())).thenReturn(new RemovedRepo("app",
                new ContainerCleanup(null, Status.NOT_APPLICABLE, null)));

        assertEquals("repo: removed app (container: not_applicable)\n",
                cli().run("hub", "repo", "remove", "app").stdout());
        assertEquals("""
                {
                  "repo_id": "app",
                  "container": {
                    "name": null,
                    "status": "not_applicable",
                    "message": null
                  }
                }
                """, cli().run("hub", "repo", "remove", "app", "--json").stdout());
    }

    @Test
    void aContainerThatCouldNotBeRemovedIsExit1WithOneLineNamingIt() {
        when(remove.remove(any())).thenReturn(new RemovedRepo("app", new ContainerCleanup("car-ws-576e8db67800",
                Status.ERROR, "Cannot stop container 'car-ws-576e8db67800': boom")));

        CliHarness.Result result = cli().run("hub", "repo", "remove", "app");

        assertEquals(1, result.exitCode());
        assertEquals("repo: removed app (container: error)\n", result.stdout());
        assertEquals("Repo 'app' was removed, but its container 'car-ws-576e8db67800' could not be: "
                + "Cannot stop container 'car-ws-576e8db67800': boom\n", result.stderr());
    }

    @Test
    void aRefusalIsOneLineAndExit1() {
        when(remove.remove(any())).thenThrow(
                new UseCaseFailure("Repo 'app' still has worktrees: app--x; remove them first"));

        CliHarness.Result result = cli().run("hub", "repo", "remove", "app");

        assertEquals(1, result.exitCode());
        assertEquals("", result.stdout());
        assertEquals("Repo 'app' still has worktrees: app--x; remove them first\n", result.stderr());
    }

    @Test
    void theIdIsRequired() {
        CliHarness.Result result = cli().run("hub", "repo", "remove");

        assertEquals(2, result.exitCode());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
    }
}
