package dev.car.adapters.cli.command;

import dev.car.adapters.cli.output.ExecPlanOutput;
import dev.car.application.exec.ExecFailure;
import dev.car.application.exec.ExecPlan;
import dev.car.application.exec.RunCommand;
import dev.car.application.exec.RunCommandUseCase;
import dev.car.application.exec.StdStreams;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "exec", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a command in the repo's effective destination, like `docker exec -i`: streams pass "
                + "through, the exit code is the command's, 125 when car or the engine failed before it ran.",
        footerHeading = "%n",
        footer = {"Example:", "  car exec <repo_id> -- git status", "  echo hi | car exec <repo_id> -- cat"})
public final class ExecCommand implements Callable<Integer> {
    private final RunCommandUseCase runCommand;
    private final StdStreams streams;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<repo_id>", description = "Repo or worktree id.")
    String repoId;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "<command>", description = "The command, after --.")
    List<String> command = new ArrayList<>();

    @Option(names = "--workdir", paramLabel = "DIR", description = "Working directory (default: the destination's workdir, else the repo root).")
    String workdir;

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Set a variable for the command (repeatable).")
    List<String> env = new ArrayList<>();

    @Option(names = "--dry-run", description = "Print the plan (secrets as ***) without touching the engine.")
    boolean dryRun;

    @Option(names = "--json", description = "With --dry-run: print the plan as JSON.")
    boolean json;

    @Mixin
    HubPathOption hub;

    public ExecCommand(RunCommandUseCase runCommand, StdStreams streams) {
        this.runCommand = runCommand;
        this.streams = streams;
    }

    /** What picocli or {@link DirectCommandLine} parsed: the same for the same command line. */
    record Arguments(Optional<Path> hubPath, String repoId, String workdir, List<String> env, boolean dryRun,
            boolean json, List<String> command) {
    }

    Arguments arguments() {
        return new Arguments(hub.value(), repoId, workdir, List.copyOf(env), dryRun, json, List.copyOf(command));
    }

    @Override
    public Integer call() {
        for (String entry : env) {
            if (!isEnvEntry(entry)) {
                throw new ParameterException(spec.commandLine(),
                        "Invalid -e value: '" + entry + "'. Expected format KEY=VALUE");
            }
        }
        return run(arguments(), Output.out(spec), Output.err(spec));
    }

    /** Runs the command; every {@code -e} value has passed {@link #isEnvEntry}. */
    int run(Arguments arguments, PrintWriter out, PrintWriter err) {
        Map<String, String> extraEnv = envMap(arguments.env());
        try {
            RunCommand run = new RunCommand(arguments.hubPath(), arguments.repoId(), arguments.workdir(), extraEnv,
                    arguments.command());
            if (arguments.dryRun()) {
                ExecPlan plan = runCommand.plan(run);
                if (arguments.json()) {
                    Output.json(out, ExecPlanOutput.json(plan, extraEnv));
                } else {
                    Output.text(out, ExecPlanOutput.text(plan, extraEnv));
                }
                return 0;
            }
            return runCommand.run(run, streams);
        } catch (ExecFailure e) {
            err.println(e.getMessage());
            err.flush();
            return ExecFailure.EXIT_CODE;
        }
    }

    static boolean isEnvEntry(String entry) {
        return entry.indexOf('=') > 0;
    }

    /** {@code KEY=VALUE} entries; a later key wins. */
    private static Map<String, String> envMap(List<String> entries) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            parsed.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return parsed;
    }
}
