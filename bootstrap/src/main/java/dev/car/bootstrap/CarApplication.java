package dev.car.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import dev.car.adapters.cli.CarCli;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Wires car; tests pass override modules to swap adapters. */
public final class CarApplication {
    private final CarCli cli;

    private CarApplication(Injector injector) {
        this.cli = new CarCli(new GuiceCommandFactory(injector));
    }

    public static CarApplication create(Module... overrides) {
        Module module = overrides.length == 0 ? new CarModule() : Modules.override(new CarModule()).with(overrides);
        return new CarApplication(Guice.createInjector(Stage.DEVELOPMENT, module));
    }

    /** The command tree, for generating completion and man pages from it. */
    public CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return cli.commandLine(out, err);
    }

    public int run(String[] args, PrintWriter out, PrintWriter err) {
        return cli.run(args, out, err);
    }
}
