package dev.car.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.car.adapters.cli.command.ContainersListCommand;
import dev.car.adapters.cli.command.ContainersReapCommand;
import dev.car.adapters.cli.command.RepoRemoveCommand;
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
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.util.List;

/**
 * Container housekeeping: {@code car hub containers list|reap} and {@code car hub repo remove}.
 * Installed by {@link CarModule}; its out-ports come from there, and tests override any of them
 * (the {@link Clock} included) with {@code Modules.override}.
 */
final class HousekeepingModule extends AbstractModule {
    private static final List<Class<?>> COMMANDS = List.of(ContainersListCommand.class, ContainersReapCommand.class,
            RepoRemoveCommand.class);

    @Override
    protected void configure() {
        for (Class<?> command : COMMANDS) {
            bindToSoleConstructor(command);
        }
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
