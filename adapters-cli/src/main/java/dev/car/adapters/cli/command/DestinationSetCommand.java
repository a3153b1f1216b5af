package dev.car.adapters.cli.command;

import dev.car.adapters.cli.input.JsonInput;
import dev.car.adapters.cli.output.DestinationOutput;
import dev.car.application.destination.ApiDestinationRequest;
import dev.car.application.destination.DestinationRequest;
import dev.car.application.destination.DestinationView;
import dev.car.application.destination.FlagDestinationRequest;
import dev.car.application.destination.SetDestinationUseCase;
import dev.car.application.destination.SetDestinationUseCase.SetDestinationCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "set", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Set repo destination.",
        footerHeading = "%n",
        footer = {"Example:",
            "  car hub destination set <repo_id> docker --image <image>",
            "  car hub destination set <repo_id> local",
            "  car hub destination set <repo_id> --from-json request.json"})
public final class DestinationSetCommand implements Callable<Integer> {
    private final SetDestinationUseCase setDestination;
    private final JsonInput jsonInput;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<repo_id>", description = "Repo or worktree id.")
    String repoId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<kind>", description = "local or docker.")
    String kind;

    @Option(names = "--image", paramLabel = "IMAGE", description = "Docker image.")
    String image;

    @Option(names = "--name", paramLabel = "NAME", description = "Container name (default car-ws-<id of the repo path>).")
    String name;

    @Option(names = "--env", paramLabel = "PATTERN", description = "Passthrough env pattern, e.g. CAR_* (repeatable).")
    List<String> env = new ArrayList<>();

    @Option(names = "--env-map", paramLabel = "KEY=VALUE", description = "Explicit env value (repeatable).")
    List<String> envMap = new ArrayList<>();

    @Option(names = "--mount", paramLabel = "SRC:TGT", description = "Bind mount (repeatable).")
    List<String> mounts = new ArrayList<>();

    @Option(names = "--mount-ro", paramLabel = "SRC:TGT", description = "Read-only bind mount (repeatable).")
    List<String> readOnlyMounts = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Docker profile (full-dev).")
    String profile;

    @Option(names = "--workdir", paramLabel = "DIR", description = "Working directory in the container.")
    String workdir;

    @Option(names = "--from-json", paramLabel = "FILE|-",
            description = "Read the destination from a JSON request body (the web API's shape); - reads stdin.")
    String fromJson;

    @Mixin
    HubPathOption hub;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    public DestinationSetCommand(SetDestinationUseCase setDestination, JsonInput jsonInput) {
        this.setDestination = setDestination;
        this.jsonInput = jsonInput;
    }

    @Override
    public Integer call() {
        DestinationView view = setDestination.set(new SetDestinationCommand(hub.value(), repoId, request()));
        if (json) {
            Output.json(spec, DestinationOutput.setJson(view));
        } else {
            Output.text(spec, DestinationOutput.setText(view));
        }
        return 0;
    }

    private DestinationRequest request() {
        if (fromJson != null) {
            boolean flagsGiven = kind != null || image != null || name != null || profile != null || workdir != null
                    || !env.isEmpty() || !envMap.isEmpty() || !mounts.isEmpty() || !readOnlyMounts.isEmpty();
            if (flagsGiven) {
                throw new ParameterException(spec.commandLine(),
                        "--from-json cannot be combined with <kind> or destination flags");
            }
            return new ApiDestinationRequest(jsonInput.read(fromJson));
        }
        if (kind == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: '<kind>' (or --from-json)");
        }
        return new FlagDestinationRequest(kind, image, name, env, envMap, mounts, readOnlyMounts, profile, workdir);
    }
}
