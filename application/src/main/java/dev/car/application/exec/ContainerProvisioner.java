package dev.car.application.exec;

import dev.car.application.port.out.engine.ContainerCreation;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.EngineException;
import dev.car.application.port.out.engine.ExecRequest;
import dev.car.application.port.out.engine.NameConflictException;
import dev.car.domain.container.ContainerSpec;
import dev.car.domain.container.ManagedContainers;
import dev.car.domain.container.Preflight;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Makes sure a repo's managed container exists, matches its destination and runs, and that the
 * profile's preflight passes. Never starts, execs in or removes a container it does not own.
 */
public final class ContainerProvisioner {
    /**
     * The engine reserves a name before the container can be inspected, so a car that lost the
     * creation race may see neither for a moment; it waits this long, in small steps, for the winner.
     */
    private static final int ATTEMPTS = 150;
    private static final long RETRY_MILLIS = 200;

    private final ContainerEngine engine;

    public ContainerProvisioner(ContainerEngine engine) {
        this.engine = engine;
    }

    /** Ensures the container of a docker plan; {@code progress} receives image pull lines. */
    public void ensureRunning(String hubId, ExecPlan plan, Consumer<String> progress) {
        ExecPlan.Container container = plan.container();
        String name = container.spec().name();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<ContainerState> existing = engine.inspect(name);
            if (existing.isEmpty()) {
                if (create(hubId, plan, progress)) {
                    return;
                }
                pause();
                continue;
            }
            ContainerState state = existing.get();
            requireOwned(hubId, name, state);
            String owner = state.labels().getOrDefault(ManagedContainers.REPO, "");
            if (!owner.equals(plan.repoId())) {
                requireRepoMounted(plan, state, owner);
                startIfStopped(state);
                return;
            }
            if (!container.fingerprint().equals(state.labels().get(ManagedContainers.SPEC))) {
                if (state.runningExecs() > 0) {
                    throw new ExecFailure("Container '" + name + "' no longer matches the destination of repo '"
                            + plan.repoId() + "', but " + state.runningExecs()
                            + " command(s) are still running in it; retry when they have ended");
                }
                engine.remove(state.id(), true);
                continue;
            }
            startIfStopped(state);
            return;
        }
        throw new ExecFailure("Container '" + name + "' kept changing while car prepared it; retry");
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecFailure("Interrupted while waiting for a container being created by another car");
        }
    }

    /** True when this call created and started the container; false when another creator won the race. */
    private boolean create(String hubId, ExecPlan plan, Consumer<String> progress) {
        ExecPlan.Container container = plan.container();
        ContainerSpec spec = container.spec();
        if (!engine.imagePresent(spec.image())) {
            progress.accept("car: pulling image " + spec.image());
            try {
                engine.pullImage(spec.image(), progress::accept);
            } catch (EngineException e) {
                throw new ExecFailure("Failed to pull image '" + spec.image() + "': " + e.getMessage(), e);
            }
        }
        Map<String, String> labels = ManagedContainers.labels(hubId, plan.repoId(), container.fingerprint());
        try {
            engine.create(new ContainerCreation(spec.name(), spec.image(), spec.mounts(), labels, spec.workdir(),
                    container.user(), ExecPlanner.INIT, ManagedContainers.IDLE_COMMAND));
        } catch (NameConflictException e) {
            return false;
        }
        engine.start(spec.name());
        return true;
    }

    private void startIfStopped(ContainerState state) {
        if (!state.running()) {
            engine.start(state.id());
        }
    }

    private static void requireOwned(String hubId, String name, ContainerState state) {
        boolean managed = "true".equals(state.labels().get(ManagedContainers.MANAGED));
        if (!managed || !hubId.equals(state.labels().get(ManagedContainers.HUB))) {
            throw new ExecFailure("Container '" + name + "' exists but is not managed by this hub; car will not "
                    + "start, exec in or remove it. Remove or rename it, or set another container_name");
        }
    }

    /** A container shared through an explicit name must already mount this repo's root. */
    private static void requireRepoMounted(ExecPlan plan, ContainerState state, String owner) {
        String root = plan.repoRoot().toString();
        boolean mounted = state.mounts().stream().anyMatch(m -> root.equals(m.destination()) && root.equals(m.source()));
        if (!mounted) {
            throw new ExecFailure("Repo '" + plan.repoId() + "' root " + root + " is not mounted in container '"
                    + state.name() + "' (created for repo '" + owner + "'); give the repo its own destination "
                    + "or container_name");
        }
    }

    /** Runs the profile's preflight in the container; fails with the reference messages. */
    public void preflight(ExecPlan plan) {
        Preflight.Requirements requirements = plan.container().preflight();
        if (requirements == null) {
            return;
        }
        String name = plan.container().spec().name();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try {
            exitCode = engine.exec(new ExecRequest(name, List.of("sh", "-lc", Preflight.script(requirements)),
                    Map.of(), null, plan.container().user(), null, out, err)).waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecFailure("Docker preflight interrupted in " + name, e);
        }
        String stdout = out.toString(StandardCharsets.UTF_8);
        if (exitCode != 0) {
            String details = err.toString(StandardCharsets.UTF_8).strip();
            if (details.isEmpty()) {
                details = stdout.strip();
            }
            throw new ExecFailure("Docker preflight command failed in " + name + ": "
                    + (details.isEmpty() ? "unknown error" : details.lines().findFirst().orElse("")));
        }
        String problems = Preflight.problems(stdout);
        if (!problems.isEmpty()) {
            throw new ExecFailure("Docker preflight failed in " + name + ": " + problems);
        }
    }
}
