package dev.car.adapters.cli.command;

import dev.car.adapters.cli.output.ContainerOutput;
import dev.car.application.containers.ReapContainersUseCase;
import dev.car.application.containers.ReapContainersUseCase.ReapContainersCommand;
import dev.car.application.containers.ReapContainersUseCase.ReapReport;
import dev.car.application.containers.Ttl;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "reap", mixinStandardHelpOptions = true,
        description = "Remove this hub's managed containers whose bind mount source is gone (missing_mount), whose "
                + "repo left the manifest (repo_removed) or that have been stopped for at least the TTL "
                + "(stopped_ttl). Running ones are stopped first. Other containers are never touched.")
public final class ContainersReapCommand implements Callable<Integer> {
    private final ReapContainersUseCase reapContainers;

    @Spec
    CommandSpec spec;

    @Mixin
    HubPathOption hub;

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "12h",
            description = "How long a stopped container may stay, counted from when it stopped: 30s, 15m, 12h, 2d "
                    + "(default: ${DEFAULT-VALUE}).")
    String ttl;

    @Option(names = "--dry-run", description = "Report what would be removed; remove nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    public ContainersReapCommand(ReapContainersUseCase reapContainers) {
        this.reapContainers = reapContainers;
    }

    @Override
    public Integer call() {
        Duration parsed;
        try {
            parsed = Ttl.parse(ttl);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ReapReport report = reapContainers.reap(new ReapContainersCommand(hub.value(), parsed, dryRun));
        if (json) {
            Output.json(spec, ContainerOutput.reapJson(report));
        } else {
            Output.text(spec, ContainerOutput.reapText(report));
        }
        if (report.failed()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(ContainerOutput.reapFailure(report));
            err.flush();
            return 1;
        }
        return 0;
    }
}
