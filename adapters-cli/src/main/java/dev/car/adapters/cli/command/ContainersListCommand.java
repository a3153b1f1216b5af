package dev.car.adapters.cli.command;

import dev.car.adapters.cli.output.ContainerOutput;
import dev.car.application.containers.ListContainersUseCase;
import dev.car.application.containers.ListContainersUseCase.ContainerListing;
import dev.car.application.containers.ListContainersUseCase.ListContainersQuery;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List this hub's managed containers: repo, state, times and whether the destination changed "
                + "since the container was made (drift). Starts and changes nothing.")
public final class ContainersListCommand implements Callable<Integer> {
    private final ListContainersUseCase listContainers;

    @Spec
    CommandSpec spec;

    @Mixin
    HubPathOption hub;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    public ContainersListCommand(ListContainersUseCase listContainers) {
        this.listContainers = listContainers;
    }

    @Override
    public Integer call() {
        ContainerListing listing = listContainers.list(new ListContainersQuery(hub.value()));
        if (json) {
            Output.json(spec, ContainerOutput.listJson(listing));
        } else {
            Output.text(spec, ContainerOutput.listText(listing));
        }
        return 0;
    }
}
