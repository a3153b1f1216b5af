package dev.car.adapters.cli.command;

import dev.car.adapters.cli.output.ContainerOutput;
import dev.car.application.repo.RemoveRepoUseCase;
import dev.car.application.repo.RemoveRepoUseCase.RemoveRepoCommand;
import dev.car.application.repo.RemoveRepoUseCase.RemovedRepo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a repo or worktree from the hub and, when its destination is docker with the default "
                + "container name, the container this hub made for it. A base with worktrees is refused.")
public final class RepoRemoveCommand implements Callable<Integer> {
    private final RemoveRepoUseCase removeRepo;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<id>", description = "Repo or worktree id.")
    String repoId;

    @Option(names = "--keep-container", description = "Leave the repo's container in place.")
    boolean keepContainer;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Mixin
    HubPathOption hub;

    public RepoRemoveCommand(RemoveRepoUseCase removeRepo) {
        this.removeRepo = removeRepo;
    }

    @Override
    public Integer call() {
        RemovedRepo removed = removeRepo.remove(new RemoveRepoCommand(hub.value(), repoId, keepContainer));
        if (json) {
            Output.json(spec, ContainerOutput.removeJson(removed));
        } else {
            Output.text(spec, ContainerOutput.removeText(removed));
        }
        if (removed.container().failed()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(ContainerOutput.removeFailure(removed));
            err.flush();
            return 1;
        }
        return 0;
    }
}
