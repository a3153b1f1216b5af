package dev.car.adapters.docker;

import dev.car.application.port.out.engine.ContainerCreation;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.ExecRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine calls of car's hot path, made either by {@link LeanEngineClient} (car's own HTTP
 * connections) or by {@link DockerJavaCalls}: {@link DockerContainerEngine} uses one of them for a
 * whole run. Both throw what docker-java throws for an engine status ({@code NotFoundException},
 * {@code ConflictException}, ...), so that their failures read the same.
 */
interface EngineCalls {

    /** The engine's address, as error messages name it. */
    String host();

    /** The path prefix of the engine API version in use ({@code ""} or {@code /v1.41}). */
    String apiPrefix();

    /** {@code NotFoundException} when the engine does not have the image. */
    void inspectImage(String image);

    /** {@code NotFoundException} when there is no such container. */
    Inspection inspectContainer(String nameOrId);

    /** {@code ConflictException} when the name is taken. */
    String createContainer(ContainerCreation creation);

    /** {@code NotModifiedException} when it already runs. */
    void startContainer(String nameOrId);

    /** Removes the container and its anonymous volumes; {@code NotFoundException} when there is none. */
    void removeContainer(String nameOrId, boolean force);

    /** Creates an exec with its streams attached; {@code environment} goes in this request only. */
    String createExec(ExecRequest request, List<String> environment);

    /** Whether the exec runs, and its exit code once the engine has one. */
    DockerExecSession.Status inspectExec(String execId);

    /** Fails, naming the container, when exec output cannot be attached to under this configuration. */
    void requireExecAttachable(String container);

    /** A connection for an exec's start request, which the engine then turns into the exec's streams. */
    EngineConnection execConnection() throws IOException;

    /** A container as the engine describes it, before car counts its running execs. */
    record Inspection(String id, String name, String image, boolean running, String status, Map<String, String> labels,
                      List<ContainerState.MountedPath> mounts, String created, String startedAt, String finishedAt,
                      List<String> execIds) {
    }

    /** Mounts as the engine sent them ({@code Type}, {@code Source}, {@code Destination}). */
    static List<ContainerState.MountedPath> mounts(Object raw) {
        List<ContainerState.MountedPath> mounts = new ArrayList<>();
        if (raw instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> mount) {
                    mounts.add(new ContainerState.MountedPath(text(mount.get("Type")), text(mount.get("Source")),
                            text(mount.get("Destination"))));
                }
            }
        }
        return mounts;
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
