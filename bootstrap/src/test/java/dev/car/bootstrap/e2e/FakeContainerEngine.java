package dev.car.bootstrap.e2e;

import dev.car.application.port.out.engine.ContainerCreation;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.ExecRequest;
import dev.car.application.port.out.engine.ExecSession;
import dev.car.application.port.out.engine.NameConflictException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An engine in memory: containers are records, an exec echoes its command line and exits 0. */
final class FakeContainerEngine implements ContainerEngine {
    final Map<String, ContainerState> containers = new LinkedHashMap<>();
    final List<ContainerCreation> created = new ArrayList<>();
    final List<ExecRequest> execs = new ArrayList<>();

    @Override
    public String serverVersion() {
        return "fake";
    }

    @Override
    public boolean imagePresent(String image) {
        return true;
    }

    @Override
    public void pullImage(String image, ProgressListener progress) {
    }

    @Override
    public synchronized Optional<ContainerState> inspect(String nameOrId) {
        return Optional.ofNullable(containers.get(nameOrId));
    }

    @Override
    public synchronized String create(ContainerCreation creation) {
        if (containers.containsKey(creation.name())) {
            throw new NameConflictException("name in use: " + creation.name());
        }
        created.add(creation);
        List<ContainerState.MountedPath> mounts = creation.mounts().stream()
                .map(m -> new ContainerState.MountedPath("bind", m.source(), m.target())).toList();
        containers.put(creation.name(), new ContainerState(creation.name(), creation.name(), creation.image(), false,
                "created", creation.labels(), mounts, null, null, null, 0));
        return creation.name();
    }

    @Override
    public synchronized void start(String nameOrId) {
        ContainerState s = containers.get(nameOrId);
        containers.put(nameOrId, new ContainerState(s.id(), s.name(), s.image(), true, "running", s.labels(),
                s.mounts(), s.createdAt(), s.startedAt(), s.finishedAt(), 0));
    }

    @Override
    public void stop(String nameOrId, int timeoutSeconds) {
    }

    @Override
    public synchronized void remove(String nameOrId, boolean force) {
        containers.remove(nameOrId);
    }

    @Override
    public synchronized List<ContainerState> listByLabels(Map<String, String> labels) {
        return containers.values().stream()
                .filter(c -> c.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    @Override
    public synchronized ExecSession exec(ExecRequest request) {
        execs.add(request);
        try {
            request.stdout().write(("ran " + String.join(" ", request.command()) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return () -> 0;
    }
}
