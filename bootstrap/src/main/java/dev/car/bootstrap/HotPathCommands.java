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

/**
 * The commands people and supervisors run many times a minute, built with plain constructor calls:
 * creating Guice's injector takes longer than any of them runs. The object graph is the one
 * {@link CarModule} binds (a test compares the two); each adapter and use case is built once, on
 * first use, so a command pays only for what it uses (the engine client only for exec and wrap).
 */
final class HotPathCommands {
    private HostEnvironment host;
    private FileSystemProbe files;
    private ManifestStore manifests;
    private HubConfigRepository configs;
    private ContainerEngine engine;
    private HubLocator locator;
    private DestinationService destinations;
    private RepoService repos;
    private RunCommandService runCommands;

    /**
     * The command, or null when it is not one of the hot path's. Plain conditions rather than a map
     * of lambdas: linking each lambda costs a fresh process time.
     */
    <K> K create(Class<K> type) {
        Object command;
        if (type == HubInitCommand.class) {
            command = new HubInitCommand(initHub());
        } else if (type == RepoAddCommand.class) {
            command = new RepoAddCommand(repos());
        } else if (type == RepoListCommand.class) {
            command = new RepoListCommand(repos());
        } else if (type == DestinationShowCommand.class) {
            command = new DestinationShowCommand(destinations());
        } else if (type == DestinationSetCommand.class) {
            command = new DestinationSetCommand(destinations(), ProductionAdapters.jsonInput(host()));
        } else if (type == DestinationUnsetCommand.class) {
            command = new DestinationUnsetCommand(destinations());
        } else if (type == DestinationWrapCommand.class) {
            command = new DestinationWrapCommand(runCommands());
        } else if (type == ExecCommand.class) {
            command = new ExecCommand(runCommands(), ProductionAdapters.standardStreams());
        } else {
            return null;
        }
        return type.cast(command);
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
                    ProductionAdapters.signalTrap(), ProductionAdapters.randomSource());
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
