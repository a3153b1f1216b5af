package dev.car.adapters.docker;

import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotAcceptableException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.exception.UnauthorizedException;
import dev.car.application.port.out.engine.ContainerCreation;
import dev.car.application.port.out.engine.ExecRequest;
import dev.car.domain.container.MountBinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine calls of car's hot path (inspect, exec, and what creating a container takes) on car's own HTTP/1.1
 * connections, kept open between calls: {@code car exec} then never pays for starting docker-java (Jackson,
 * httpclient5 and some hundreds of classes). Requests carry what docker-java sends for the same calls, less the
 * fields it sends as null. An engine error is thrown as the exception docker-java throws for its status, a failed
 * connection as an {@link UncheckedIOException}, so that both clients' failures read the same.
 */
final class LeanEngineClient implements EngineCalls, AutoCloseable {
    /** Idle connections kept for reuse; more are only open while concurrent calls need them. */
    private static final int MAX_IDLE = 4;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final LeanEngineAddress address;
    private final Deque<EngineConnection> idle = new ArrayDeque<>();

    LeanEngineClient(LeanEngineAddress address) {
        this.address = address;
    }

    @Override
    public String host() {
        return address.host().toString();
    }

    @Override
    public String apiPrefix() {
        return address.apiPrefix();
    }

    /** The engine's inspection of a container, read as docker-java reads it; {@link NotFoundException} when there is none. */
    @Override
    public Inspection inspectContainer(String nameOrId) {
        Map<?, ?> inspection = Json.object(Json.parse(
                call("GET", "/containers/" + pathSegment(nameOrId) + "/json", null).text()));
        Map<?, ?> state = inspection.get("State") instanceof Map<?, ?> map ? map : Map.of();
        Map<?, ?> config = inspection.get("Config") instanceof Map<?, ?> map ? map : Map.of();
        Map<String, String> labels = new HashMap<>();
        if (config.get("Labels") instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> label : map.entrySet()) {
                labels.put(EngineCalls.text(label.getKey()), EngineCalls.text(label.getValue()));
            }
        }
        List<String> execIds = new ArrayList<>();
        if (inspection.get("ExecIDs") instanceof List<?> list) {
            for (Object execId : list) {
                execIds.add(EngineCalls.text(execId));
            }
        }
        return new Inspection(EngineCalls.text(inspection.get("Id")), EngineCalls.text(inspection.get("Name")),
                EngineCalls.text(config.get("Image")), Boolean.TRUE.equals(state.get("Running")),
                EngineCalls.text(state.get("Status")), labels, EngineCalls.mounts(inspection.get("Mounts")),
                EngineCalls.text(inspection.get("Created")), EngineCalls.text(state.get("StartedAt")),
                EngineCalls.text(state.get("FinishedAt")), execIds);
    }

    @Override
    public DockerExecSession.Status inspectExec(String execId) {
        Map<?, ?> exec = Json.object(Json.parse(call("GET", "/exec/" + pathSegment(execId) + "/json", null).text()));
        return new DockerExecSession.Status(Boolean.TRUE.equals(exec.get("Running")),
                exec.get("ExitCode") instanceof Number code ? code.intValue() : null);
    }

    @Override
    public String createExec(ExecRequest request, List<String> environment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AttachStdin", request.stdin() != null);
        body.put("AttachStdout", true);
        body.put("AttachStderr", true);
        body.put("Tty", false);
        putIfSet(body, "User", request.user());
        body.put("Cmd", request.command());
        if (!environment.isEmpty()) {
            body.put("Env", environment);
        }
        putIfSet(body, "WorkingDir", request.workdir());
        return id(call("POST", "/containers/" + pathSegment(request.container()) + "/exec", body));
    }

    @Override
    public void inspectImage(String image) {
        call("GET", "/images/" + pathSegment(image) + "/json", null);
    }

    @Override
    public String createContainer(ContainerCreation creation) {
        List<String> binds = new ArrayList<>();
        for (MountBinding mount : creation.mounts()) {
            binds.add(mount.source() + ":" + mount.target() + (mount.readOnly() ? ":ro" : ":rw"));
        }
        Map<String, Object> hostConfig = new LinkedHashMap<>();
        hostConfig.put("Binds", binds);
        if (creation.init()) {
            hostConfig.put("Init", true);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Image", creation.image());
        body.put("Labels", creation.labels());
        putIfSet(body, "WorkingDir", creation.workdir());
        putIfSet(body, "User", creation.user());
        if (!creation.command().isEmpty()) {
            body.put("Cmd", creation.command());
        }
        body.put("HostConfig", hostConfig);
        return id(call("POST", "/containers/create?name=" + formValue(creation.name()), body));
    }

    @Override
    public void startContainer(String nameOrId) {
        call("POST", "/containers/" + pathSegment(nameOrId) + "/start", null);
    }

    @Override
    public void removeContainer(String nameOrId, boolean force) {
        call("DELETE", "/containers/" + pathSegment(nameOrId) + "?v=true&force=" + force, null);
    }

    /** Every address the lean client is made for (unix://, plain tcp://) carries exec streams. */
    @Override
    public void requireExecAttachable(String container) {
    }

    /** The exec's start request goes over a kept-open connection too. */
    @Override
    public EngineConnection execConnection() throws IOException {
        return connection();
    }

    /** An open connection for a request: an idle one when there is one. */
    private EngineConnection connection() throws IOException {
        synchronized (idle) {
            EngineConnection connection;
            while ((connection = idle.pollLast()) != null) {
                if (connection.isIdleAndOpen()) {
                    return connection;
                }
                closeQuietly(connection);
            }
        }
        return EngineConnection.open(address.host());
    }

    @Override
    public void close() {
        synchronized (idle) {
            idle.forEach(LeanEngineClient::closeQuietly);
            idle.clear();
        }
    }

    /** One request and its answer; a status other than 2xx is thrown as docker-java would throw it. */
    private EngineConnection.Response call(String method, String path, Map<String, Object> body) {
        byte[] json = body == null ? null : Json.write(body).getBytes(StandardCharsets.UTF_8);
        EngineConnection.Response response;
        try {
            EngineConnection connection = connection();
            try {
                response = connection.exchange(method, address.apiPrefix() + path, json);
            } catch (IOException | RuntimeException e) {
                closeQuietly(connection);
                throw e;
            }
            release(connection, response.reusable());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int status = response.status();
        if (status >= 200 && status <= 299) {
            return response;
        }
        String message = response.text();
        throw switch (status) {
            case 304 -> new NotModifiedException(message);
            case 400 -> new BadRequestException(message);
            case 401 -> new UnauthorizedException(message);
            case 404 -> new NotFoundException(message);
            case 406 -> new NotAcceptableException(message);
            case 409 -> new ConflictException(message);
            case 500 -> new InternalServerErrorException(message);
            default -> new DockerException(message, status);
        };
    }

    private void release(EngineConnection connection, boolean reusable) {
        synchronized (idle) {
            if (reusable && idle.size() < MAX_IDLE) {
                idle.addLast(connection);
                return;
            }
        }
        closeQuietly(connection);
    }

    private static String id(EngineConnection.Response response) {
        Object id = Json.object(Json.parse(response.text())).get("Id");
        if (!(id instanceof String text)) {
            throw new IllegalStateException("the engine's answer has no Id");
        }
        return text;
    }

    private static void putIfSet(Map<String, Object> body, String key, String value) {
        if (value != null && !value.isBlank()) {
            body.put(key, value);
        }
    }

    /** Escaped as docker-java (Guava's path segment escaper) does: {@code a/b:1} is {@code a%2Fb:1}. */
    static String pathSegment(String value) {
        return escape(value, "-._~!$&'()*+,;=:@", false);
    }

    /** Escaped as docker-java (Guava's form parameter escaper) does. */
    static String formValue(String value) {
        return escape(value, "-_.*", true);
    }

    private static String escape(String value, String safe, boolean plusForSpace) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || safe.indexOf(c) >= 0) {
                out.append((char) c);
            } else if (c == ' ' && plusForSpace) {
                out.append('+');
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static void closeQuietly(EngineConnection connection) {
        try {
            connection.close();
        } catch (IOException e) {
            // Nothing was pending on it.
        }
    }
}
