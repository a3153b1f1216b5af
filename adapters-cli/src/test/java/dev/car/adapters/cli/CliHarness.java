package dev.car.adapters.cli;

import static org.mockito.Mockito.mock;

import dev.car.adapters.cli.command.DemoCommand;
import dev.car.adapters.cli.command.DestinationSetCommand;
import dev.car.adapters.cli.command.DestinationShowCommand;
import dev.car.adapters.cli.command.DestinationWrapCommand;
import dev.car.adapters.cli.command.DoctorCommand;
import dev.car.adapters.cli.command.ExecCommand;
import dev.car.adapters.cli.command.HubInitCommand;
import dev.car.adapters.cli.command.RepoAddCommand;
import dev.car.adapters.cli.command.RepoListCommand;
import dev.car.adapters.cli.input.JsonInput;
import dev.car.application.demo.RunDemoUseCase;
import dev.car.application.destination.SetDestinationUseCase;
import dev.car.application.doctor.DoctorUseCase;
import dev.car.application.exec.RunCommandUseCase;
import dev.car.application.exec.StdStreams;
import dev.car.application.exec.WrapCommandUseCase;
import dev.car.application.destination.ShowDestinationUseCase;
import dev.car.application.hub.InitHubUseCase;
import dev.car.application.repo.AddRepoUseCase;
import dev.car.application.repo.ListReposUseCase;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Runs the CLI in-process with chosen command instances and captures both streams. */
final class CliHarness {
    private final Map<Class<?>, Object> instances = new HashMap<>();

    /** Every command exists in the tree, so each gets a default built on mocked use cases. */
    CliHarness() {
        JsonInput input = new JsonInput(() -> new ByteArrayInputStream(new byte[0]), Path.of("."));
        with(dev.car.adapters.cli.command.RepoRemoveCommand.class, new dev.car.adapters.cli.command.RepoRemoveCommand(
                mock(dev.car.application.repo.RemoveRepoUseCase.class)));
        with(dev.car.adapters.cli.command.ContainersListCommand.class,
                new dev.car.adapters.cli.command.ContainersListCommand(
                        mock(dev.car.application.containers.ListContainersUseCase.class)));
        with(dev.car.adapters.cli.command.ContainersReapCommand.class,
                new dev.car.adapters.cli.command.ContainersReapCommand(
                        mock(dev.car.application.containers.ReapContainersUseCase.class)));
        with(HubInitCommand.class, new HubInitCommand(mock(InitHubUseCase.class)));
        with(RepoAddCommand.class, new RepoAddCommand(mock(AddRepoUseCase.class)));
        with(RepoListCommand.class, new RepoListCommand(mock(ListReposUseCase.class)));
        with(DestinationShowCommand.class, new DestinationShowCommand(mock(ShowDestinationUseCase.class)));
        with(DestinationSetCommand.class, new DestinationSetCommand(mock(SetDestinationUseCase.class), input));
        with(DemoCommand.class, new DemoCommand(mock(RunDemoUseCase.class)));
        with(ExecCommand.class, new ExecCommand(mock(RunCommandUseCase.class),
                new StdStreams(new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(),
                        OutputStream.nullOutputStream())));
        with(DestinationWrapCommand.class, new DestinationWrapCommand(mock(WrapCommandUseCase.class)));
        with(DoctorCommand.class, new DoctorCommand(mock(DoctorUseCase.class)));
        with(dev.car.adapters.cli.command.DestinationUnsetCommand.class,
                new dev.car.adapters.cli.command.DestinationUnsetCommand(
                        mock(dev.car.application.destination.UnsetDestinationUseCase.class)));
    }

    <T> CliHarness with(Class<T> type, T instance) {
        instances.put(type, instance);
        return this;
    }

    Result run(String... args) {
        IFactory factory = new IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                Object instance = instances.get(type);
                return instance != null ? type.cast(instance) : CommandLine.defaultFactory().create(type);
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CarCli(factory).run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int exitCode, String stdout, String stderr) {
    }
}
