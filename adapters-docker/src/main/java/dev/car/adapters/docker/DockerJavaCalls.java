package dev.car.adapters.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.ExecCreateCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.car.application.port.out.engine.ContainerCreation;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.EngineException;
import dev.car.application.port.out.engine.ExecRequest;
import dev.car.domain.container.MountBinding;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine through docker-java (httpclient5 transport): the hot-path calls under any configuration
 * {@link LeanEngineClient} does not handle (TLS, contexts, ...), and the calls only docker-java makes
 * (version, pull, stop, list). The configuration is read and the client created on first use.
 */
final class DockerJavaCalls implements EngineCalls, AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<DockerClientConfig> configSource;
    private DockerClientConfig config;
    private DockerClient client;

    DockerJavaCalls(Supplier<DockerClientConfig> configSource) {
        this.configSource = configSource;
    }

    /** The configured address; before the configuration is read, a description of it. */
    @Override
    public synchronized String host() {
        return config == null ? "the configured Docker host" : String.valueOf(config.getDockerHost());
    }

    @Override
    public String apiPrefix() {
        return LeanEngineAddress.apiPrefix(config().getApiVersion());
    }

    @Override
    public void inspectImage(String image) {
        client().inspectImageCmd(image).exec();
    }

    @Override
    public Inspection inspectContainer(String nameOrId) {
        InspectContainerResponse response = client().inspectContainerCmd(nameOrId).exec();
        InspectContainerResponse.ContainerState state = response.getState();
        ContainerConfig containerConfig = response.getConfig();
        return new Inspection(response.getId(), response.getName(),
                containerConfig == null ? null : containerConfig.getImage(),
                state != null && Boolean.TRUE.equals(state.getRunning()), state == null ? null : state.getStatus(),
                containerConfig == null || containerConfig.getLabels() == null ? Map.of() : containerConfig.getLabels(),
                mounts(response), response.getCreated(), state == null ? null : state.getStartedAt(),
                state == null ? null : state.getFinishedAt(), response.getExecIds());
    }

    @Override
    public String createContainer(ContainerCreation creation) {
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
        return command.exec().getId();
    }

    @Override
    public void startContainer(String nameOrId) {
        client().startContainerCmd(nameOrId).exec();
    }

    @Override
    public void removeContainer(String nameOrId, boolean force) {
        // Anonymous volumes belong to the container; without this they would pile up unnamed.
        client().removeContainerCmd(nameOrId).withForce(force).withRemoveVolumes(true).exec();
    }

    @Override
    public String createExec(ExecRequest request, List<String> environment) {
        ExecCreateCmd command = client().execCreateCmd(request.container())
                .withCmd(request.command().toArray(String[]::new))
                .withTty(false)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .withAttachStdin(request.stdin() != null);
        if (!environment.isEmpty()) {
            command.withEnv(environment);
        }
        if (isSet(request.workdir())) {
            command.withWorkingDir(request.workdir());
        }
        if (isSet(request.user())) {
            command.withUser(request.user());
        }
        return command.exec().getId();
    }

    @Override
    public DockerExecSession.Status inspectExec(String execId) {
        InspectExecResponse response = client().inspectExecCmd(execId).exec();
        Long exitCode = response.getExitCodeLong();
        return new DockerExecSession.Status(Boolean.TRUE.equals(response.isRunning()),
                exitCode == null ? null : exitCode.intValue());
    }

    /** Exec streams go over car's own connection, which speaks unix:// and plain tcp:// only. */
    @Override
    public void requireExecAttachable(String container) {
        URI host = config().getDockerHost();
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

    @Override
    public EngineConnection execConnection() throws IOException {
        return EngineConnection.open(config().getDockerHost());
    }

    synchronized DockerClient client() {
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

    @Override
    public synchronized void close() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                // Closing only releases pooled connections; nothing to report.
            }
            client = null;
        }
    }

    /** docker-java's typed mounts lack the type, so they are read from the response as the engine sent it. */
    private static List<ContainerState.MountedPath> mounts(InspectContainerResponse response) {
        Object raw = response.getRawValues().get("Mounts");
        if (raw instanceof List<?> || response.getMounts() == null) {
            return EngineCalls.mounts(raw);
        }
        List<ContainerState.MountedPath> mounts = new ArrayList<>();
        for (InspectContainerResponse.Mount mount : response.getMounts()) {
            mounts.add(new ContainerState.MountedPath(null, mount.getSource(),
                    mount.getDestination() == null ? null : mount.getDestination().getPath()));
        }
        return mounts;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
