package dev.car.adapters.cli;

import dev.car.adapters.cli.command.CommandTree;
import dev.car.adapters.cli.command.DirectCommandLine;
import dev.car.adapters.cli.command.DirectCommandLine.Invocation;
import dev.car.application.UseCaseFailure;
import dev.car.domain.manifest.ManifestException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs one command line. Exit codes: 0 success, 1 failure (one line on stderr), 2 usage error.
 * Stack traces only with {@code --verbose}. The hot command lines skip picocli
 * ({@link DirectCommandLine}).
 */
public final class CarCli {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private final IFactory factory;

    public CarCli(IFactory factory) {
        this.factory = factory;
    }

    /** The whole command tree (help, completion, man pages). */
    public CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configure(CommandTree.full(factory), out, err);
    }

    private CommandLine configure(CommandLine cli, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(CarCli::usageError);
        cli.setExecutionExceptionHandler(CarCli::failure);
        return cli;
    }

    public int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            Optional<Invocation> direct = DirectCommandLine.parse(args);
            if (direct.isPresent()) {
                return runDirect(direct.get(), args, out, err);
            }
            return configure(CommandTree.forArgs(args, factory), out, err).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A hot command line, without picocli; failures end as they would under picocli. */
    private int runDirect(Invocation invocation, String[] args, PrintWriter out, PrintWriter err) {
        try {
            return invocation.run(factory, out, err);
        } catch (Exception e) {
            return failure(e, args, err);
        }
    }

    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("car: " + firstLine(ex.getMessage(), "usage error")
                + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        if (Arrays.asList(args).contains("--verbose")) {
            ex.printStackTrace(err);
        }
        err.flush();
        return EXIT_USAGE;
    }

    private static int failure(Exception ex, CommandLine cmd, ParseResult parseResult) {
        String[] args = parseResult.originalArgs().toArray(new String[0]);
        if (ex instanceof ParameterException usage) {
            return usageError(usage, args);
        }
        return failure(ex, args, cmd.getErr());
    }

    private static int failure(Exception ex, String[] args, PrintWriter err) {
        if (ex instanceof UseCaseFailure || ex instanceof ManifestException) {
            err.println(firstLine(ex.getMessage(), ex.getClass().getSimpleName()));
        } else {
            err.println("car: internal error: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() != null ? ": " + firstLine(ex.getMessage(), "") : ""));
        }
        if (Arrays.asList(args).contains("--verbose")) {
            ex.printStackTrace(err);
        }
        err.flush();
        return EXIT_FAILURE;
    }

    /** Failures are one line: a multi-line message would break scripts that read stderr by line. */
    private static String firstLine(String message, String fallback) {
        return message == null ? fallback : message.lines().findFirst().orElse(fallback);
    }
}
