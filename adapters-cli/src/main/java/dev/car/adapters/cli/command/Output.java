package dev.car.adapters.cli.command;

import dev.car.adapters.cli.output.Json;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** Writes a command's result to the stdout picocli was configured with. */
final class Output {
    private Output() {
    }

    static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    static void json(CommandSpec spec, Object value) {
        PrintWriter out = out(spec);
        out.print(Json.pretty(value));
        out.print('\n');
        out.flush();
    }

    static void text(CommandSpec spec, String text) {
        PrintWriter out = out(spec);
        out.print(text);
        out.flush();
    }
}
