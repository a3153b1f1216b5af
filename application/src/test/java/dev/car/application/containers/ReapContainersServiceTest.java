package dev.car.application.containers;

import static dev.car.application.containers.ContainersFixture.HUB_ID;
import static dev.car.application.containers.ContainersFixture.NOW;
import static dev.car.application.containers.ContainersFixture.container;
import static dev.car.application.containers.ContainersFixture.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import dev.car.application.UseCaseFailure;
import dev.car.application.containers.ReapContainersUseCase.ReapContainersCommand;
import dev.car.application.containers.ReapContainersUseCase.ReapError;
import dev.car.application.containers.ReapContainersUseCase.ReapReport;
import dev.car.application.containers.ReapContainersUseCase.Reaped;
import dev.car.application.port.out.engine.EngineException;
import dev.car.domain.container.ManagedContainers;
import dev.car.domain.manifest.ManifestException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class ReapContainersServiceTest {
    private static final Duration TTL = Duration.ofHours(12);

    private final ContainersFixture fixture = new ContainersFixture();
    private final ReapContainersService service = new ReapContainersService(fixture.locator, fixture.store,
            fixture.files, fixture.engine, fixture.clock);

    private ReapReport reap(boolean dryRun) {
        return service.reap(new ReapContainersCommand(Optional.empty(), TTL, dryRun));
    }

    private ReapReport reap() {
        return reap(false);
    }

    @Test
    void aRunningContainerWhoseBindSourceIsGoneIsStoppedThenRemoved() {
        fixture.listing(container("gone").mount("bind", "/data/deleted").build());

        ReapReport report = reap();

        assertEquals(List.of(new Reaped("gone", "app", ReapReason.MISSING_MOUNT)), report.removed());
        assertEquals(report.removed(), report.eligible());
        assertEquals(1, report.scanned());
        assertFalse(report.failed());
        InOrder order = inOrder(fixture.engine);
        order.verify(fixture.engine).stop("id-gone", 10);
        order.verify(fixture.engine).remove("id-gone", true);
    }

    @Test
    void onlyBindMountsCountAndAVolumeOrBlankSourceIsNotMissing() {
        fixture.listing(container("volume").mount("volume", "/var/lib/docker/volumes/x").build(),
                container("blank").mount("bind", "").build(),
                container("untyped").mount(null, "/nowhere").build());

        ReapReport report = reap();

        assertEquals(List.of(), report.eligible());
        assertEquals(3, report.scanned());
        verify(fixture.engine, never()).remove(anyString(), anyBoolean());
    }

    @Test
    void aContainerWhoseRepoLeftTheManifestIsRemoved() {
        fixture.listing(container("ghost").repo("ghost").build());

        ReapReport report = reap();

        assertEquals(List.of(new Reaped("ghost", "ghost", ReapReason.REPO_REMOVED)), report.removed());
        verify(fixture.engine).stop("id-ghost", 10);
        verify(fixture.engine).remove("id-ghost", true);
    }

    @Test
    void aContainerWithoutARepoLabelCountsAsItsRepoRemoved() {
        Map<String, String> noRepo = new LinkedHashMap<>(labels(HUB_ID, "app", "spec"));
        noRepo.remove(ManagedContainers.REPO);
        fixture.listing(container("anonymous").labels(noRepo).build());

        assertEquals(List.of(new Reaped("anonymous", null, ReapReason.REPO_REMOVED)), reap().removed());
    }

    @Test
    void aMissingMountIsReportedBeforeARemovedRepo() {
        fixture.listing(container("both").repo("ghost").mount("bind", "/data/deleted").build());

        assertEquals(ReapReason.MISSING_MOUNT, reap().removed().get(0).reason());
    }

    @Test
    void aStoppedContainerIsRemovedWithForceOnceItHasBeenStoppedForTheTtl() {
        fixture.listing(container("exactly").stoppedAt(NOW.minus(TTL)).build(),
                container("older").stoppedAt(NOW.minus(TTL).minusSeconds(3600)).build());

        ReapReport report = reap();

        assertEquals(List.of(new Reaped("exactly", "app", ReapReason.STOPPED_TTL),
                new Reaped("older", "app", ReapReason.STOPPED_TTL)), report.removed());
        verify(fixture.engine).remove("id-exactly", true);
        verify(fixture.engine).remove("id-older", true);
        verify(fixture.engine, never()).stop(anyString(), anyInt());
    }

    @Test
    void aContainerStoppedLessThanTheTtlAgoStays() {
        fixture.listing(container("recent").stoppedAt(NOW.minus(TTL).plusSeconds(1)).build(),
                container("now").stoppedAt(NOW).build());

        ReapReport report = reap();

        assertEquals(List.of(), report.eligible());
        assertEquals(2, report.scanned());
        verify(fixture.engine, never()).remove(anyString(), anyBoolean());
    }

    @Test
    void theTtlIsCountedFromWhenTheContainerFinishedNotFromWhenItStarted() {
        // Started ten days ago, stopped an hour ago: not eligible under a 12 h TTL.
        fixture.listing(container("long-lived").stoppedAt(NOW.minusSeconds(3600)).build());

        assertEquals(List.of(), reap().eligible());
    }

    @Test
    void aRunningContainerNeverReachesTheTtlHoweverOld() {
        fixture.listing(container("old-but-running").build());

        ReapReport report = reap();

        assertEquals(List.of(), report.eligible());
        verify(fixture.engine, never()).stop(anyString(), anyInt());
    }

    @Test
    void aContainerThatNeverRanCountsFromItsCreation() {
        fixture.listing(container("created-long-ago").neverStarted(NOW.minus(TTL)).build(),
                container("created-just-now").neverStarted(NOW.minusSeconds(60)).build());

        assertEquals(List.of(new Reaped("created-long-ago", "app", ReapReason.STOPPED_TTL)), reap().removed());
    }

    @Test
    void aDryRunReportsEligibleContainersAndTouchesNothing() {
        fixture.listing(container("gone").mount("bind", "/data/deleted").build(),
                container("ghost").repo("ghost").build(),
                container("stale").stoppedAt(NOW.minus(TTL)).build(),
                container("fine").build());

        ReapReport report = reap(true);

        assertEquals(List.of(new Reaped("ghost", "ghost", ReapReason.REPO_REMOVED),
                new Reaped("gone", "app", ReapReason.MISSING_MOUNT),
                new Reaped("stale", "app", ReapReason.STOPPED_TTL)), report.eligible());
        assertEquals(List.of(), report.removed());
        assertEquals(4, report.scanned());
        assertTrue(report.dryRun());
        verify(fixture.engine).listByLabels(anyMap());
        verifyNoMoreInteractions(fixture.engine);
    }

    @Test
    void onlyThisHubsManagedContainersAreAskedFor() {
        fixture.listing();

        ReapReport report = reap();

        verify(fixture.engine).listByLabels(Map.of("ca.managed", "true", "car.hub", HUB_ID));
        verifyNoMoreInteractions(fixture.engine);
        assertEquals(0, report.scanned());
    }

    @Test
    void anotherHubsOrAnUnmanagedContainerIsNeverTouchedEvenIfTheEngineListsIt() {
        Map<String, String> unmanaged = new LinkedHashMap<>(labels(HUB_ID, "ghost", "spec"));
        unmanaged.remove(ManagedContainers.MANAGED);
        fixture.listing(container("other-hub").labels(labels("0123456789ab", "ghost", "spec"))
                        .mount("bind", "/data/deleted").stoppedAt(NOW.minus(TTL)).build(),
                container("unmanaged").labels(unmanaged).mount("bind", "/data/deleted").build(),
                container("mine").repo("ghost").build());

        ReapReport report = reap();

        assertEquals(1, report.scanned());
        assertEquals(List.of(new Reaped("mine", "ghost", ReapReason.REPO_REMOVED)), report.removed());
        verify(fixture.engine, never()).stop("id-other-hub", 10);
        verify(fixture.engine, never()).remove("id-other-hub", true);
        verify(fixture.engine, never()).stop("id-unmanaged", 10);
        verify(fixture.engine, never()).remove("id-unmanaged", true);
    }

    @Test
    void anEngineErrorOnOneContainerIsRecordedAndTheOthersAreStillRemoved() {
        fixture.listing(container("a").repo("ghost").build(),
                container("b").repo("ghost").build(),
                container("c").repo("ghost").stoppedAt(NOW).build());
        doThrow(new EngineException("Cannot stop container 'id-a': boom\nmore")).when(fixture.engine)
                .stop("id-a", 10);
        doThrow(new EngineException("Cannot remove container 'id-c': busy")).when(fixture.engine)
                .remove("id-c", true);
        when(fixture.engine.inspect(anyString())).thenAnswer(i -> Optional.of(container("x").build()));

        ReapReport report = reap();

        assertEquals(3, report.eligible().size());
        assertEquals(List.of(new Reaped("b", "ghost", ReapReason.REPO_REMOVED)), report.removed());
        assertEquals(List.of(new ReapError("a", "Cannot stop container 'id-a': boom"),
                new ReapError("c", "Cannot remove container 'id-c': busy")), report.errors());
        assertTrue(report.failed());
        verify(fixture.engine, never()).remove("id-a", true);
        verify(fixture.engine).remove("id-b", true);
    }

    @Test
    void aContainerThatVanishedWhileBeingRemovedCountsAsRemoved() {
        fixture.listing(container("raced").repo("ghost").build());
        doThrow(new EngineException("Cannot stop container 'id-raced': No such container")).when(fixture.engine)
                .stop("id-raced", 10);
        when(fixture.engine.inspect("id-raced")).thenReturn(Optional.empty());

        ReapReport report = reap();

        assertEquals(List.of(new Reaped("raced", "ghost", ReapReason.REPO_REMOVED)), report.removed());
        assertEquals(List.of(), report.errors());
    }

    @Test
    void aFailureIsKeptWhenTheEngineCannotSayWhetherTheContainerIsGone() {
        fixture.listing(container("a").repo("ghost").stoppedAt(NOW).build());
        doThrow(new EngineException("Docker engine unreachable at x")).when(fixture.engine).remove("id-a", true);
        when(fixture.engine.inspect("id-a")).thenThrow(new EngineException("Docker engine unreachable at x"));

        ReapReport report = reap();

        assertEquals(List.of(new ReapError("a", "Docker engine unreachable at x")), report.errors());
        assertEquals(List.of(), report.removed());
    }

    @Test
    void anEngineThatCannotListIsOneFailureLine() {
        when(fixture.engine.listByLabels(anyMap())).thenThrow(new EngineException("Docker engine unreachable at x"));

        UseCaseFailure failure = assertThrows(UseCaseFailure.class, this::reap);

        assertEquals("Docker engine unreachable at x", failure.getMessage());
    }

    @Test
    void anUnreadableManifestStopsTheReapBeforeTheEngineIsAsked() {
        fixture.store.seed(ContainersFixture.HUB, Map.of("version", 99, "repos", List.of()));

        assertThrows(ManifestException.class, this::reap);
        verifyNoMoreInteractions(fixture.engine);
    }

    @Test
    void withoutAManifestFileNoContainerIsTakenForARemovedRepo() {
        ContainersFixture empty = new ContainersFixture();
        ReapContainersService onEmpty = new ReapContainersService(empty.locator,
                new dev.car.application.fixtures.InMemoryManifestStore(), empty.files, empty.engine, empty.clock);
        empty.listing(container("ghost").repo("ghost").build());

        ReapReport report = onEmpty.reap(new ReapContainersCommand(Optional.empty(), TTL, false));

        assertEquals(List.of(), report.eligible());
    }

    @Test
    void anIdTheLoaderCouldNotUseStillKeepsItsContainer() {
        fixture.store.update(ContainersFixture.HUB, manifest -> manifest);
        @SuppressWarnings("unchecked")
        Map<String, Object> document = new LinkedHashMap<>((Map<String, Object>) fixture.store.document(
                ContainersFixture.HUB));
        List<Object> repos = new java.util.ArrayList<>((List<?>) document.get("repos"));
        repos.add(Map.of("id", "broken"));
        document.put("repos", repos);
        fixture.store.seed(ContainersFixture.HUB, document);
        fixture.listing(container("broken").repo("broken").build());

        assertEquals(List.of(), reap().eligible());
    }

    @Test
    void aReposContainerWithExistingMountsStays() {
        fixture.existing.add(Path.of("/data/present"));
        fixture.listing(container("fine").mount("bind", "/data/present").build());

        ReapReport report = reap();

        assertEquals(List.of(), report.eligible());
        assertEquals(List.of(), report.errors());
    }

    @Test
    void theCommandRejectsANonPositiveTtl() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReapContainersCommand(Optional.empty(), Duration.ZERO, false));
        assertThrows(IllegalArgumentException.class,
                () -> new ReapContainersCommand(Optional.empty(), Duration.ofSeconds(-1), false));
        assertThrows(NullPointerException.class, () -> new ReapContainersCommand(Optional.empty(), null, false));
        assertThrows(NullPointerException.class, () -> new ReapContainersCommand(null, TTL, false));
    }
}
