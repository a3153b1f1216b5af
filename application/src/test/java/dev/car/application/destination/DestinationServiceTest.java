package dev.car.application.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.car.application.UseCaseFailure;
import dev.car.application.destination.SetDestinationUseCase.SetDestinationCommand;
import dev.car.application.destination.ShowDestinationUseCase.ShowDestinationQuery;
import dev.car.application.port.out.HubLocation;
import dev.car.application.hub.HubLocator;
import dev.car.application.port.out.ManifestStore;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.ManifestIssue;
import dev.car.domain.manifest.RepoEntry;
import dev.car.domain.manifest.RepoKind;
import dev.car.domain.resolution.DestinationSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DestinationServiceTest {
    private static final HubLocation HUB = HubLocation.withDefaultManifest(Path.of("/hub"));

    private final HubLocator locator = mock(HubLocator.class);
    private final ManifestStore store = mock(ManifestStore.class);
    private final DestinationService service = new DestinationService(locator, store);

    private Manifest manifest;

    @BeforeEach
    void setUp() {
        RepoEntry base = RepoEntry.create("base", "repos/base", RepoKind.BASE, "base", null, null)
                .withDestination(Map.of("kind", "docker", "image", "img"));
        RepoEntry worktree = RepoEntry.create("wt", "worktrees/wt", RepoKind.WORKTREE, "wt", "base", "feature");
        manifest = new Manifest(List.of(base, worktree), null, Map.of(),
                List.of(new ManifestIssue("wt", "repo 'wt' destination: unsupported destination kind 'ssh'"),
                        new ManifestIssue("<index:2>", "repo entry must be an object")));
        when(locator.locate(any())).thenReturn(HUB);
        when(store.load(HUB)).thenAnswer(invocation -> manifest);
        when(store.loadFor(eq(HUB), any())).thenAnswer(invocation -> manifest);
        when(store.update(eq(HUB), any())).thenAnswer(invocation -> {
            @SuppressWarnings("unchecked")
            UnaryOperator<Manifest> change = invocation.getArgument(1);
            manifest = change.apply(manifest);
            return manifest;
        });
    }

    private static SetDestinationCommand setCommand(String repoId, String kind, String image) {
        return new SetDestinationCommand(Optional.empty(), repoId,
                new FlagDestinationRequest(kind, image, null, List.of(), List.of(), List.of(), List.of(), null, null));
    }

    @Test
    void showResolvesInheritanceAndListsOnlyThatReposIssues() {
        DestinationView view = service.show(new ShowDestinationQuery(Optional.empty(), "wt"));

        assertEquals(DestinationSource.BASE, view.source());
        assertEquals("docker", view.effective().kind());
        assertEquals(List.of("repo 'wt' destination: unsupported destination kind 'ssh'"), view.issues());
        assertEquals("base", view.worktreeOf());
        verify(store, never()).update(any(), any());
    }

    @Test
    void showOfAnUnknownRepoFails() {
        UseCaseFailure failure = assertThrows(UseCaseFailure.class,
                () -> service.show(new ShowDestinationQuery(Optional.empty(), "nope")));

        assertEquals("Repo id not found in hub manifest: nope", failure.getMessage());
    }

    @Test
    void setStoresTheCanonicalDestination() {
        DestinationView view = service.set(setCommand("wt", "docker", " busybox "));

        assertEquals(DestinationSource.REPO, view.source());
        assertEquals(Map.of("kind", "docker", "image", "busybox"), view.configured());
        assertEquals(Map.of("kind", "docker", "image", "busybox"), manifest.find("wt").orElseThrow().destination());
    }

    @Test
    void unknownRepoIsReportedBeforeABadKindAndNothingIsWritten() {
        UseCaseFailure failure = assertThrows(UseCaseFailure.class, () -> service.set(setCommand("nope", "ssh", null)));

        assertEquals("Repo id not found in hub manifest: nope", failure.getMessage());
        verify(store, never()).update(any(), any());
    }

    @Test
    void invalidPayloadWritesNothingAndJoinsErrors() {
        SetDestinationCommand command = new SetDestinationCommand(Optional.empty(), "base",
                new ApiDestinationRequest(Map.of("kind", "docker", "image", " ", "profile", "x")));

        UseCaseFailure failure = assertThrows(UseCaseFailure.class, () -> service.set(command));

        assertEquals("destination: docker destination requires non-empty 'image'; "
                + "destination: unsupported docker profile 'x'", failure.getMessage());
        verify(store, never()).update(any(), any());
    }

    @Test
    void aRepoRemovedConcurrentlyIsCaughtUnderTheLock() {
        when(store.update(eq(HUB), any())).thenAnswer(invocation -> {
            @SuppressWarnings("unchecked")
            UnaryOperator<Manifest> change = invocation.getArgument(1);
            return change.apply(manifest.removeRepo("wt"));
        });

        UseCaseFailure failure = assertThrows(UseCaseFailure.class, () -> service.set(setCommand("wt", "local", null)));

        assertEquals("Repo id not found in hub manifest: wt", failure.getMessage());
    }
}
