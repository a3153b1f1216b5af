package dev.car.adapters.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.car.adapters.cli.CarCli;
import dev.car.adapters.cli.command.DirectCommandLine.Exec;
import dev.car.adapters.cli.command.DirectCommandLine.Invocation;
import dev.car.adapters.cli.command.DirectCommandLine.ShowDestination;
import dev.car.application.UseCaseFailure;
import dev.car.application.destination.DestinationView;
import dev.car.application.destination.ShowDestinationUseCase;
import dev.car.application.exec.ExecFailure;
import dev.car.application.exec.RunCommandUseCase;
import dev.car.application.exec.StdStreams;
import dev.car.domain.destination.LocalDestination;
import dev.car.domain.manifest.ManifestException;
import dev.car.domain.manifest.RepoKind;
import dev.car.domain.resolution.DestinationSource;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The hot command lines parsed without picocli must mean exactly what picocli makes of them, and
 * run to the same output and exit code; everything else must be left to picocli.
 */
class DirectCommandLineTest {

    private static final long SEED = 20261204L;

    /** Builds every command with mocked use cases, so that picocli can build the whole tree. */
    private static IFactory mockingFactory(Function<Class<?>, Object> overrides) {
        return new IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                Object override = overrides.apply(type);
                if (override != null) {
                    return type.cast(override);
                }
                Constructor<?>[] constructors = type.getConstructors();
                if (constructors.length != 1 || constructors[0].getParameterCount() == 0) {
                    return CommandLine.defaultFactory().create(type);
                }
                Class<?>[] parameters = constructors[0].getParameterTypes();
                Object[] arguments = new Object[parameters.length];
                for (int i = 0; i < parameters.length; i++) {
                    arguments[i] = mock(parameters[i]);
                }
                return type.cast(constructors[0].newInstance(arguments));
            }
        };
    }

    /** What picocli parses from the line: the arguments of the command it would run, or why not. */
    private static Object picocliReading(String[] args) {
        CommandLine tree = CommandTree.full(mockingFactory(type -> null));
        ParseResult result;
        try {
            result = tree.parseArgs(args);
        } catch (ParameterException e) {
            return "usage error: " + e.getMessage();
        }
        ParseResult leaf = result;
        while (leaf.subcommand() != null) {
            if (leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) {
                return "help";
            }
            leaf = leaf.subcommand();
        }
        if (leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) {
            return "help";
        }
        Object command = leaf.commandSpec().userObject();
        if (command instanceof DestinationShowCommand show) {
            return new ShowDestination(show.arguments());
        }
        if (command instanceof ExecCommand exec) {
            if (!exec.arguments().env().stream().allMatch(ExecCommand::isEnvEntry)) {
                return "usage error: -e";
            }
            return new Exec(exec.arguments());
        }
        return command.getClass().getSimpleName();
    }

    @Test
    void everyLineTakenDirectlyMeansWhatPicocliReadsFromIt() {
        Random random = new Random(SEED);
        List<String> options = List.of("--json", "--path", "--path=/hub", "--path=", "/hub", "--verbose", "-h",
                "--help", "-V", "--version", "--dry-run", "--workdir", "--workdir=/w", "/w", "-e", "--env", "--env=B=2",
                "-eA=1", "A=1", "=x", "B=", "-x", "--jso", "--json=true", "r0", "wt-1", "@args", "", "show", "exec",
                "hub", "--", "-");
        List<String> commandWords = List.of("true", "sh", "-c", "echo hi", "--", "--json", "-e", "@file", "", "r0");
        int taken = 0;
        for (int i = 0; i < 20_000; i++) {
            List<String> line = new ArrayList<>();
            if (random.nextInt(8) == 0) {
                line.add("--verbose");
            }
            switch (random.nextInt(6)) {
                case 0, 1, 2 -> line.add("exec");
                case 3, 4 -> line.addAll(List.of("hub", "destination", "show"));
                default -> line.addAll(List.of("hub", random.nextBoolean() ? "--verbose" : "destination", "show"));
            }
            for (int n = random.nextInt(7); n > 0; n--) {
                line.add(options.get(random.nextInt(options.size())));
            }
            if (random.nextInt(3) > 0) {
                line.add(random.nextInt(4) == 0 ? "" : "r" + random.nextInt(3));
            }
            if (random.nextInt(4) > 0) {
                line.add("--");
                for (int n = random.nextInt(4); n > 0; n--) {
                    line.add(commandWords.get(random.nextInt(commandWords.size())));
                }
            }
            String[] args = line.toArray(new String[0]);

            Optional<Invocation> direct = DirectCommandLine.parse(args);

            if (direct.isPresent()) {
                taken++;
                assertEquals(picocliReading(args), direct.get(), () -> "for " + List.of(args));
            }
        }
        int directly = taken;
        assertTrue(directly > 500, () -> "random lines taken directly: " + directly);
    }

    @Test
    void theUsualHotLinesAreTakenDirectly() {
        List<String[]> lines = List.of(
                new String[] {"hub", "destination", "show", "r0"},
                new String[] {"hub", "destination", "show", "r0", "--json", "--path", "/hub"},
                new String[] {"--verbose", "hub", "destination", "show", "--path=/hub", "r0--wt", "--json"},
                new String[] {"exec", "r0", "--", "true"},
                new String[] {"exec", "r0", "--path", "/hub", "-e", "A=1", "--env", "B=", "--env=C=x=y", "--workdir",
                    "/w", "--", "sh", "-c", "echo \"$A\"", "--json"},
                new String[] {"exec", "--dry-run", "--json", "r0", "--verbose", "--", "@not-a-file-here"});
        for (String[] args : lines) {
            Optional<Invocation> direct = DirectCommandLine.parse(args);
            if (args[args.length - 1].startsWith("@")) {
                assertFalse(direct.isPresent(), "@-files are picocli's");
                continue;
            }
            assertTrue(direct.isPresent(), () -> "not taken: " + List.of(args));
            assertEquals(picocliReading(args), direct.get());
        }
    }

    @Test
    void helpVersionUsageErrorsAndOtherCommandsAreLeftToPicocli() {
        List<String[]> lines = List.of(
                new String[] {"hub", "destination", "show", "--help"},
                new String[] {"hub", "destination", "show", "r0", "-h"},
                new String[] {"--version"},
                new String[] {"hub", "destination", "show"},
                new String[] {"hub", "destination", "show", "r0", "r1"},
                new String[] {"hub", "destination", "show", "r0", "--json", "--json"},
                new String[] {"hub", "destination", "show", "r0", "--path"},
                new String[] {"hub", "destination", "show", "r0", "--path", "--json"},
                new String[] {"hub", "destination", "show", "-r0"},
                new String[] {"hub", "destination", "set", "r0", "local"},
                new String[] {"hub", "--path", "/hub", "destination", "show", "r0"},
                new String[] {"exec", "r0", "true"},
                new String[] {"exec", "r0", "--"},
                new String[] {"exec", "--", "r0", "true"},
                new String[] {"exec", "r0", "-e", "NOEQUALS", "--", "true"},
                new String[] {"exec", "r0", "-e", "=x", "--", "true"},
                new String[] {"exec", "r0", "-eA=1", "--", "true"},
                new String[] {"exec", "r0", "--workdir", "--", "true"},
                new String[] {"exec", "@args"},
                new String[] {"--verbose", "--verbose", "exec", "r0", "--", "true"},
                new String[] {});
        for (String[] args : lines) {
            assertFalse(DirectCommandLine.parse(args).isPresent(), () -> "taken: " + List.of(args));
        }
    }

    /** The same line, through the direct path ({@link CarCli#run}) and through picocli's whole tree. */
    private static void assertSameRun(IFactory factory, String... args) {
        StringWriter directOut = new StringWriter();
        StringWriter directErr = new StringWriter();
        int direct = new CarCli(factory).run(args, new PrintWriter(directOut), new PrintWriter(directErr));
        StringWriter picocliOut = new StringWriter();
        StringWriter picocliErr = new StringWriter();
        CarCli cli = new CarCli(factory);
        int picocli = cli.commandLine(new PrintWriter(picocliOut), new PrintWriter(picocliErr)).execute(args);

        assertTrue(DirectCommandLine.parse(args).isPresent(), () -> "not taken: " + List.of(args));
        assertEquals(picocli, direct, () -> "exit code of " + List.of(args));
        assertEquals(picocliOut.toString(), directOut.toString(), () -> "stdout of " + List.of(args));
        List<String> picocliLines = picocliErr.toString().lines().toList();
        List<String> directLines = directErr.toString().lines().toList();
        if (List.of(args).contains("--verbose")) { // stack traces: the same first line, frames differ
            assertEquals(picocliLines.isEmpty(), directLines.isEmpty(), () -> "stderr of " + List.of(args));
            if (!picocliLines.isEmpty()) {
                assertEquals(picocliLines.get(0), directLines.get(0), () -> "stderr of " + List.of(args));
                assertEquals(picocliLines.size() > 1, directLines.size() > 1, () -> "stack trace of " + List.of(args));
            }
        } else {
            assertEquals(picocliLines, directLines, () -> "stderr of " + List.of(args));
        }
    }

    @Test
    void showRunsAndFailsAsUnderPicocli() {
        ShowDestinationUseCase show = mock(ShowDestinationUseCase.class);
        IFactory factory = mockingFactory(type -> type == DestinationShowCommand.class ? new DestinationShowCommand(show) : null);
        when(show.show(any())).thenReturn(new DestinationView("r0", RepoKind.BASE, null, java.util.Map.of("kind", "local"),
                new LocalDestination(), DestinationSource.REPO, List.of("an issue")));
        assertSameRun(factory, "hub", "destination", "show", "r0", "--json", "--path", "/hub");
        assertSameRun(factory, "hub", "destination", "show", "r0");

        doThrow(new UseCaseFailure("Repo id not found in hub manifest: r0")).when(show).show(any());
        assertSameRun(factory, "hub", "destination", "show", "r0", "--json");
        assertSameRun(factory, "--verbose", "hub", "destination", "show", "r0", "--json");

        doThrow(new ManifestException("manifest.yml: invalid YAML at line 1\nsecond line")).when(show).show(any());
        assertSameRun(factory, "hub", "destination", "show", "r0");

        doThrow(new IllegalStateException("boom")).when(show).show(any());
        assertSameRun(factory, "hub", "destination", "show", "r0");
        assertSameRun(factory, "hub", "destination", "show", "r0", "--verbose");
    }

    @Test
    void execRunsAndFailsAsUnderPicocli() {
        RunCommandUseCase run = mock(RunCommandUseCase.class);
        StdStreams streams = new StdStreams(new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream());
        IFactory factory = mockingFactory(type -> type == ExecCommand.class ? new ExecCommand(run, streams) : null);

        when(run.run(any(), any())).thenReturn(7);
        assertSameRun(factory, "exec", "r0", "-e", "A=1", "--workdir", "/w", "--path", "/hub", "--", "false");

        doThrow(new ExecFailure("Docker engine unreachable at unix:///x.sock")).when(run).run(any(), any());
        assertSameRun(factory, "exec", "r0", "--", "true");

        doThrow(new UseCaseFailure("Repo id not found in hub manifest: r0")).when(run).run(any(), any());
        assertSameRun(factory, "exec", "r0", "--", "true");
        assertSameRun(factory, "exec", "r0", "--", "true", "--verbose");
    }

    @Test
    void thePathIsTakenAsWritten() {
        Invocation direct = DirectCommandLine.parse(new String[] {"hub", "destination", "show", "r0", "--path", "a/../b"})
                .orElseThrow();
        assertEquals(new ShowDestination(new DestinationShowCommand.Arguments(Optional.of(Path.of("a/../b")), "r0", false)),
                direct);
    }

    @Test
    void aFailureToCreateTheCommandIsOneLine() {
        IFactory failing = new IFactory() {
            @Override
            public <K> K create(Class<K> type) {
                throw new IllegalStateException("no engine configuration");
            }
        };
        StringWriter err = new StringWriter();
        int code = new CarCli(failing).run(new String[] {"exec", "r0", "--", "true"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(CarCli.EXIT_FAILURE, code);
        assertEquals(List.of("car: internal error: IllegalStateException: no engine configuration"), err.toString().lines().toList());
    }
}
