package dev.car.adapters.cli.command;

import dev.car.adapters.cli.output.TextTable;
import dev.car.application.repo.ListReposUseCase;
import dev.car.application.repo.ListReposUseCase.RepoListing;
import dev.car.application.repo.RepoRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List repos with their effective destination, its source and the number of issues.")
public final class RepoListCommand implements Callable<Integer> {
    private final ListReposUseCase listRepos;

    @Spec
    CommandSpec spec;

    @Mixin
    HubPathOption hub;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    public RepoListCommand(ListReposUseCase listRepos) {
        this.listRepos = listRepos;
    }

    @Override
    public Integer call() {
        RepoListing listing = listRepos.list(hub.value());
        if (json) {
            List<Object> repos = new ArrayList<>();
            for (RepoRow row : listing.rows()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", row.repo().id());
                item.put("kind", row.repo().kind().wireName());
                item.put("path", row.repo().path());
                item.put("worktree_of", row.repo().worktreeOf());
                item.put("effective_destination", row.destination().effective().toMap());
                item.put("source", row.destination().source().wireName());
                item.put("issue_count", row.destination().issues().size());
                repos.add(item);
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("hub_root", listing.hubRoot().toString());
            payload.put("repos", repos);
            payload.put("issues", listing.orphanIssues());
            Output.json(spec, payload);
            return 0;
        }
        StringBuilder out = new StringBuilder();
        if (listing.rows().isEmpty()) {
            out.append("no repos in hub ").append(listing.hubRoot()).append('\n');
        }
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"ID", "KIND", "DESTINATION", "SOURCE", "ISSUES", "PATH"});
        for (RepoRow row : listing.rows()) {
            String kind = row.repo().kind().wireName()
                    + (row.repo().worktreeOf() != null ? " of " + row.repo().worktreeOf() : "");
            table.add(new String[] {row.repo().id(), kind, row.destination().effective().kind(),
                row.destination().source().wireName(), String.valueOf(row.destination().issues().size()),
                row.repo().path()});
        }
        if (table.size() > 1) {
            out.append(TextTable.render(table));
        }
        for (String issue : listing.orphanIssues()) {
            out.append("issue: ").append(issue).append('\n');
        }
        Output.text(spec, out.toString());
        return 0;
    }
}
