package dev.car.application.port.out.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Docker-compatible container engine. Implementations connect lazily: constructing one never
 * touches the engine. Failures are {@link EngineException}s whose message is one line.
 */
public interface ContainerEngine {

    /** The engine's server version; fails when it cannot be reached. */
    String serverVersion();

    boolean imagePresent(String image);

    /** Pulls the image, reporting progress lines to {@code progress}. */
    void pullImage(String image, ProgressListener progress);

    Optional<ContainerState> inspect(String nameOrId);

    /** Creates (does not start) a container; {@link NameConflictException} when the name is taken. */
    String create(ContainerCreation creation);

    void start(String nameOrId);

    void stop(String nameOrId, int timeoutSeconds);

    void remove(String nameOrId, boolean force);

    /** Containers (running or not) carrying every one of these labels. */
    List<ContainerState> listByLabels(Map<String, String> labels);

    /** Starts a command in a running container, streams attached. */
    ExecSession exec(ExecRequest request);

    @FunctionalInterface
    interface ProgressListener {
        void progress(String line);
    }
}
