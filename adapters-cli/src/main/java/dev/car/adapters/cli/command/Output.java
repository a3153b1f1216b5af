package dev.car.adapters.cli.command;

import dev.car.adapters.cli.output.Json;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** Writes a command's result to the stdout picocli was configured with, or the one it is handed. */
final class Output {
    private Output() {
    }

    static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    static PrintWriter err(CommandSpec spec) {
        return spec.commandLine().getErr();
    }

    static void json(CommandSpec spec, Object value) {
        json(out(spec), value);
    }

    static void json(PrintWriter out, Object value) {
        out.print(Json.pretty(value));
        out.print('\n');
        out.flush();
    }

    static void text(CommandSpec spec, String text) {
        text(out(spec), text);
    }

    static void text(PrintWriter out, String text) {
        out.print(text);
        out.flush();
    }
}
