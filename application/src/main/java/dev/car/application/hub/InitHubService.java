package dev.car.application.hub;

import dev.car.application.port.out.HubLocation;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HostEnvironment;
import dev.car.application.port.out.HubConfigRepository;
import dev.car.application.port.out.ManifestStore;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

public final class InitHubService implements InitHubUseCase {
    private final HubConfigRepository configs;
    private final ManifestStore manifests;
    private final FileSystemProbe files;
    private final HostEnvironment host;
    private final HubLocator locator;

    public InitHubService(HubConfigRepository configs, ManifestStore manifests, FileSystemProbe files,
                          HostEnvironment host, HubLocator locator) {
        this.configs = configs;
        this.manifests = manifests;
        this.files = files;
        this.host = host;
        this.locator = locator;
    }

    @Override
    public InitResult init(Optional<Path> directory) {
        Path target = host.workingDirectory().resolve(directory.orElse(Path.of("."))).normalize();
        files.createDirectories(target);
        Path root = files.canonicalize(target);
        boolean configCreated = configs.createHubConfig(root);
        HubLocation hub = locator.locate(Optional.of(root));
        boolean manifestCreated = !manifests.exists(hub);
        if (manifestCreated) {
            manifests.update(hub, UnaryOperator.identity());
        }
        return new InitResult(hub.root(), hub.manifestPath(), configCreated, manifestCreated);
    }
}
