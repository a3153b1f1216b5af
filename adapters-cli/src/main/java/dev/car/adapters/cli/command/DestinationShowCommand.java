package dev.car.adapters.cli.command;

import dev.car.adapters.cli.output.DestinationOutput;
import dev.car.application.destination.DestinationView;
import dev.car.application.destination.ShowDestinationUseCase;
import dev.car.application.destination.ShowDestinationUseCase.ShowDestinationQuery;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
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

    /** What picocli or {@link DirectCommandLine} parsed: the same for the same command line. */
    record Arguments(Optional<Path> hubPath, String repoId, boolean json) {
    }

    Arguments arguments() {
        return new Arguments(hub.value(), repoId, json);
    }

    @Override
    public Integer call() {
        return run(arguments(), Output.out(spec));
    }

    int run(Arguments arguments, PrintWriter out) {
        DestinationView view = showDestination.show(new ShowDestinationQuery(arguments.hubPath(), arguments.repoId()));
        if (arguments.json()) {
            Output.json(out, DestinationOutput.showJson(view));
        } else {
            Output.text(out, DestinationOutput.showText(view));
        }
        return 0;
    }
}
