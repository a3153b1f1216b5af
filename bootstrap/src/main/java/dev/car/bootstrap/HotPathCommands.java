package dev.car.bootstrap;

import dev.car.adapters.cli.command.DestinationSetCommand;
import dev.car.adapters.cli.command.DestinationShowCommand;
import dev.car.adapters.cli.command.DestinationUnsetCommand;
import dev.car.adapters.cli.command.DestinationWrapCommand;
import dev.car.adapters.cli.command.ExecCommand;
import dev.car.adapters.cli.command.HubInitCommand;
import dev.car.adapters.cli.command.RepoAddCommand;
import dev.car.adapters.cli.command.RepoListCommand;
import dev.car.application.destination.DestinationService;
import dev.car.application.exec.ContainerProvisioner;
import dev.car.application.exec.ExecPlanner;
import dev.car.application.exec.RunCommandService;
import dev.car.application.hub.HubLocator;
import dev.car.application.hub.InitHubService;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HostEnvironment;
import dev.car.application.port.out.HubConfigRepository;
import dev.car.application.port.out.ManifestStore;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.repo.RepoService;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The commands people and supervisors run many times a minute, built with plain constructor calls:
 * creating Guice's injector takes longer than any of them runs. The object graph is the one
 * {@link CarModule} binds (a test compares the two); each adapter and use case is built once, on
 * first use, so a command pays only for what it uses (the engine client only for exec and wrap).
 */
final class HotPathCommands {
    private final Map<Class<?>, Supplier<Object>> commands = Map.of(
            HubInitCommand.class, () -> new HubInitCommand(initHub()),
            RepoAddCommand.class, () -> new RepoAddCommand(repos()),
            RepoListCommand.class, () -> new RepoListCommand(repos()),
            DestinationShowCommand.class, () -> new DestinationShowCommand(destinations()),
            DestinationSetCommand.class, () -> new DestinationSetCommand(destinations(),
                    ProductionAdapters.jsonInput(host())),
            DestinationUnsetCommand.class, () -> new DestinationUnsetCommand(destinations()),
            DestinationWrapCommand.class, () -> new DestinationWrapCommand(runCommands()),
            ExecCommand.class, () -> new ExecCommand(runCommands(), ProductionAdapters.standardStreams()));

    private HostEnvironment host;
    private FileSystemProbe files;
    private ManifestStore manifests;
    private HubConfigRepository configs;
    private ContainerEngine engine;
    private HubLocator locator;
    private DestinationService destinations;
    private RepoService repos;
    private RunCommandService runCommands;

    boolean builds(Class<?> type) {
        return commands.containsKey(type);
    }

    <K> K create(Class<K> type) {
        Supplier<Object> command = commands.get(type);
        if (command == null) {
            throw new IllegalArgumentException(type.getName() + " is not built on the hot path");
        }
        return type.cast(command.get());
    }

    private InitHubService initHub() {
        return new InitHubService(configs(), manifests(), files(), host(), locator());
    }

    private RepoService repos() {
        if (repos == null) {
            repos = new RepoService(locator(), manifests(), files(), host());
        }
        return repos;
    }

    private DestinationService destinations() {
        if (destinations == null) {
            destinations = new DestinationService(locator(), manifests());
        }
        return destinations;
    }

    private RunCommandService runCommands() {
        if (runCommands == null) {
            ContainerEngine engine = engine();
            runCommands = new RunCommandService(new ExecPlanner(locator(), manifests(), files(), host()),
                    new ContainerProvisioner(engine), engine, ProductionAdapters.processLauncher(),
                    ProductionAdapters.signalTrap());
        }
        return runCommands;
    }

    private HubLocator locator() {
        if (locator == null) {
            locator = new HubLocator(configs(), files(), host());
        }
        return locator;
    }

    private HostEnvironment host() {
        if (host == null) {
            host = ProductionAdapters.hostEnvironment();
        }
        return host;
    }

    private FileSystemProbe files() {
        if (files == null) {
            files = ProductionAdapters.fileSystemProbe();
        }
        return files;
    }

    private ManifestStore manifests() {
        if (manifests == null) {
            manifests = ProductionAdapters.manifestStore(files());
        }
        return manifests;
    }

    private HubConfigRepository configs() {
        if (configs == null) {
            configs = ProductionAdapters.hubConfigRepository();
        }
        return configs;
    }

    private ContainerEngine engine() {
        if (engine == null) {
            engine = ProductionAdapters.containerEngine();
        }
        return engine;
    }
}
