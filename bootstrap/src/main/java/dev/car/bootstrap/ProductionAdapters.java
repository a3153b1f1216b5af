package dev.car.bootstrap;

import dev.car.adapters.cli.input.JsonInput;
import dev.car.adapters.cli.output.ConsoleStreams;
import dev.car.adapters.docker.DockerContainerEngine;
import dev.car.adapters.host.LocalFileSystemProbe;
import dev.car.adapters.host.LocalProcessLauncher;
import dev.car.adapters.host.OsRandomSource;
import dev.car.adapters.host.PosixSignalTrap;
import dev.car.adapters.host.SystemHostEnvironment;
import dev.car.adapters.yaml.YamlHubConfigRepository;
import dev.car.adapters.yaml.YamlManifestStore;
import dev.car.application.exec.StdStreams;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HostEnvironment;
import dev.car.application.port.out.HubConfigRepository;
import dev.car.application.port.out.ManifestStore;
import dev.car.application.port.out.ProcessLauncher;
import dev.car.application.port.out.RandomSource;
import dev.car.application.port.out.SignalTrap;
import dev.car.application.port.out.engine.ContainerEngine;

/**
 * How each production out-port adapter is built, shared by both wirings ({@link CarModule} and
 * {@link HotPathCommands}) so that they cannot configure an adapter differently.
 */
final class ProductionAdapters {
    private ProductionAdapters() {
    }

    static HostEnvironment hostEnvironment() {
        return new SystemHostEnvironment();
    }

    static FileSystemProbe fileSystemProbe() {
        return new LocalFileSystemProbe();
    }

    static ManifestStore manifestStore(FileSystemProbe files) {
        // The probe itself, not files::canonicalize: a load then canonicalises in one pass (forOnePass).
        return new YamlManifestStore(files);
    }

    static HubConfigRepository hubConfigRepository() {
        return new YamlHubConfigRepository();
    }

    static ProcessLauncher processLauncher() {
        return new LocalProcessLauncher();
    }

    static SignalTrap signalTrap() {
        return new PosixSignalTrap();
    }

    static RandomSource randomSource() {
        return new OsRandomSource();
    }

    /** Connects on first use only, so commands that need no engine never touch it. */
    static ContainerEngine containerEngine() {
        return new DockerContainerEngine();
    }

    static StdStreams standardStreams() {
        return new StdStreams(ConsoleStreams.stdin(), ConsoleStreams.rawStdout(), ConsoleStreams.rawStderr());
    }

    static JsonInput jsonInput(HostEnvironment host) {
        return new JsonInput(ConsoleStreams::stdin, host.workingDirectory());
    }
}
