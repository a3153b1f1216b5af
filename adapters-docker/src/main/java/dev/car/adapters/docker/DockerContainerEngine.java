package dev.car.adapters.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ListContainersCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import dev.car.application.port.out.engine.ContainerCreation;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.EngineException;
import dev.car.application.port.out.engine.ExecRequest;
import dev.car.application.port.out.engine.ExecSession;
import dev.car.application.port.out.engine.NameConflictException;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@link ContainerEngine} on a Docker-compatible engine. Nothing is read or connected until the first call, so
 * wiring it up costs nothing when no container is needed. The calls of {@code car exec} go through
 * {@link LeanEngineClient} whenever it reaches the engine exactly where docker-java would (see
 * {@link LeanEngineAddress}), and through {@link DockerJavaCalls} under any other configuration; both are
 * {@link EngineCalls}. Version, pull, stop and list always use docker-java. Exec output and input go over a
 * connection of their own: see {@link EngineConnection}.
 */
public final class DockerContainerEngine implements ContainerEngine, AutoCloseable {
    private static final String EXEC_START_BODY = "{\"Detach\":false,\"Tty\":false}";

    private final DockerJavaCalls dockerJava;
    private final Supplier<Optional<LeanEngineAddress>> leanAddressSource;
    private boolean leanResolved;
    private LeanEngineClient lean;

    /** Reads {@code DOCKER_HOST} and the rest of the docker environment on first use. */
    public DockerContainerEngine() {
        this(() -> DefaultDockerClientConfig.createDefaultConfigBuilder().build(),
                () -> LeanEngineAddress.fromEnvironment(System.getenv(), System.getProperties()));
    }

    public DockerContainerEngine(DockerClientConfig config) {
        this(() -> Objects.requireNonNull(config, "config"), () -> LeanEngineAddress.of(config));
    }

    private DockerContainerEngine(Supplier<DockerClientConfig> configSource,
                                  Supplier<Optional<LeanEngineAddress>> leanAddressSource) {
        this.dockerJava = new DockerJavaCalls(configSource);
        this.leanAddressSource = leanAddressSource;
    }

    @Override
    public String serverVersion() {
        return call("Cannot read the Docker engine version", () -> dockerJava.client().versionCmd().exec().getVersion());
    }

    @Override
    public boolean imagePresent(String image) {
        try {
            calls().inspectImage(image);
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw translate("Cannot inspect image '" + image + "'", e);
        }
    }

    @Override
    public void pullImage(String image, ProgressListener progress) {
        String what = "Cannot pull image '" + image + "'";
        PullCallback callback = new PullCallback(new PullProgress(progress, System::nanoTime));
        try {
            ImageReference reference = ImageReference.parse(image);
            dockerJava.client().pullImageCmd(reference.repository()).withTag(reference.tag()).exec(callback)
                    .awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(callback);
            throw new EngineException(what + ": interrupted", e);
        } catch (RuntimeException e) {
            throw translate(what, e);
        }
        if (callback.error != null) {
            throw new EngineException(what + ": " + callback.error);
        }
    }

    @Override
    public Optional<ContainerState> inspect(String nameOrId) {
        EngineCalls.Inspection inspection;
        try {
            inspection = calls().inspectContainer(nameOrId);
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw translate("Cannot inspect container '" + nameOrId + "'", e);
        }
        String name = inspection.name();
        return Optional.of(new ContainerState(inspection.id(), name == null ? null : name.replaceFirst("^/", ""),
                inspection.image(), inspection.running(), inspection.status(), inspection.labels(), inspection.mounts(),
                EngineTimes.parse(inspection.created()), EngineTimes.parse(inspection.startedAt()),
                EngineTimes.parse(inspection.finishedAt()), runningExecs(name, inspection.execIds())));
    }

    @Override
    public String create(ContainerCreation creation) {
        String name = creation.name();
        try {
            return calls().createContainer(creation);
        } catch (ConflictException e) {
            throw new NameConflictException("Container name '" + name + "' is already in use: "
                    + EngineErrors.reason(e));
        } catch (RuntimeException e) {
            throw translate("Cannot create container '" + name + "' from image '" + creation.image() + "'", e);
        }
    }

    @Override
    public void start(String nameOrId) {
        try {
            calls().startContainer(nameOrId);
        } catch (NotModifiedException e) {
            // Already running: that is what was asked.
        } catch (RuntimeException e) {
            throw translate("Cannot start container '" + nameOrId + "'", e);
        }
    }

    @Override
    public void stop(String nameOrId, int timeoutSeconds) {
        try {
            dockerJava.client().stopContainerCmd(nameOrId).withTimeout(timeoutSeconds).exec();
        } catch (NotModifiedException e) {
            // Already stopped.
        } catch (RuntimeException e) {
            throw translate("Cannot stop container '" + nameOrId + "'", e);
        }
    }

    @Override
    public void remove(String nameOrId, boolean force) {
        try {
            calls().removeContainer(nameOrId, force);
        } catch (NotFoundException e) {
            // Already gone.
        } catch (RuntimeException e) {
            throw translate("Cannot remove container '" + nameOrId + "'", e);
        }
    }

    @Override
    public List<ContainerState> listByLabels(Map<String, String> labels) {
        List<Container> containers = call("Cannot list containers labelled " + new TreeMap<>(labels), () -> {
            ListContainersCmd command = dockerJava.client().listContainersCmd().withShowAll(true);
            if (!labels.isEmpty()) {
                command.withLabelFilter(labels);
            }
            return command.exec();
        });
        // The list lacks start times and execs; a container removed meanwhile is simply left out.
        List<ContainerState> states = new ArrayList<>();
        for (Container container : containers) {
            inspect(container.getId()).ifPresent(states::add);
        }
        return states;
    }

    @Override
    public ExecSession exec(ExecRequest request) {
        String container = request.container();
        EngineCalls calls = calls();
        // Checked first, so an exec that could not be attached to is never created.
        calls.requireExecAttachable(container);
        String execId = call("Cannot exec in container '" + container + "'",
                () -> calls.createExec(request, environment(request)));
        EngineConnection connection;
        try {
            connection = calls.execConnection();
        } catch (IOException e) {
            throw EngineErrors.unreachable(calls.host(), e);
        }
        try {
            connection.upgrade(calls.apiPrefix() + "/exec/" + execId + "/start", EXEC_START_BODY);
        } catch (IOException e) {
            closeQuietly(connection);
            throw new EngineException("Cannot start exec in container '" + container + "': "
                    + EngineErrors.ioReason(e), e);
        }
        return DockerExecSession.start(container, execId, connection, () -> execStatus(container, execId),
                request.stdin(), request.stdout(), request.stderr());
    }

    @Override
    public synchronized void close() {
        if (lean != null) {
            lean.close();
        }
        dockerJava.close();
    }

    /** {@code KEY=value}, by key. Only ever in the exec request: the container's configuration never holds these. */
    private static List<String> environment(ExecRequest request) {
        List<String> env = new ArrayList<>();
        new TreeMap<>(request.env()).forEach((key, value) -> env.add(key + "=" + value));
        return env;
    }

    private DockerExecSession.Status execStatus(String container, String execId) {
        return call("Cannot read the exit code of an exec in container '" + container + "'",
                () -> calls().inspectExec(execId));
    }

    private int runningExecs(String container, List<String> execIds) {
        if (execIds == null) {
            return 0;
        }
        int running = 0;
        for (String execId : execIds) {
            try {
                if (calls().inspectExec(execId).running()) {
                    running++;
                }
            } catch (NotFoundException e) {
                // Ended and cleaned up since the container was inspected.
            } catch (RuntimeException e) {
                throw translate("Cannot inspect the execs of container '" + container + "'", e);
            }
        }
        return running;
    }

    /** An image reference as the pull API takes it: the repository and, apart, a tag or digest. */
    record ImageReference(String repository, String tag) {

        /**
         * {@code registry:5000/app:1} is {@code registry:5000/app} and {@code 1}. Without a tag the engine would
         * pull every tag of the repository, so it is {@code latest}, as for the docker CLI; a digest wins over a tag.
         */
        static ImageReference parse(String image) {
            int at = image.indexOf('@');
            String name = at == -1 ? image : image.substring(0, at);
            int slash = name.lastIndexOf('/');
            int colon = name.indexOf(':', slash + 1);
            String repository = colon == -1 ? name : name.substring(0, colon);
            if (at != -1) {
                return new ImageReference(repository, image.substring(at + 1));
            }
            return new ImageReference(repository, colon == -1 ? "latest" : name.substring(colon + 1));
        }
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw translate(what, e);
        }
    }

    private EngineException translate(String what, RuntimeException failure) {
        return EngineErrors.translate(what, hostName(), failure);
    }

    private synchronized String hostName() {
        return lean != null ? lean.host() : dockerJava.host();
    }

    /** The lean client where it reaches the engine as docker-java would, else docker-java. */
    private synchronized EngineCalls calls() {
        if (!leanResolved) {
            leanResolved = true;
            lean = leanAddressSource.get().map(LeanEngineClient::new).orElse(null);
        }
        return lean != null ? lean : dockerJava;
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // Only abandons a stream whose outcome is already decided.
        }
    }

    /** Collects pull events; an error event ends the pull with the engine's message. */
    private static final class PullCallback extends ResultCallback.Adapter<PullResponseItem> {
        private final PullProgress progress;
        private volatile String error;

        PullCallback(PullProgress progress) {
            this.progress = progress;
        }

        @Override
        public void onNext(PullResponseItem item) {
            if (item.isErrorIndicated()) {
                // The engine sends its message both as "error" and in "errorDetail"; docker-java deprecates the former.
                ResponseItem.ErrorDetail detail = item.getErrorDetail();
                String message = detail == null ? null : detail.getMessage();
                if (error == null) {
                    error = message == null ? "the engine reported an error" : EngineErrors.oneLine(message);
                }
                return;
            }
            ResponseItem.ProgressDetail detail = item.getProgressDetail();
            progress.update(item.getId(), item.getStatus(),
                    detail == null ? null : detail.getCurrent(), detail == null ? null : detail.getTotal());
        }
    }
}
