package dev.car.application.hub;

import java.nio.file.Path;
import java.util.Optional;

/** {@code car hub init}: make a folder a hub (config and empty manifest), keeping what exists. */
public interface InitHubUseCase {

    InitResult init(Optional<Path> directory);

    record InitResult(Path hubRoot, Path manifestPath, boolean configCreated, boolean manifestCreated) {
    }
}
