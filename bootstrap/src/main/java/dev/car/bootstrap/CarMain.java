package dev.car.bootstrap;

import dev.car.adapters.cli.output.ConsoleStreams;
import java.io.PrintWriter;

/** The {@code car} executable. */
public final class CarMain {
    private CarMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, ConsoleStreams.stdout(), ConsoleStreams.stderr()));
    }

    /** One run of the production wiring; the archive's training runs go through here too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return CarApplication.create().run(args, out, err);
    }
}
