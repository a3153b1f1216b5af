package dev.car.adapters.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Command groups: they only hold subcommands (see {@code CommandTree}); called alone they are a usage error. */
public final class Groups {
    private Groups() {
    }

    abstract static class Group implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw new ParameterException(spec.commandLine(), "Missing required subcommand");
        }
    }

    @Command(name = "hub", mixinStandardHelpOptions = true, description = "Manage the hub: repos and their destinations.")
    public static final class Hub extends Group {
    }

    @Command(name = "repo", mixinStandardHelpOptions = true, description = "Register, list and remove repos and worktrees.")
    public static final class Repo extends Group {
    }

    @Command(name = "destination", mixinStandardHelpOptions = true,
            description = "Show or set where a repo's agent backends run.")
    public static final class Destination extends Group {
    }
}
