package dev.car.adapters.cli.command;

import dev.car.application.hub.InitHubUseCase;
import dev.car.application.hub.InitHubUseCase.InitResult;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Make a folder a hub: .codex-autorunner/config.yml and an empty manifest. Keeps what exists.")
public final class HubInitCommand implements Callable<Integer> {
    private final InitHubUseCase initHub;

    @Spec
    CommandSpec spec;

    @Option(names = "--path", paramLabel = "DIR", description = "Folder to make a hub (default: the current directory).")
    Path path;

    public HubInitCommand(InitHubUseCase initHub) {
        this.initHub = initHub;
    }

    @Override
    public Integer call() {
        InitResult result = initHub.init(Optional.ofNullable(path));
        if (result.configCreated() || result.manifestCreated()) {
            Output.text(spec, "hub: initialized " + result.hubRoot() + " (manifest " + result.manifestPath() + ")\n");
        } else {
            Output.text(spec, "hub: " + result.hubRoot() + " is already initialized\n");
        }
        return 0;
    }
}
