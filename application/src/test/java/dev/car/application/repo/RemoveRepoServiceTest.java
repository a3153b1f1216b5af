package dev.car.application.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.car.application.UseCaseFailure;
import dev.car.application.fixtures.InMemoryManifestStore;
import dev.car.application.hub.HubLocator;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HubLocation;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.EngineException;
import dev.car.application.repo.ContainerCleanup.Status;
import dev.car.application.repo.RemoveRepoUseCase.RemoveRepoCommand;
import dev.car.application.repo.RemoveRepoUseCase.RemovedRepo;
import dev.car.domain.container.ManagedContainers;
import dev.car.domain.container.WorkspaceIds;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.RepoEntry;
import dev.car.domain.manifest.RepoKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class RemoveRepoServiceTest {
    private static final HubLocation HUB = HubLocation.withDefaultManifest(Path.of("/hub"));
    private static final String HUB_ID = ManagedContainers.hubId("/hub");
    private static final String APP_CONTAINER = WorkspaceIds.defaultContainerName("/hub/repos/app");
    private static final String WT_CONTAINER = WorkspaceIds.defaultContainerName("/hub/worktrees/app--x");

    private final InMemoryManifestStore store = new InMemoryManifestStore();
    private final HubLocator locator = mock(HubLocator.class);
    private final FileSystemProbe files = mock(FileSystemProbe.class);
    private final ContainerEngine engine = mock(ContainerEngine.class);
    private final RemoveRepoService service = new RemoveRepoService(locator, store, files, engine);

    RemoveRepoServiceTest() {
        when(locator.locate(any())).thenReturn(HUB);
        when(files.canonicalize(any())).thenAnswer(i -> i.getArgument(0));
    }

    private void repos(Map<String, Object> appDestination, boolean withWorktree) {
        RepoEntry app = RepoEntry.create("app", "repos/app", RepoKind.BASE, "app", null, null);
        RepoEntry base = appDestination == null ? app : app.withDestination(appDestination);
        store.seed(HUB, Map.of("version", 3, "repos", List.of()));
        store.update(HUB, manifest -> {
            Manifest next = manifest.addRepo(base)
                    .addRepo(RepoEntry.create("other", "repos/other", RepoKind.BASE, "other", null, null));
            return withWorktree
                    ? next.addRepo(RepoEntry.create("app--x", "worktrees/app--x", RepoKind.WORKTREE, "x", "app", "x"))
                    : next;
        });
    }

    private static Map<String, Object> docker(String containerName) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", "docker");
        map.put("image", "busybox:latest");
        if (containerName != null) {
            map.put("container_name", containerName);
        }
        return map;
    }

    private static ContainerState container(String name, boolean running, Map<String, String> labels) {
        return new ContainerState("id-" + name, name, "busybox:latest", running, running ? "running" : "exited",
                labels, List.of(), null, null, null, 0);
    }

    private RemovedRepo remove(String id, boolean keep) {
        return service.remove(new RemoveRepoCommand(Optional.empty(), id, keep));
    }

    private List<String> ids() {
        return store.load(HUB).repos().stream().map(RepoEntry::id).toList();
    }

    @Test
    void aRunningDefaultNamedContainerOfThisHubIsStoppedThenRemoved() {
        repos(docker(null), false);
        when(engine.inspect(APP_CONTAINER)).thenReturn(Optional.of(
                container(APP_CONTAINER, true, ManagedContainers.labels(HUB_ID, "app", "spec"))));

        RemovedRepo removed = remove("app", false);

        assertEquals(new RemovedRepo("app", new ContainerCleanup(APP_CONTAINER, Status.REMOVED, null)), removed);
        assertEquals(List.of("other"), ids());
        InOrder order = inOrder(engine);
        order.verify(engine).stop("id-" + APP_CONTAINER, 10);
        order.verify(engine).remove("id-" + APP_CONTAINER, true);
    }

    @Test
    void aStoppedDefaultNamedContainerIsRemovedWithoutStop() {
        repos(docker(null), false);
        when(engine.inspect(APP_CONTAINER)).thenReturn(Optional.of(
                container(APP_CONTAINER, false, ManagedContainers.labels(HUB_ID, "app", "spec"))));

        assertEquals(Status.REMOVED, remove("app", false).container().status());
        verify(engine, never()).stop(anyString(), anyInt());
        verify(engine).remove("id-" + APP_CONTAINER, true);
    }

    @Test
    void aMissingContainerIsNotFound() {
        repos(docker(null), false);
        when(engine.inspect(APP_CONTAINER)).thenReturn(Optional.empty());

        assertEquals(new ContainerCleanup(APP_CONTAINER, Status.NOT_FOUND, null), remove("app", false).container());
        assertEquals(List.of("other"), ids());
    }

    @Test
    void aContainerOfAnotherHubOrUnmanagedHoldingTheNameIsLeftAlone() {
        repos(docker(null), false);
        when(engine.inspect(APP_CONTAINER)).thenReturn(Optional.of(
                container(APP_CONTAINER, true, ManagedContainers.labels("0123456789ab", "app", "spec"))));

        ContainerCleanup foreignHub = remove("app", false).container();

        repos(docker(null), false);
        when(engine.inspect(APP_CONTAINER)).thenReturn(Optional.of(
                container(APP_CONTAINER, true, Map.of(ManagedContainers.HUB, HUB_ID))));
        ContainerCleanup unmanaged = remove("app", false).container();

        for (ContainerCleanup cleanup : List.of(foreignHub, unmanaged)) {
            assertEquals(new ContainerCleanup(APP_CONTAINER, Status.SKIPPED_FOREIGN,
                    "Container '" + APP_CONTAINER + "' is not managed by this hub; left in place"), cleanup);
        }
        verify(engine, never()).stop(anyString(), anyInt());
        verify(engine, never()).remove(anyString(), anyBoolean());
    }

    @Test
    void anExplicitContainerNameIsTreatedAsSharedAndNeverTouched() {
        repos(docker("shared"), false);

        RemovedRepo removed = remove("app", false);

        assertEquals(new ContainerCleanup("shared", Status.SKIPPED_EXPLICIT,
                "Skipping docker container cleanup for explicit container_name (treated as shared)"),
                removed.container());
        assertEquals(List.of("other"), ids());
        verifyNoInteractions(engine);
    }

    @Test
    void aWorktreeInheritingAnExplicitNameIsSkippedToo() {
        repos(docker("shared"), true);

        assertEquals(Status.SKIPPED_EXPLICIT, remove("app--x", false).container().status());
        verifyNoInteractions(engine);
    }

    @Test
    void aWorktreeInheritingDockerHasItsOwnDefaultNamedContainerRemoved() {
        repos(docker(null), true);
        when(engine.inspect(WT_CONTAINER)).thenReturn(Optional.of(
                container(WT_CONTAINER, false, ManagedContainers.labels(HUB_ID, "app--x", "spec"))));

        RemovedRepo removed = remove("app--x", false);

        assertEquals(new ContainerCleanup(WT_CONTAINER, Status.REMOVED, null), removed.container());
        assertEquals(List.of("app", "other"), ids());
        verify(engine, never()).inspect(APP_CONTAINER);
    }

    @Test
    void aLocalDestinationNeverTouchesTheEngine() {
        repos(null, false);

        RemovedRepo removed = remove("app", false);

        assertEquals(new ContainerCleanup(null, Status.NOT_APPLICABLE, null), removed.container());
        assertEquals(List.of("other"), ids());
        verifyNoInteractions(engine);
    }

    @Test
    void keepContainerLeavesItAndNeverTouchesTheEngine() {
        repos(docker(null), false);

        RemovedRepo removed = remove("app", true);

        assertEquals(new ContainerCleanup(APP_CONTAINER, Status.KEPT, null), removed.container());
        assertEquals(List.of("other"), ids());
        verifyNoInteractions(engine);
    }

    @Test
    void anEngineFailureIsReportedAndTheEntryIsStillRemoved() {
        repos(docker(null), false);
        when(engine.inspect(APP_CONTAINER)).thenReturn(Optional.of(
                container(APP_CONTAINER, true, ManagedContainers.labels(HUB_ID, "app", "spec"))));
        doThrow(new EngineException("Cannot stop container 'x': boom\ndetails")).when(engine).stop(anyString(), anyInt());

        ContainerCleanup cleanup = remove("app", false).container();

        assertEquals(new ContainerCleanup(APP_CONTAINER, Status.ERROR, "Cannot stop container 'x': boom"), cleanup);
        assertTrue(cleanup.failed());
        assertEquals(List.of("other"), ids());
    }

    @Test
    void anUnreachableEngineIsAnErrorToo() {
        repos(docker(null), false);
        when(engine.inspect(APP_CONTAINER)).thenThrow(new EngineException("Docker engine unreachable at unix:///x"));

        ContainerCleanup cleanup = remove("app", false).container();

        assertEquals(Status.ERROR, cleanup.status());
        assertEquals("Docker engine unreachable at unix:///x", cleanup.message());
        assertFalse(ids().contains("app"));
    }

    @Test
    void aBaseWithWorktreesIsRefusedAndNothingChanges() {
        repos(docker(null), true);
        store.update(HUB, manifest -> manifest.addRepo(
                RepoEntry.create("app--y", "worktrees/app--y", RepoKind.WORKTREE, "y", "app", "y")));

        UseCaseFailure failure = assertThrows(UseCaseFailure.class, () -> remove("app", false));

        assertEquals("Repo 'app' still has worktrees: app--x, app--y; remove them first", failure.getMessage());
        assertEquals(List.of("app", "other", "app--x", "app--y"), ids());
        verifyNoInteractions(engine);
    }

    @Test
    void aBaseCanBeRemovedOnceItsWorktreesAre() {
        repos(null, true);

        remove("app--x", false);
        remove("app", false);

        assertEquals(List.of("other"), ids());
    }

    @Test
    void anUnknownIdIsTheReferenceMessageAndNothingChanges() {
        repos(null, false);

        UseCaseFailure failure = assertThrows(UseCaseFailure.class, () -> remove("nope", false));

        assertEquals("Repo id not found in hub manifest: nope", failure.getMessage());
        assertEquals(List.of("app", "other"), ids());
        verifyNoInteractions(engine);
    }

    @Test
    void unknownKeysAndOtherEntriesSurviveTheRemoval() {
        store.seed(HUB, Map.of("version", 3, "custom", "kept", "repos", List.of(
                Map.of("id", "app", "path", "repos/app", "kind", "base", "future_key", 1),
                Map.of("id", "keep", "path", "repos/keep", "kind", "base", "future_key", 2),
                "not an entry")));

        remove("app", false);

        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) store.document(HUB);
        assertEquals("kept", document.get("custom"));
        List<?> repos = (List<?>) document.get("repos");
        assertEquals(2, repos.size());
        assertEquals(2, ((Map<?, ?>) repos.get(0)).get("future_key"));
        assertEquals("not an entry", repos.get(1));
    }

    @Test
    void theCommandNeedsAnId() {
        assertThrows(NullPointerException.class, () -> new RemoveRepoCommand(Optional.empty(), null, false));
        assertThrows(IllegalArgumentException.class, () -> new RemoveRepoCommand(Optional.empty(), " ", false));
        assertThrows(NullPointerException.class, () -> new RemoveRepoCommand(null, "app", false));
    }
}
