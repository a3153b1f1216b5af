package dev.car.adapters.cli.output;

import dev.car.application.containers.ContainerRow;
import dev.car.application.containers.ListContainersUseCase.ContainerListing;
import dev.car.application.containers.ReapContainersUseCase.ReapError;
import dev.car.application.containers.ReapContainersUseCase.ReapReport;
import dev.car.application.containers.ReapContainersUseCase.Reaped;
import dev.car.application.containers.Ttl;
import dev.car.application.repo.ContainerCleanup;
import dev.car.application.repo.RemoveRepoUseCase.RemovedRepo;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** JSON payloads and text of {@code car hub containers list|reap} and {@code car hub repo remove}. */
public final class ContainerOutput {
    private static final String NONE = "-";

    private ContainerOutput() {
    }

    /** ISO-8601 in UTC to the second ({@code 2026-03-11T17:32:36Z}), or null. */
    public static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static Map<String, Object> listJson(ContainerListing listing) {
        List<Object> containers = new ArrayList<>();
        for (ContainerRow row : listing.containers()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("repo_id", row.repoId());
            item.put("name", row.name());
            item.put("image", row.image());
            item.put("state", row.state());
            item.put("created_at", time(row.createdAt()));
            item.put("started_at", time(row.startedAt()));
            item.put("finished_at", time(row.finishedAt()));
            item.put("drift", row.drift().wireName());
            containers.add(item);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("hub_root", listing.hubRoot().toString());
        payload.put("containers", containers);
        return payload;
    }

    public static String listText(ContainerListing listing) {
        if (listing.containers().isEmpty()) {
            return "no managed containers for hub " + listing.hubRoot() + "\n";
        }
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"REPO", "NAME", "IMAGE", "STATE", "CREATED", "STARTED", "FINISHED", "DRIFT"});
        for (ContainerRow row : listing.containers()) {
            table.add(new String[] {orNone(row.repoId()), row.name(), orNone(row.image()), row.state(),
                orNone(time(row.createdAt())), orNone(time(row.startedAt())), orNone(time(row.finishedAt())),
                row.drift().wireName()});
        }
        return TextTable.render(table);
    }

    public static Map<String, Object> reapJson(ReapReport report) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("hub_root", report.hubRoot().toString());
        payload.put("dry_run", report.dryRun());
        payload.put("ttl_seconds", report.ttl().getSeconds());
        payload.put("scanned", report.scanned());
        payload.put("eligible", report.eligible().size());
        payload.put("eligible_containers", reaped(report.eligible()));
        payload.put("removed", reaped(report.removed()));
        List<Object> errors = new ArrayList<>();
        for (ReapError error : report.errors()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", error.name());
            item.put("error", error.error());
            errors.add(item);
        }
        payload.put("errors", errors);
        return payload;
    }

    private static List<Object> reaped(List<Reaped> containers) {
        List<Object> items = new ArrayList<>();
        for (Reaped container : containers) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", container.name());
            item.put("reason", container.reason().wireName());
            items.add(item);
        }
        return items;
    }

    public static String reapText(ReapReport report) {
        StringBuilder out = new StringBuilder();
        String ttl = " (ttl " + Ttl.format(report.ttl()) + ")";
        if (report.dryRun()) {
            out.append("reap (dry run): scanned ").append(report.scanned()).append(", eligible ")
                    .append(report.eligible().size()).append(ttl).append('\n');
            for (Reaped container : report.eligible()) {
                out.append("would remove ").append(describe(container)).append('\n');
            }
            return out.toString();
        }
        out.append("reap: scanned ").append(report.scanned()).append(", eligible ").append(report.eligible().size())
                .append(", removed ").append(report.removed().size()).append(", errors ")
                .append(report.errors().size()).append(ttl).append('\n');
        for (Reaped container : report.removed()) {
            out.append("removed ").append(describe(container)).append('\n');
        }
        for (ReapError error : report.errors()) {
            out.append("error ").append(error.name()).append(": ").append(error.error()).append('\n');
        }
        return out.toString();
    }

    /** The one stderr line of a reap that had errors. */
    public static String reapFailure(ReapReport report) {
        return "Failed to remove " + report.errors().size() + " of " + report.eligible().size()
                + " eligible container(s): " + report.errors().stream()
                        .map(error -> error.name() + ": " + error.error())
                        .collect(Collectors.joining("; "));
    }

    private static String describe(Reaped container) {
        return container.name() + " (" + container.reason().wireName()
                + (container.repoId() != null ? ", repo " + container.repoId() : "") + ")";
    }

    public static Map<String, Object> removeJson(RemovedRepo removed) {
        ContainerCleanup cleanup = removed.container();
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", cleanup.name());
        container.put("status", cleanup.status().wireName());
        container.put("message", cleanup.message());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("repo_id", removed.repoId());
        payload.put("container", container);
        return payload;
    }

    public static String removeText(RemovedRepo removed) {
        return "repo: removed " + removed.repoId() + " (container: " + removed.container().status().wireName() + ")\n";
    }

    /** The one stderr line when the entry went but its container could not be cleaned up. */
    public static String removeFailure(RemovedRepo removed) {
        return "Repo '" + removed.repoId() + "' was removed, but its container '" + removed.container().name()
                + "' could not be: " + removed.container().message();
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? NONE : value;
    }
}
