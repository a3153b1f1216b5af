package dev.car.adapters.cli.command;

import dev.car.application.exec.RunCommand;
import dev.car.application.exec.WrapCommandUseCase;
import dev.car.application.exec.WrapCommandUseCase.WrappedCommand;
import dev.car.domain.container.ShellQuote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "wrap", mixinStandardHelpOptions = true,
        description = "Prepare the repo's destination (container and preflight) and print the command a process "
                + "supervisor should spawn, with the state root override. Passthrough variables appear as "
                + "-e NAME: docker reads their values from the spawning environment.")
public final class DestinationWrapCommand implements Callable<Integer> {
    private final WrapCommandUseCase wrapCommand;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<repo_id>", description = "Repo or worktree id.")
    String repoId;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "<command>", description = "The command, after --.")
    List<String> command = new ArrayList<>();

    @Mixin
    HubPathOption hub;

    @Option(names = "--json", description = "Print {\"command\": [...], \"state_root\": ...}.")
    boolean json;

    public DestinationWrapCommand(WrapCommandUseCase wrapCommand) {
        this.wrapCommand = wrapCommand;
    }

    @Override
    public Integer call() {
        WrappedCommand wrapped = wrapCommand.wrap(new RunCommand(hub.value(), repoId, null, Map.of(), command));
        if (json) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("command", wrapped.command());
            payload.put("state_root", wrapped.stateRoot());
            Output.json(spec, payload);
        } else {
            Output.text(spec, ShellQuote.join(wrapped.command()) + "\n");
        }
        return 0;
    }
}
