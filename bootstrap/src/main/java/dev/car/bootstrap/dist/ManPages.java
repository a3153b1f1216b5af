package dev.car.bootstrap.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * troff man pages (section 1) for every command, from picocli's model of the command tree, so they
 * cannot drift from the real options. One page per command: {@code car-hub-destination-set.1}.
 */
final class ManPages {
    private ManPages() {
    }

    static void write(CommandLine root, Path directory) throws IOException {
        Files.createDirectories(directory);
        writeTree(root, directory);
    }

    private static void writeTree(CommandLine command, Path directory) throws IOException {
        CommandSpec spec = command.getCommandSpec();
        if (!spec.usageMessage().hidden()) {
            String page = spec.qualifiedName("-");
            Files.writeString(directory.resolve(page + ".1"), page(spec, page));
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            if (sub.getCommandName().equals(sub.getCommandSpec().name())) {
                writeTree(sub, directory);
            }
        }
    }

    private static String page(CommandSpec spec, String page) {
        StringBuilder out = new StringBuilder();
        String version = spec.root().version().length > 0 ? spec.root().version()[0] : "car";
        out.append(".TH \"").append(page.toUpperCase(Locale.ROOT)).append("\" \"1\" \"")
                .append(LocalDate.now(ZoneOffset.UTC)).append("\" \"").append(escape(version)).append("\" \"car manual\"\n");
        out.append(".SH NAME\n").append(escape(page)).append(" \\- ")
                .append(escape(firstSentence(String.join(" ", spec.usageMessage().description())))).append('\n');
        out.append(".SH SYNOPSIS\n.nf\n").append(escape(synopsis(spec))).append("\n.fi\n");
        out.append(".SH DESCRIPTION\n").append(escape(String.join(" ", spec.usageMessage().description()))).append('\n');
        List<PositionalParamSpec> positionals = spec.positionalParameters();
        if (!positionals.isEmpty()) {
            out.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec positional : positionals) {
                item(out, positional.paramLabel(), positional);
            }
        }
        if (!spec.options().isEmpty()) {
            out.append(".SH OPTIONS\n");
            for (OptionSpec option : spec.options()) {
                if (!option.hidden()) {
                    String label = String.join(", ", option.names())
                            + (option.typeInfo().isBoolean() ? "" : " " + option.paramLabel());
                    item(out, label, option);
                }
            }
        }
        if (!spec.subcommands().isEmpty()) {
            out.append(".SH COMMANDS\n");
            spec.subcommands().forEach((name, sub) -> {
                if (name.equals(sub.getCommandSpec().name())) {
                    out.append(".TP\n\\fB").append(escape(name)).append("\\fR\n")
                            .append(escape(String.join(" ", sub.getCommandSpec().usageMessage().description())))
                            .append('\n');
                }
            });
        }
        if (spec.usageMessage().footer().length > 0) {
            out.append(".SH EXAMPLES\n.nf\n");
            for (String line : spec.usageMessage().footer()) {
                if (!line.isBlank() && !line.equals("Example:")) {
                    out.append(escape(line.strip())).append('\n');
                }
            }
            out.append(".fi\n");
        }
        out.append(".SH SEE ALSO\n\\fBcar\\fR(1)\n");
        return out.toString();
    }

    private static void item(StringBuilder out, String label, ArgSpec arg) {
        out.append(".TP\n\\fB").append(escape(label)).append("\\fR\n")
                .append(escape(String.join(" ", arg.description()))).append('\n');
    }

    private static String synopsis(CommandSpec spec) {
        return new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .synopsis(0).strip();
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text.replaceAll("\\.$", "") : text.substring(0, end);
    }

    /** troff: backslashes doubled, hyphens as \-, lines must not start with a dot or quote. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        StringBuilder out = new StringBuilder();
        for (String line : escaped.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            if (line.startsWith(".") || line.startsWith("'")) {
                out.append("\\&");
            }
            out.append(line);
        }
        return out.toString();
    }
}
