package dev.car.application.containers;

import static dev.car.application.containers.ContainersFixture.HUB_ID;
import static dev.car.application.containers.ContainersFixture.NOW;
import static dev.car.application.containers.ContainersFixture.container;
import static dev.car.application.containers.ContainersFixture.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import dev.car.application.containers.ListContainersUseCase.ContainerListing;
import dev.car.application.containers.ListContainersUseCase.ListContainersQuery;
import dev.car.application.exec.ExecPlanner;
import dev.car.application.exec.RunCommand;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.domain.container.ManagedContainers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListContainersServiceTest {
    private final ContainersFixture fixture = new ContainersFixture();
    private final ListContainersService service = new ListContainersService(fixture.locator, fixture.store,
            fixture.files, fixture.host, fixture.engine);

    /** The fingerprint car exec gives the repo's container now. */
    private String currentFingerprint(String repoId) {
        ExecPlanner planner = new ExecPlanner(fixture.locator, fixture.store, fixture.files, fixture.host);
        return planner.plan(new RunCommand(Optional.empty(), repoId, null, Map.of(), List.of("true")))
                .plan().container().fingerprint();
    }

    private ContainerListing list() {
        return service.list(new ListContainersQuery(Optional.empty()));
    }

    @Test
    void aContainerMatchingTheCurrentDestinationHasNoDriftAndItsTimesAndState() {
        Instant finished = NOW.minusSeconds(60);
        ContainerState state = container("car-ws-app").labels(labels(HUB_ID, "app", currentFingerprint("app")))
                .stoppedAt(finished).build();
        fixture.listing(state);

        ContainerListing listing = list();

        assertEquals(Path.of("/hub"), listing.hubRoot());
        assertEquals(List.of(new ContainerRow("app", "car-ws-app", "busybox:latest", "exited", state.createdAt(),
                state.startedAt(), finished, Drift.NO)), listing.containers());
    }

    @Test
    void aChangedDestinationShowsAsDrift() {
        String before = currentFingerprint("app");
        fixture.setDestination("app", ContainersFixture.docker("workdir", "/work"));
        fixture.listing(container("car-ws-app").labels(labels(HUB_ID, "app", before)).build());

        assertEquals(Drift.YES, list().containers().get(0).drift());
    }

    @Test
    void aContainerWithoutASpecLabelHasDrifted() {
        Map<String, String> noSpec = new LinkedHashMap<>(labels(HUB_ID, "app", "x"));
        noSpec.remove(ManagedContainers.SPEC);
        fixture.listing(container("car-ws-app").labels(noSpec).build());

        assertEquals(Drift.YES, list().containers().get(0).drift());
    }

    @Test
    void driftIsUnknownWhenTheRepoIsGoneOrNoLongerDocker() {
        fixture.listing(container("ghost").repo("ghost").build(), container("local").repo("other").build(),
                container("unlabelled").labels(Map.of("ca.managed", "true", "car.hub", HUB_ID)).build());

        List<ContainerRow> rows = list().containers();

        assertEquals(List.of(Drift.UNKNOWN, Drift.UNKNOWN, Drift.UNKNOWN), rows.stream().map(ContainerRow::drift).toList());
        assertEquals(java.util.Arrays.asList(null, "ghost", "other"), rows.stream().map(ContainerRow::repoId).toList());
    }

    @Test
    void aWorktreeInheritingDockerIsComparedWithItsOwnContainer() {
        fixture.store.update(ContainersFixture.HUB, manifest -> manifest.addRepo(dev.car.domain.manifest.RepoEntry
                .create("wt", "worktrees/wt", dev.car.domain.manifest.RepoKind.WORKTREE, "wt", "app", null)));
        fixture.listing(container("car-ws-wt").labels(labels(HUB_ID, "wt", currentFingerprint("wt"))).build(),
                container("car-ws-wt-old").labels(labels(HUB_ID, "wt", currentFingerprint("app"))).build());

        List<ContainerRow> rows = list().containers();

        assertEquals(List.of(Drift.NO, Drift.YES), rows.stream().map(ContainerRow::drift).toList());
    }

    @Test
    void rowsAreOrderedByRepoThenName() {
        fixture.listing(container("z").repo("b").build(), container("y").repo("a").build(),
                container("x").repo("b").build());

        assertEquals(List.of("y", "x", "z"), list().containers().stream().map(ContainerRow::name).toList());
    }

    @Test
    void listingOnlyAsksTheEngineForThisHubsManagedContainers() {
        fixture.listing(container("car-ws-app").build(),
                container("foreign").labels(labels("0123456789ab", "app", "x")).build());

        ContainerListing listing = list();

        assertEquals(List.of("car-ws-app"), listing.containers().stream().map(ContainerRow::name).toList());
        verify(fixture.engine).listByLabels(Map.of("ca.managed", "true", "car.hub", HUB_ID));
        verifyNoMoreInteractions(fixture.engine);
    }

    @Test
    void aStateWithoutStatusIsNamedFromRunning() {
        ContainerState bare = new ContainerState("id", "bare", null, false, null, labels(HUB_ID, "app", "x"),
                List.of(), null, null, null, 0);
        fixture.listing(bare);

        ContainerRow row = list().containers().get(0);

        assertEquals("stopped", row.state());
        assertEquals(null, row.createdAt());
    }

    @Test
    void theQueryNeedsAHubPathOption() {
        assertThrows(NullPointerException.class, () -> new ListContainersQuery(null));
    }
}
