package dev.car.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.car.application.containers.ListContainersService;
import dev.car.application.containers.ListContainersUseCase;
import dev.car.application.containers.ReapContainersService;
import dev.car.application.containers.ReapContainersUseCase;
import dev.car.application.hub.HubLocator;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HostEnvironment;
import dev.car.application.port.out.ManifestStore;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.repo.RemoveRepoService;
import dev.car.application.repo.RemoveRepoUseCase;
import java.time.Clock;

/**
 * Use cases of container housekeeping: {@code car hub containers list|reap} and {@code car hub repo remove}.
 * Installed by {@link CarModule}; its out-ports come from there, and tests override any of them
 * (the {@link Clock} included) with {@code Modules.override}.
 */
final class HousekeepingModule extends AbstractModule {
    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    ListContainersUseCase listContainers(HubLocator locator, ManifestStore manifests, FileSystemProbe files,
                                         HostEnvironment host, ContainerEngine engine) {
        return new ListContainersService(locator, manifests, files, host, engine);
    }

    @Provides
    @Singleton
    ReapContainersUseCase reapContainers(HubLocator locator, ManifestStore manifests, FileSystemProbe files,
                                         ContainerEngine engine, Clock clock) {
        return new ReapContainersService(locator, manifests, files, engine, clock);
    }

    @Provides
    @Singleton
    RemoveRepoUseCase removeRepo(HubLocator locator, ManifestStore manifests, FileSystemProbe files,
                                 ContainerEngine engine) {
        return new RemoveRepoService(locator, manifests, files, engine);
    }
}
