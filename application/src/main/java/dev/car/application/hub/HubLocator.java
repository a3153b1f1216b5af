package dev.car.application.hub;

import dev.car.application.port.out.HubLocation;
import dev.car.application.UseCaseFailure;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HostEnvironment;
import dev.car.application.port.out.HubConfig;
import dev.car.application.port.out.HubConfigRepository;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the hub a command works on: from {@code --path} or the working directory, the nearest
 * folder upward whose {@code .codex-autorunner/config.yml} has no mode or {@code mode: hub}.
 */
public final class HubLocator {
    private final HubConfigRepository configs;
    private final FileSystemProbe files;
    private final HostEnvironment host;

    public HubLocator(HubConfigRepository configs, FileSystemProbe files, HostEnvironment host) {
        this.configs = configs;
        this.files = files;
        this.host = host;
    }

    public HubLocation locate(Optional<Path> pathOption) {
        Path start;
        if (pathOption.isEmpty()) {
            start = host.workingDirectory();
        } else if (files.isDirectory(absolute(pathOption.get()))) {
            start = pathOption.get().resolve(HubLocation.CONFIG_FILE);
        } else {
            start = pathOption.get();
        }
        Path absoluteStart = absolute(start);
        Path dir = files.isDirectory(absoluteStart) ? absoluteStart : absoluteStart.getParent();
        for (; dir != null; dir = dir.getParent()) {
            Optional<HubConfig> config = configs.readAt(dir);
            if (config.isPresent() && config.get().isHub()) {
                Path root = files.canonicalize(dir);
                String manifest = config.get().manifest();
                return new HubLocation(root, root.resolve(manifest != null ? manifest : HubLocation.DEFAULT_MANIFEST));
            }
        }
        throw new UseCaseFailure("Missing hub config file; expected to find .codex-autorunner/config.yml in "
                + start + " or parents (pass --path on most commands, --hub-root on car render, "
                + "or run 'car init' to initialize)");
    }

    private Path absolute(Path path) {
        return host.workingDirectory().resolve(path).normalize();
    }
}
