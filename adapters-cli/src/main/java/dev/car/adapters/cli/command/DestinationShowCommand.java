package dev.car.adapters.cli.command;

import dev.car.adapters.cli.output.DestinationOutput;
import dev.car.application.destination.DestinationView;
import dev.car.application.destination.ShowDestinationUseCase;
import dev.car.application.destination.ShowDestinationUseCase.ShowDestinationQuery;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show repo destination.")
public final class DestinationShowCommand implements Callable<Integer> {
    private final ShowDestinationUseCase showDestination;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<repo_id>", description = "Repo or worktree id.")
    String repoId;

    @Mixin
    HubPathOption hub;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    public DestinationShowCommand(ShowDestinationUseCase showDestination) {
        this.showDestination = showDestination;
    }

    @Override
    public Integer call() {
        DestinationView view = showDestination.show(new ShowDestinationQuery(hub.value(), repoId));
        if (json) {
            Output.json(spec, DestinationOutput.showJson(view));
        } else {
            Output.text(spec, DestinationOutput.showText(view));
        }
        return 0;
    }
}
