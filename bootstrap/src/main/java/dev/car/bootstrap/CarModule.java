package dev.car.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.car.adapters.cli.command.ContainersListCommand;
import dev.car.adapters.cli.command.ContainersReapCommand;
import dev.car.adapters.cli.command.DemoCommand;
import dev.car.adapters.cli.command.DestinationSetCommand;
import dev.car.adapters.cli.command.DestinationShowCommand;
import dev.car.adapters.cli.command.DestinationUnsetCommand;
import dev.car.adapters.cli.command.DestinationWrapCommand;
import dev.car.adapters.cli.command.DoctorCommand;
import dev.car.adapters.cli.command.ExecCommand;
import dev.car.adapters.cli.command.HubInitCommand;
import dev.car.adapters.cli.command.RepoAddCommand;
import dev.car.adapters.cli.command.RepoListCommand;
import dev.car.adapters.cli.command.RepoRemoveCommand;
import dev.car.adapters.cli.input.JsonInput;
import dev.car.application.demo.DemoService;
import dev.car.application.demo.RunDemoUseCase;
import dev.car.application.destination.DestinationService;
import dev.car.application.destination.SetDestinationUseCase;
import dev.car.application.destination.UnsetDestinationUseCase;
import dev.car.application.destination.ShowDestinationUseCase;
import dev.car.application.doctor.DoctorService;
import dev.car.application.doctor.DoctorUseCase;
import dev.car.application.exec.ContainerProvisioner;
import dev.car.application.exec.ExecPlanner;
import dev.car.application.exec.RunCommandService;
import dev.car.application.exec.RunCommandUseCase;
import dev.car.application.exec.StdStreams;
import dev.car.application.exec.WrapCommandUseCase;
import dev.car.application.hub.HubLocator;
import dev.car.application.hub.InitHubService;
import dev.car.application.hub.InitHubUseCase;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HostEnvironment;
import dev.car.application.port.out.HubConfigRepository;
import dev.car.application.port.out.ManifestStore;
import dev.car.application.port.out.ProcessLauncher;
import dev.car.application.port.out.RandomSource;
import dev.car.application.port.out.SignalTrap;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.repo.AddRepoUseCase;
import dev.car.application.repo.ListReposUseCase;
import dev.car.application.repo.RepoService;
import java.lang.reflect.Constructor;
import java.util.List;

/**
 * The composition root. Use cases and adapters carry no framework annotations: they are built
 * here by explicit factory methods, and commands through their one public constructor. Tests
 * replace any out-port adapter with {@code Modules.override}.
 */
public final class CarModule extends AbstractModule {

    /** Commands whose constructors take use cases; the rest have no-argument constructors. */
    static final List<Class<?>> COMMANDS = List.of(HubInitCommand.class, RepoAddCommand.class,
            RepoListCommand.class, DestinationShowCommand.class, DestinationSetCommand.class,
            DestinationUnsetCommand.class, DestinationWrapCommand.class, ExecCommand.class, DoctorCommand.class, DemoCommand.class,
            ContainersListCommand.class, ContainersReapCommand.class, RepoRemoveCommand.class);

    @Override
    protected void configure() {
        for (Class<?> command : COMMANDS) {
            bindToSoleConstructor(command);
        }
        install(new HousekeepingModule());
    }

    private <T> void bindToSoleConstructor(Class<T> type) {
        Constructor<?>[] constructors = type.getConstructors();
        if (constructors.length != 1) {
            throw new IllegalStateException(type.getName() + " must have exactly one public constructor");
        }
        @SuppressWarnings("unchecked")
        Constructor<T> constructor = (Constructor<T>) constructors[0];
        bind(type).toConstructor(constructor);
    }

    // Out-port adapters.

    @Provides
    @Singleton
    HostEnvironment hostEnvironment() {
        return ProductionAdapters.hostEnvironment();
    }

    @Provides
    @Singleton
    FileSystemProbe fileSystemProbe() {
        return ProductionAdapters.fileSystemProbe();
    }

    @Provides
    @Singleton
    ManifestStore manifestStore(FileSystemProbe files) {
        return ProductionAdapters.manifestStore(files);
    }

    @Provides
    @Singleton
    HubConfigRepository hubConfigRepository() {
        return ProductionAdapters.hubConfigRepository();
    }

    @Provides
    @Singleton
    ProcessLauncher processLauncher() {
        return ProductionAdapters.processLauncher();
    }

    @Provides
    @Singleton
    SignalTrap signalTrap() {
        return ProductionAdapters.signalTrap();
    }

    @Provides
    @Singleton
    RandomSource randomSource() {
        return ProductionAdapters.randomSource();
    }

    @Provides
    @Singleton
    ContainerEngine containerEngine() {
        return ProductionAdapters.containerEngine();
    }

    @Provides
    @Singleton
    StdStreams standardStreams() {
        return ProductionAdapters.standardStreams();
    }

    @Provides
    @Singleton
    JsonInput jsonInput(HostEnvironment host) {
        return ProductionAdapters.jsonInput(host);
    }

    // Use cases.

    @Provides
    @Singleton
    HubLocator hubLocator(HubConfigRepository configs, FileSystemProbe files, HostEnvironment host) {
        return new HubLocator(configs, files, host);
    }

    @Provides
    @Singleton
    InitHubUseCase initHub(HubConfigRepository configs, ManifestStore manifests, FileSystemProbe files,
                           HostEnvironment host, HubLocator locator) {
        return new InitHubService(configs, manifests, files, host, locator);
    }

    @Provides
    @Singleton
    DestinationService destinationService(HubLocator locator, ManifestStore manifests) {
        return new DestinationService(locator, manifests);
    }

    @Provides
    ShowDestinationUseCase showDestination(DestinationService service) {
        return service;
    }

    @Provides
    SetDestinationUseCase setDestination(DestinationService service) {
        return service;
    }

    @Provides
    UnsetDestinationUseCase unsetDestination(DestinationService service) {
        return service;
    }

    @Provides
    @Singleton
    RepoService repoService(HubLocator locator, ManifestStore manifests, FileSystemProbe files, HostEnvironment host) {
        return new RepoService(locator, manifests, files, host);
    }

    @Provides
    AddRepoUseCase addRepo(RepoService service) {
        return service;
    }

    @Provides
    ListReposUseCase listRepos(RepoService service) {
        return service;
    }

    @Provides
    @Singleton
    RunCommandService runCommandService(ExecPlanner planner, ContainerEngine engine, ProcessLauncher launcher,
                                        SignalTrap signals, RandomSource random) {
        return new RunCommandService(planner, new ContainerProvisioner(engine), engine, launcher, signals, random);
    }

    @Provides
    @Singleton
    ExecPlanner execPlanner(HubLocator locator, ManifestStore manifests, FileSystemProbe files, HostEnvironment host) {
        return new ExecPlanner(locator, manifests, files, host);
    }

    @Provides
    @Singleton
    DoctorUseCase doctor(HubLocator locator, ManifestStore manifests, ExecPlanner planner, ContainerEngine engine,
                         FileSystemProbe files, HostEnvironment host) {
        return new DoctorService(locator, manifests, planner, engine, files, host);
    }

    @Provides
    RunCommandUseCase runCommand(RunCommandService service) {
        return service;
    }

    @Provides
    WrapCommandUseCase wrapCommand(RunCommandService service) {
        return service;
    }

    @Provides
    @Singleton
    RunDemoUseCase runDemo(FileSystemProbe files, InitHubUseCase initHub, AddRepoUseCase addRepo,
                           SetDestinationUseCase setDestination, ShowDestinationUseCase showDestination,
                           RunCommandUseCase runCommand, ContainerEngine engine) {
        return new DemoService(files, initHub, addRepo, setDestination, showDestination, runCommand, engine);
    }
}
