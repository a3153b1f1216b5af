package dev.car.bootstrap;

import dev.car.adapters.cli.output.ConsoleStreams;

/** The {@code car} executable. */
public final class CarMain {
    private CarMain() {
    }

    public static void main(String[] args) {
        int exitCode = CarApplication.create().run(args, ConsoleStreams.stdout(), ConsoleStreams.stderr());
        System.exit(exitCode);
    }
}
