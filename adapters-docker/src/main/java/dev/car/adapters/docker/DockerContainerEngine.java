package dev.car.adapters.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.command.ListContainersCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.car.application.port.out.engine.ContainerCreation;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.EngineException;
import dev.car.application.port.out.engine.ExecRequest;
import dev.car.application.port.out.engine.ExecSession;
import dev.car.application.port.out.engine.NameConflictException;
import dev.car.domain.container.MountBinding;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@link ContainerEngine} on a Docker-compatible engine. Nothing is read or connected until the first call, so
 * wiring it up costs nothing when no container is needed. The calls of {@code car exec} go through
 * {@link LeanEngineClient} whenever it reaches the engine exactly where docker-java would (see
 * {@link LeanEngineAddress}); everything else, and every call under any other configuration, goes through
 * docker-java (httpclient5 transport), created on first use. Exec output and input go over a connection of their
 * own: see {@link EngineConnection}.
 */
public final class DockerContainerEngine implements ContainerEngine, AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final String EXEC_START_BODY = "{\"Detach\":false,\"Tty\":false}";
    /** Engines write the zero time for a container that never started or never stopped. */

    private final Supplier<DockerClientConfig> configSource;
    private final Supplier<Optional<LeanEngineAddress>> leanAddressSource;
    private DockerClientConfig config;
    private DockerClient client;
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
        this.configSource = configSource;
        this.leanAddressSource = leanAddressSource;
    }

    @Override
    public String serverVersion() {
        return call("Cannot read the Docker engine version", () -> client().versionCmd().exec().getVersion());
    }

    @Override
    public boolean imagePresent(String image) {
        try {
            LeanEngineClient lean = lean();
            if (lean != null) {
                lean.inspectImage(image);
            } else {
                client().inspectImageCmd(image).exec();
            }
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
            client().pullImageCmd(reference.repository()).withTag(reference.tag()).exec(callback).awaitCompletion();
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
        try {
            LeanEngineClient lean = lean();
            return Optional.of(lean != null ? toState(lean.inspectContainer(nameOrId))
                    : toState(client().inspectContainerCmd(nameOrId).exec()));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw translate("Cannot inspect container '" + nameOrId + "'", e);
        }
    }

    @Override
    public String create(ContainerCreation creation) {
        String name = creation.name();
        try {
            LeanEngineClient lean = lean();
            return lean != null ? lean.createContainer(creation) : createContainer(creation).exec().getId();
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
            LeanEngineClient lean = lean();
            if (lean != null) {
                lean.startContainer(nameOrId);
            } else {
                client().startContainerCmd(nameOrId).exec();
            }
        } catch (NotModifiedException e) {
            // Already running: that is what was asked.
        } catch (RuntimeException e) {
            throw translate("Cannot start container '" + nameOrId + "'", e);
        }
    }

    @Override
    public void stop(String nameOrId, int timeoutSeconds) {
        try {
            client().stopContainerCmd(nameOrId).withTimeout(timeoutSeconds).exec();
        } catch (NotModifiedException e) {
            // Already stopped.
        } catch (RuntimeException e) {
            throw translate("Cannot stop container '" + nameOrId + "'", e);
        }
    }

    @Override
    public void remove(String nameOrId, boolean force) {
        try {
            LeanEngineClient lean = lean();
            if (lean != null) {
                lean.removeContainer(nameOrId, force);
            } else {
                // Anonymous volumes belong to the container; without this they would pile up unnamed.
                client().removeContainerCmd(nameOrId).withForce(force).withRemoveVolumes(true).exec();
            }
        } catch (NotFoundException e) {
            // Already gone.
        } catch (RuntimeException e) {
            throw translate("Cannot remove container '" + nameOrId + "'", e);
        }
    }

    @Override
    public List<ContainerState> listByLabels(Map<String, String> labels) {
        List<Container> containers = call("Cannot list containers labelled " + new TreeMap<>(labels), () -> {
            ListContainersCmd command = client().listContainersCmd().withShowAll(true);
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
        LeanEngineClient lean = lean();
        URI host = lean != null ? lean.host() : config().getDockerHost();
        if (lean == null) {
            // Checked first, so an exec that could not be attached to is never created.
            requireHijackable(host, container);
        }
        String execId = call("Cannot exec in container '" + container + "'", () -> lean != null
                ? lean.createExec(request, environment(request)) : execCreate(request).exec().getId());
        EngineConnection connection;
        try {
            connection = lean != null ? lean.connection() : EngineConnection.open(host);
        } catch (IOException e) {
            throw EngineErrors.unreachable(host.toString(), e);
        }
        try {
            connection.upgrade(apiPrefix() + "/exec/" + execId + "/start", EXEC_START_BODY);
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
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                // Closing only releases pooled connections; nothing to report.
            }
            client = null;
        }
    }

    private CreateContainerCmd createContainer(ContainerCreation creation) {
        List<Bind> binds = new ArrayList<>();
        for (MountBinding mount : creation.mounts()) {
            AccessMode mode = mount.readOnly() ? AccessMode.ro : AccessMode.rw;
            binds.add(new Bind(mount.source(), new Volume(mount.target()), mode));
        }
        HostConfig hostConfig = HostConfig.newHostConfig().withBinds(binds);
        if (creation.init()) {
            hostConfig.withInit(true);
        }
        CreateContainerCmd command = client().createContainerCmd(creation.image())
                .withName(creation.name())
                .withLabels(creation.labels())
                .withHostConfig(hostConfig);
        if (isSet(creation.workdir())) {
            command.withWorkingDir(creation.workdir());
        }
        if (isSet(creation.user())) {
            command.withUser(creation.user());
        }
        if (!creation.command().isEmpty()) {
            command.withCmd(creation.command());
        }
        return command;
    }

    private ExecCreateCmd execCreate(ExecRequest request) {
        ExecCreateCmd command = client().execCreateCmd(request.container())
                .withCmd(request.command().toArray(String[]::new))
                .withTty(false)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .withAttachStdin(request.stdin() != null);
        List<String> env = environment(request);
        if (!env.isEmpty()) {
            command.withEnv(env);
        }
        if (isSet(request.workdir())) {
            command.withWorkingDir(request.workdir());
        }
        if (isSet(request.user())) {
            command.withUser(request.user());
        }
        return command;
    }

    /** {@code KEY=value}, by key. Only ever in the exec request: the container's configuration never holds these. */
    private static List<String> environment(ExecRequest request) {
        List<String> env = new ArrayList<>();
        new TreeMap<>(request.env()).forEach((key, value) -> env.add(key + "=" + value));
        return env;
    }

    private void requireHijackable(URI host, String container) {
        String scheme = String.valueOf(host.getScheme()).toLowerCase(Locale.ROOT);
        boolean tcp = scheme.equals("tcp") || scheme.equals("http");
        if (!scheme.equals("unix") && !tcp) {
            throw new EngineException("Cannot exec in container '" + container + "': Docker host " + host
                    + " is not supported for exec (use unix:// or tcp://)");
        }
        if (tcp && config().getSSLConfig() != null) {
            throw new EngineException("Cannot exec in container '" + container + "': Docker host " + host
                    + " uses TLS, which car's exec does not support; use a unix socket or plain tcp://");
        }
    }

    private DockerExecSession.Status execStatus(String container, String execId) {
        return call("Cannot read the exit code of an exec in container '" + container + "'", () -> execState(execId));
    }

    private DockerExecSession.Status execState(String execId) {
        LeanEngineClient lean = lean();
        if (lean != null) {
            return lean.inspectExec(execId);
        }
        InspectExecResponse response = client().inspectExecCmd(execId).exec();
        Long exitCode = response.getExitCodeLong();
        return new DockerExecSession.Status(Boolean.TRUE.equals(response.isRunning()),
                exitCode == null ? null : exitCode.intValue());
    }

    private String apiPrefix() {
        LeanEngineClient lean = lean();
        return lean != null ? lean.apiPrefix() : LeanEngineAddress.apiPrefix(config().getApiVersion());
    }

    private ContainerState toState(InspectContainerResponse response) {
        InspectContainerResponse.ContainerState state = response.getState();
        ContainerConfig config = response.getConfig();
        return toState(response.getId(), response.getName(), config == null ? null : config.getImage(),
                state != null && Boolean.TRUE.equals(state.getRunning()), state == null ? null : state.getStatus(),
                config == null || config.getLabels() == null ? Map.of() : config.getLabels(), mounts(response),
                response.getCreated(), state == null ? null : state.getStartedAt(),
                state == null ? null : state.getFinishedAt(), response.getExecIds());
    }

    /** The inspection as the engine sent it, read as docker-java reads it. */
    private ContainerState toState(Map<?, ?> inspection) {
        Map<?, ?> state = inspection.get("State") instanceof Map<?, ?> map ? map : Map.of();
        Map<?, ?> config = inspection.get("Config") instanceof Map<?, ?> map ? map : Map.of();
        Map<String, String> labels = new HashMap<>();
        if (config.get("Labels") instanceof Map<?, ?> map) {
            map.forEach((key, value) -> labels.put(text(key), text(value)));
        }
        List<String> execIds = new ArrayList<>();
        if (inspection.get("ExecIDs") instanceof List<?> list) {
            list.forEach(execId -> execIds.add(text(execId)));
        }
        return toState(text(inspection.get("Id")), text(inspection.get("Name")), text(config.get("Image")),
                Boolean.TRUE.equals(state.get("Running")), text(state.get("Status")), labels,
                mounts(inspection.get("Mounts")), text(inspection.get("Created")), text(state.get("StartedAt")),
                text(state.get("FinishedAt")), execIds);
    }

    private ContainerState toState(String id, String name, String image, boolean running, String status,
                                   Map<String, String> labels, List<ContainerState.MountedPath> mounts,
                                   String created, String startedAt, String finishedAt, List<String> execIds) {
        return new ContainerState(id, name == null ? null : name.replaceFirst("^/", ""), image, running, status,
                labels, mounts, EngineTimes.parse(created), EngineTimes.parse(startedAt), EngineTimes.parse(finishedAt),
                runningExecs(name, execIds));
    }

    /** docker-java's typed mounts lack the type, so they are read from the response as the engine sent it. */
    private static List<ContainerState.MountedPath> mounts(InspectContainerResponse response) {
        Object raw = response.getRawValues().get("Mounts");
        if (raw instanceof List<?> || response.getMounts() == null) {
            return mounts(raw);
        }
        List<ContainerState.MountedPath> mounts = new ArrayList<>();
        for (InspectContainerResponse.Mount mount : response.getMounts()) {
            mounts.add(new ContainerState.MountedPath(null, mount.getSource(),
                    mount.getDestination() == null ? null : mount.getDestination().getPath()));
        }
        return mounts;
    }

    private static List<ContainerState.MountedPath> mounts(Object raw) {
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

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private int runningExecs(String container, List<String> execIds) {
        if (execIds == null) {
            return 0;
        }
        int running = 0;
        for (String execId : execIds) {
            try {
                if (execState(execId).running()) {
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
        if (lean != null) {
            return lean.host().toString();
        }
        return config == null ? "the configured Docker host" : String.valueOf(config.getDockerHost());
    }

    /** The lean client, or null when the configuration is one only docker-java handles. */
    private synchronized LeanEngineClient lean() {
        if (!leanResolved) {
            leanResolved = true;
            lean = leanAddressSource.get().map(LeanEngineClient::new).orElse(null);
        }
        return lean;
    }

    private synchronized DockerClientConfig config() {
        if (config == null) {
            try {
                config = configSource.get();
            } catch (RuntimeException e) {
                throw new EngineException("Invalid Docker client configuration: "
                        + EngineErrors.oneLine(e.getMessage()), e);
            }
        }
        return config;
    }

    private synchronized DockerClient client() {
        if (client == null) {
            DockerClientConfig clientConfig = config();
            ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                    .dockerHost(clientConfig.getDockerHost())
                    .sslConfig(clientConfig.getSSLConfig())
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .build();
            client = DockerClientImpl.getInstance(clientConfig, http);
        }
        return client;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
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
