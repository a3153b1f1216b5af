package dev.car.adapters.cli.command;

import dev.car.application.repo.AddRepoUseCase;
import dev.car.application.repo.AddRepoUseCase.AddRepoCommand;
import dev.car.application.repo.AddRepoUseCase.AddedRepo;
import dev.car.domain.manifest.RepoEntry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "add", mixinStandardHelpOptions = true, description = "Register a folder as a repo or a worktree.")
public final class RepoAddCommand implements Callable<Integer> {
    private final AddRepoUseCase addRepo;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<dir>", description = "The repo's folder.")
    Path directory;

    @Option(names = "--id", paramLabel = "ID", description = "Repo id (default: from the display name or folder name).")
    String id;

    @Option(names = "--worktree-of", paramLabel = "BASE", description = "Register as a worktree of this base repo.")
    String worktreeOf;

    @Option(names = "--branch", paramLabel = "B", description = "Branch of the worktree.")
    String branch;

    @Option(names = "--display-name", paramLabel = "N", description = "Display name.")
    String displayName;

    @Mixin
    HubPathOption hub;

    public RepoAddCommand(AddRepoUseCase addRepo) {
        this.addRepo = addRepo;
    }

    @Override
    public Integer call() {
        AddedRepo added = addRepo.add(new AddRepoCommand(hub.value(), directory, id, worktreeOf, branch, displayName));
        RepoEntry repo = added.repo();
        if (added.created()) {
            String link = repo.worktreeOf() != null ? ", worktree_of=" + repo.worktreeOf() : "";
            Output.text(spec, "repo: added " + repo.id() + " -> " + repo.path() + " (kind=" + repo.kind().wireName()
                    + link + ")\n");
        } else {
            Output.text(spec, "repo: " + repo.id() + " is already registered at " + repo.path() + "\n");
        }
        return 0;
    }
}
