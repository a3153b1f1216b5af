package dev.car.adapters.cli.command;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.IFactory;

/**
 * The command lines that supervisors run many times a minute, parsed without picocli: building
 * picocli's model costs a fresh process about 70 ms, more than these commands take to run.
 * <ul>
 * <li>{@code car hub destination show <repo_id> [--json] [--path HUB]}</li>
 * <li>{@code car exec <repo_id> [--workdir DIR] [-e KEY=VALUE]... [--dry-run] [--json] [--path HUB] -- COMMAND...}</li>
 * </ul>
 * The grammar is deliberately narrow: anything else (help and version options; unknown, repeated
 * or attached short options; {@code @}-files; empty values or values that look like options; a
 * missing argument) is left to picocli, which also reports the usage errors. Every line accepted
 * here gives the command the arguments picocli would give it ({@code DirectCommandLineTest} holds
 * the two together on random command lines).
 */
public final class DirectCommandLine {

    /** A parsed hot command, run by the command object the factory creates. */
    public sealed interface Invocation permits ShowDestination, Exec {
        int run(IFactory factory, PrintWriter out, PrintWriter err) throws Exception;
    }

    record ShowDestination(DestinationShowCommand.Arguments arguments) implements Invocation {
        @Override
        public int run(IFactory factory, PrintWriter out, PrintWriter err) throws Exception {
            return factory.create(DestinationShowCommand.class).run(arguments, out);
        }
    }

    record Exec(ExecCommand.Arguments arguments) implements Invocation {
        @Override
        public int run(IFactory factory, PrintWriter out, PrintWriter err) throws Exception {
            return factory.create(ExecCommand.class).run(arguments, out, err);
        }
    }

    /** What an argument was to the options both commands take. */
    private enum Shared { TAKEN, NOT_SHARED, REFUSED }

    private final String[] args;
    private int next;
    private boolean verbose;
    private boolean json;
    private Path hub;

    private DirectCommandLine(String[] args) {
        this.args = args;
    }

    /** The invocation, or empty when picocli is to parse {@code args}. */
    public static Optional<Invocation> parse(String[] args) {
        return Optional.ofNullable(new DirectCommandLine(args).invocation());
    }

    private Invocation invocation() {
        if (word("exec")) {
            return exec();
        }
        if (word("hub") && word("destination") && word("show")) {
            return show();
        }
        return null;
    }

    /** The next command word, after any {@code --verbose} (picocli lets it stand at every level). */
    private boolean word(String expected) {
        while (next < args.length && args[next].equals("--verbose")) {
            if (!verboseOnce()) {
                return false;
            }
            next++;
        }
        if (next < args.length && args[next].equals(expected)) {
            next++;
            return true;
        }
        return false;
    }

    private boolean verboseOnce() {
        boolean first = !verbose;
        verbose = true;
        return first;
    }

    /** {@code --verbose}, {@code --json} and {@code --path}, each at most once: the options both commands take. */
    private Shared sharedOption(String arg) {
        if (arg.equals("--verbose")) {
            return verboseOnce() ? Shared.TAKEN : Shared.REFUSED;
        }
        if (arg.equals("--json")) {
            if (json) {
                return Shared.REFUSED;
            }
            json = true;
            return Shared.TAKEN;
        }
        if (arg.equals("--path") || arg.startsWith("--path=")) {
            if (hub != null) {
                return Shared.REFUSED;
            }
            hub = path(value(arg, "--path"));
            return hub == null ? Shared.REFUSED : Shared.TAKEN;
        }
        return Shared.NOT_SHARED;
    }

    private Invocation show() {
        String repoId = null;
        while (next < args.length) {
            String arg = args[next++];
            Shared shared = sharedOption(arg);
            if (shared == Shared.REFUSED) {
                return null;
            }
            if (shared == Shared.NOT_SHARED) {
                if (repoId != null || !isPlain(arg)) {
                    return null;
                }
                repoId = arg;
            }
        }
        return repoId == null ? null
                : new ShowDestination(new DestinationShowCommand.Arguments(Optional.ofNullable(hub), repoId, json));
    }

    private Invocation exec() {
        String repoId = null;
        String workdir = null;
        List<String> env = new ArrayList<>();
        boolean dryRun = false;
        while (next < args.length) {
            String arg = args[next++];
            Shared shared = sharedOption(arg);
            if (shared == Shared.REFUSED) {
                return null;
            }
            if (shared == Shared.TAKEN) {
                continue;
            }
            if (arg.equals("--")) {
                List<String> command = Arrays.asList(args).subList(next, args.length);
                if (repoId == null || command.isEmpty() || anyAtFile(command)) {
                    return null;
                }
                return new Exec(new ExecCommand.Arguments(Optional.ofNullable(hub), repoId, workdir, List.copyOf(env),
                        dryRun, json, List.copyOf(command)));
            } else if (arg.equals("--dry-run")) {
                if (dryRun) {
                    return null;
                }
                dryRun = true;
            } else if (arg.equals("--workdir") || arg.startsWith("--workdir=")) {
                if (workdir != null || (workdir = value(arg, "--workdir")) == null) {
                    return null;
                }
            } else if (arg.equals("-e") || arg.equals("--env") || arg.startsWith("--env=")) {
                String entry = value(arg, "--env");
                if (entry == null || !ExecCommand.isEnvEntry(entry)) {
                    return null;
                }
                env.add(entry);
            } else if (repoId == null && isPlain(arg)) {
                repoId = arg;
            } else {
                return null;
            }
        }
        return null; // no "--": picocli decides what the words after the repo id are
    }

    /**
     * The value of an option given as {@code --name=value} or as {@code --name value}; null when it
     * is missing, empty or could be read as an option or an @-file.
     */
    private String value(String arg, String longName) {
        String value;
        if (arg.startsWith(longName + "=")) {
            value = arg.substring(longName.length() + 1);
        } else if (next < args.length) {
            value = args[next++];
        } else {
            return null;
        }
        return isPlain(value) ? value : null;
    }

    private static Path path(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static boolean anyAtFile(List<String> words) {
        for (String word : words) {
            if (word.startsWith("@")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPlain(String arg) {
        return !arg.isEmpty() && arg.charAt(0) != '-' && arg.charAt(0) != '@';
    }
}
