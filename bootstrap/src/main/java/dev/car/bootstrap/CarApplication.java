package dev.car.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import dev.car.adapters.cli.CarCli;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Wires car; tests pass override modules to swap adapters. */
public final class CarApplication {
    private final CarCli cli;

    private CarApplication(IFactory commands) {
        this.cli = new CarCli(commands);
    }

    /**
     * Without overrides, the production wiring: Guice is created only for commands outside the hot
     * path. With overrides (tests swapping adapters), every command comes from the overridden injector.
     */
    public static CarApplication create(Module... overrides) {
        if (overrides.length == 0) {
            return new CarApplication(new ProductionCommandFactory());
        }
        return new CarApplication(new GuiceCommandFactory(injector(Modules.override(new CarModule()).with(overrides))));
    }

    /** The one way car creates its injector: lazy singletons, so a command builds only what it uses. */
    static Injector injector(Module module) {
        return Guice.createInjector(Stage.DEVELOPMENT, module);
    }

    /** The command tree, for generating completion and man pages from it. */
    public CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return cli.commandLine(out, err);
    }

    public int run(String[] args, PrintWriter out, PrintWriter err) {
        return cli.run(args, out, err);
    }
}
