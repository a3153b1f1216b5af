package dev.car.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.car.adapters.cli.command.ContainersListCommand;
import dev.car.adapters.cli.command.ContainersReapCommand;
import dev.car.application.UseCaseFailure;
import dev.car.application.containers.ContainerRow;
import dev.car.application.containers.Drift;
import dev.car.application.containers.ListContainersUseCase;
import dev.car.application.containers.ListContainersUseCase.ContainerListing;
import dev.car.application.containers.ListContainersUseCase.ListContainersQuery;
import dev.car.application.containers.ReapContainersUseCase;
import dev.car.application.containers.ReapContainersUseCase.ReapContainersCommand;
import dev.car.application.containers.ReapContainersUseCase.ReapError;
import dev.car.application.containers.ReapContainersUseCase.ReapReport;
import dev.car.application.containers.ReapContainersUseCase.Reaped;
import dev.car.application.containers.ReapReason;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainersCommandsTest {
    private static final Path HUB = Path.of("/hub");

    private final ListContainersUseCase list = mock(ListContainersUseCase.class);
    private final ReapContainersUseCase reap = mock(ReapContainersUseCase.class);

    private CliHarness cli() {
        return new CliHarness()
                .with(ContainersListCommand.class, new ContainersListCommand(list))
                .with(ContainersReapCommand.class, new ContainersReapCommand(reap));
    }

    private static ContainerListing listing() {
        return new ContainerListing(HUB, List.of(
                new ContainerRow("app", "car-ws-576e8db67800", "busybox:latest", "running",
                        Instant.parse("2026-03-11T17:32:36.123456789Z"), Instant.parse("2026-03-11T17:32:37Z"), null,
                        Drift.NO),
                new ContainerRow("ghost", "shared", "car-test:busybox", "exited",
                        Instant.parse("2026-03-10T08:00:00Z"), Instant.parse("2026-03-10T08:00:01Z"),
                        Instant.parse("2026-03-10T09:30:00Z"), Drift.UNKNOWN),
                new ContainerRow(null, "car-ws-1", null, "created", null, null, null, Drift.YES)));
    }

    @Test
    void listJsonHasTheDocumentedKeysUtcTimesAndNulls() {
        when(list.list(any())).thenReturn(listing());

        CliHarness.Result result = cli().run("hub", "containers", "list", "--json", "--path", "/hub");

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("", result.stderr());
        assertEquals("""
                {
                  "hub_root": "/hub",
                  "containers": [
                    {
                      "repo_id": "app",
                      "name": "car-ws-576e8db67800",
                      "image": "busybox:latest",
                      "state": "running",
                      "created_at": "2026-03-11T17:32:36Z",
                      "started_at": "2026-03-11T17:32:37Z",
                      "finished_at": null,
                      "drift": "no"
                    },
                    {
                      "repo_id": "ghost",
                      "name": "shared",
                      "image": "car-test:busybox",
                      "state": "exited",
                      "created_at": "2026-03-10T08:00:00Z",
                      "started_at": "2026-03-10T08:00:01Z",
                      "finished_at": "2026-03-10T09:30:00Z",
                      "drift": "unknown"
                    },
                    {
                      "repo_id": null,
                      "name": "car-ws-1",
                      "image": null,
                      "state": "created",
                      "created_at": null,
                      "started_at": null,
                      "finished_at": null,
                      "drift": "yes"
                    }
                  ]
                }
                """, result.stdout());
        verify(list).list(new ListContainersQuery(Optional.of(HUB)));
    }

    @Test
    void listTextIsAnAlignedTable() {
        when(list.list(any())).thenReturn(listing());

        CliHarness.Result result = cli().run("hub", "containers", "list");

        assertEquals(0, result.exitCode());
        assertEquals("""
                REPO   NAME                 IMAGE             STATE    CREATED               STARTED               FINISHED              DRIFT
                app    car-ws-576e8db67800  busybox:latest    running  2026-03-11T17:32:36Z  2026-03-11T17:32:37Z  -                     no
                ghost  shared               car-test:busybox  exited   2026-03-10T08:00:00Z  2026-03-10T08:00:01Z  2026-03-10T09:30:00Z  unknown
                -      car-ws-1             -                 created  -                     -                     -                     yes
                """, result.stdout());
        verify(list).list(new ListContainersQuery(Optional.empty()));
    }

    @Test
    void anEmptyListSaysSo() {
        when(list.list(any())).thenReturn(new ContainerListing(HUB, List.of()));

        assertEquals("no managed containers for hub /hub\n", cli().run("hub", "containers", "list").stdout());
        assertEquals("{\n  \"hub_root\": \"/hub\",\n  \"containers\": []\n}\n",
                cli().run("hub", "containers", "list", "--json").stdout());
    }

    @Test
    void anEngineFailureIsOneLineAndExit1() {
        when(list.list(any())).thenThrow(new UseCaseFailure("Docker engine unreachable at unix:///x: refused"));

        CliHarness.Result result = cli().run("hub", "containers", "list");

        assertEquals(1, result.exitCode());
        assertEquals("Docker engine unreachable at unix:///x: refused\n", result.stderr());
    }

    private static ReapReport report(boolean dryRun, List<ReapError> errors) {
        List<Reaped> eligible = List.of(new Reaped("car-ws-a", "app", ReapReason.MISSING_MOUNT),
                new Reaped("car-ws-b", "gone", ReapReason.REPO_REMOVED),
                new Reaped("car-ws-c", "app", ReapReason.STOPPED_TTL));
        List<Reaped> removed = dryRun ? List.of() : errors.isEmpty() ? eligible : eligible.subList(0, 2);
        return new ReapReport(HUB, Duration.ofHours(12), dryRun, 5, eligible, removed, errors);
    }

    @Test
    void reapUsesTwelveHoursByDefaultAndPrintsWhatItRemoved() {
        when(reap.reap(any())).thenReturn(report(false, List.of()));

        CliHarness.Result result = cli().run("hub", "containers", "reap");

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("", result.stderr());
        assertEquals("""
                reap: scanned 5, eligible 3, removed 3, errors 0 (ttl 12h)
                removed car-ws-a (missing_mount, repo app)
                removed car-ws-b (repo_removed, repo gone)
                removed car-ws-c (stopped_ttl, repo app)
                """, result.stdout());
        verify(reap).reap(new ReapContainersCommand(Optional.empty(), Duration.ofHours(12), false));
    }

    @Test
    void reapPassesTheTtlDryRunAndPath() {
        when(reap.reap(any())).thenReturn(report(true, List.of()));

        CliHarness.Result result = cli().run("hub", "containers", "reap", "--ttl", "30s", "--dry-run",
                "--path", "/hub");

        assertEquals(0, result.exitCode());
        assertEquals("""
                reap (dry run): scanned 5, eligible 3 (ttl 12h)
                would remove car-ws-a (missing_mount, repo app)
                would remove car-ws-b (repo_removed, repo gone)
                would remove car-ws-c (stopped_ttl, repo app)
                """, result.stdout());
        verify(reap).reap(new ReapContainersCommand(Optional.of(HUB), Duration.ofSeconds(30), true));
    }

    @Test
    void everyTtlUnitIsAccepted() {
        when(reap.reap(any())).thenReturn(report(true, List.of()));

        for (String ttl : List.of("15m", "12h", "2d")) {
            assertEquals(0, cli().run("hub", "containers", "reap", "--ttl", ttl).exitCode());
        }
        verify(reap).reap(new ReapContainersCommand(Optional.empty(), Duration.ofMinutes(15), false));
        verify(reap).reap(new ReapContainersCommand(Optional.empty(), Duration.ofDays(2), false));
    }

    @Test
    void aBadTtlIsAUsageErrorOnOneLineAndNothingRuns() {
        for (String ttl : List.of("12", "1w", "0h", "-5m", "abc")) {
            CliHarness.Result result = cli().run("hub", "containers", "reap", "--ttl", ttl);

            assertEquals(2, result.exitCode(), ttl);
            assertEquals("", result.stdout());
            assertEquals("car: Invalid TTL '" + ttl + "': expected a positive whole number followed by s, m, h or d "
                    + "(for example 30s, 15m, 12h, 2d) (see 'car hub containers reap --help')\n", result.stderr());
        }
        verifyNoInteractions(reap);
    }

    @Test
    void reapJsonReportsCountsListsAndErrorsAndExits1OnAnyError() {
        when(reap.reap(any())).thenReturn(report(false,
                List.of(new ReapError("car-ws-c", "Cannot remove container 'car-ws-c': busy"))));

        CliHarness.Result result = cli().run("hub", "containers", "reap", "--json");

        assertEquals(1, result.exitCode());
        assertEquals("""
                {
                  "hub_root": "/hub",
                  "dry_run": false,
                  "ttl_seconds": 43200,
                  "scanned": 5,
                  "eligible": 3,
                  "eligible_containers": [
                    {
                      "name": "car-ws-a",
                      "reason": "missing_mount"
                    },
                    {
                      "name": "car-ws-b",
                      "reason": "repo_removed"
                    },
                    {
                      "name": "car-ws-c",
                      "reason": "stopped_ttl"
                    }
                  ],
                  "removed": [
                    {
                      "name": "car-ws-a",
                      "reason": "missing_mount"
                    },
                    {
                      "name": "car-ws-b",
                      "reason": "repo_removed"
                    }
                  ],
                  "errors": [
                    {
                      "name": "car-ws-c",
                      "error": "Cannot remove container 'car-ws-c': busy"
                    }
                  ]
                }
                """, result.stdout());
        assertEquals("Failed to remove 1 of 3 eligible container(s): car-ws-c: Cannot remove container "
                + "'car-ws-c': busy\n", result.stderr());
    }

    @Test
    void reapTextListsErrorsToo() {
        when(reap.reap(any())).thenReturn(report(false,
                List.of(new ReapError("car-ws-c", "Cannot remove container 'car-ws-c': busy"))));

        CliHarness.Result result = cli().run("hub", "containers", "reap");

        assertEquals(1, result.exitCode());
        assertTrue(result.stdout().startsWith("reap: scanned 5, eligible 3, removed 2, errors 1 (ttl 12h)\n"),
                result.stdout());
        assertTrue(result.stdout().endsWith("error car-ws-c: Cannot remove container 'car-ws-c': busy\n"),
                result.stdout());
        assertEquals(1, result.stderr().lines().count());
    }

    @Test
    void containersAloneIsAUsageError() {
        CliHarness.Result result = cli().run("hub", "containers");

        assertEquals(2, result.exitCode());
        assertEquals("car: Missing required subcommand (see 'car hub containers --help')\n", result.stderr());
    }
}
