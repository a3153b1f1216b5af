package dev.car.adapters.cli.command;

import dev.car.adapters.cli.output.DestinationOutput;
import dev.car.application.destination.DestinationView;
import dev.car.application.destination.UnsetDestinationUseCase;
import dev.car.application.destination.UnsetDestinationUseCase.UnsetDestinationCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "unset", mixinStandardHelpOptions = true,
        description = "Remove the repo's own destination: a worktree then inherits its base's, anything else runs "
                + "locally by default.")
public final class DestinationUnsetCommand implements Callable<Integer> {
    private final UnsetDestinationUseCase unsetDestination;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<repo_id>", description = "Repo or worktree id.")
    String repoId;

    @Mixin
    HubPathOption hub;

    @Option(names = "--json", description = "Print JSON (the keys of set).")
    boolean json;

    public DestinationUnsetCommand(UnsetDestinationUseCase unsetDestination) {
        this.unsetDestination = unsetDestination;
    }

    @Override
    public Integer call() {
        DestinationView view = unsetDestination.unset(new UnsetDestinationCommand(hub.value(), repoId));
        if (json) {
            Output.json(spec, DestinationOutput.setJson(view));
        } else {
            Output.text(spec, DestinationOutput.setText(view));
        }
        return 0;
    }
}
