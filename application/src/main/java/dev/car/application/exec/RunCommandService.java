package dev.car.application.exec;

import dev.car.application.port.out.ProcessLauncher;
import dev.car.application.port.out.RandomSource;
import dev.car.application.port.out.ProcessLauncher.LocalProcess;
import dev.car.application.port.out.SignalTrap;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.port.out.engine.EngineException;
import dev.car.application.port.out.engine.ExecRequest;
import dev.car.application.port.out.engine.ExecSession;
import dev.car.domain.container.ManagedContainers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Runs commands where their repo's destination says, forwarding signals and exit codes. */
public final class RunCommandService implements RunCommandUseCase, WrapCommandUseCase {
    /** Marks the processes of one exec so a signal can reach them, and their children, in the container. */
    static final String EXEC_MARKER = "CAR_EXEC_ID";
    private static final long KILL_AFTER_MILLIS = 10_000;
    private static final int SIGKILL = 9;
    private static final String SIGNAL_SCRIPT = "for p in /proc/[0-9]*; do "
            + "if tr '\\000' '\\n' < \"$p/environ\" 2>/dev/null | grep -qx \"" + EXEC_MARKER + "=$1\"; then "
            + "kill -\"$2\" \"${p#/proc/}\" 2>/dev/null; fi; done; exit 0";

    private final ExecPlanner planner;
    private final ContainerProvisioner provisioner;
    private final ContainerEngine engine;
    private final ProcessLauncher launcher;
    private final SignalTrap signals;
    private final RandomSource random;

    public RunCommandService(ExecPlanner planner, ContainerProvisioner provisioner, ContainerEngine engine,
                             ProcessLauncher launcher, SignalTrap signals, RandomSource random) {
        this.planner = planner;
        this.provisioner = provisioner;
        this.engine = engine;
        this.launcher = launcher;
        this.signals = signals;
        this.random = random;
    }

    @Override
    public ExecPlan plan(RunCommand command) {
        return planner.plan(command).plan();
    }

    @Override
    public int run(RunCommand command, StdStreams streams) {
        ExecPlanner.Planned planned = planner.plan(command);
        ExecPlan plan = planned.plan();
        if (!plan.isDocker()) {
            return runLocal(plan, streams);
        }
        prepare(planned, streams.err());
        return runInContainer(plan, streams);
    }

    @Override
    public WrappedCommand wrap(RunCommand command) {
        ExecPlanner.Planned planned = planner.plan(command);
        ExecPlan plan = planned.plan();
        if (!plan.isDocker()) {
            return new WrappedCommand(plan.command(), null);
        }
        prepare(planned, OutputStream.nullOutputStream());
        List<String> argv = new ArrayList<>(List.of("docker", "exec", "-w", plan.workdir()));
        // Passthrough values stay in the supervisor's environment: docker reads `-e NAME` from there.
        new TreeMap<>(plan.env()).forEach((key, value) -> {
            argv.add("-e");
            argv.add(plan.secretNames().contains(key) ? key : key + "=" + value);
        });
        argv.add(plan.container().spec().name());
        argv.addAll(plan.command());
        return new WrappedCommand(argv, plan.container().stateRoot().toString());
    }

    private void prepare(ExecPlanner.Planned planned, OutputStream progressStream) {
        PrintStream progress = new PrintStream(progressStream, true, StandardCharsets.UTF_8);
        try {
            String hubId = ManagedContainers.hubId(planned.hub().root().toString());
            provisioner.ensureRunning(hubId, planned.plan(), progress::println);
            provisioner.preflight(planned.plan());
        } catch (EngineException e) {
            throw new ExecFailure(e.getMessage(), e);
        }
    }

    private int runInContainer(ExecPlan plan, StdStreams streams) {
        String container = plan.container().spec().name();
        String marker = HexFormat.of().formatHex(random.nextBytes(12));
        Map<String, String> env = new LinkedHashMap<>(plan.env());
        env.put(EXEC_MARKER, marker);
        AtomicInteger received = new AtomicInteger();
        // Trapped before the exec starts, so no signal can end car while the command runs on unsupervised.
        try (SignalTrap.Trap trap = signals.install(signal -> {
            received.compareAndSet(0, signal);
            forwardInBackground(container, marker, signal);
        })) {
            ExecSession session;
            try {
                session = engine.exec(new ExecRequest(container, plan.command(), env, plan.workdir(),
                        plan.container().user(), streams.in(), streams.out(), streams.err()));
            } catch (EngineException e) {
                throw new ExecFailure(e.getMessage(), e);
            }
            if (received.get() != 0) {
                forwardInBackground(container, marker, received.get());
            }
            int exitCode = waitUninterruptibly(session);
            if (received.get() != 0) {
                signalInContainer(container, marker, SIGKILL);
                return 128 + received.get();
            }
            return exitCode;
        }
    }

    private void forwardInBackground(String container, String marker, int signal) {
        Thread forwarder = new Thread(() -> forward(container, marker, signal), "car-signal-forwarder");
        forwarder.setDaemon(true);
        forwarder.start();
    }

    /** Sends the signal to every process of the exec; escalates to KILL when they do not end. */
    private void forward(String container, String marker, int signal) {
        signalInContainer(container, marker, signal);
        try {
            Thread.sleep(KILL_AFTER_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        signalInContainer(container, marker, SIGKILL);
    }

    private void signalInContainer(String container, String marker, int signal) {
        try {
            engine.exec(new ExecRequest(container, List.of("sh", "-c", SIGNAL_SCRIPT, "car-signal", marker,
                    String.valueOf(signal)), Map.of(), null, "0:0", null, OutputStream.nullOutputStream(),
                    OutputStream.nullOutputStream())).waitFor();
        } catch (EngineException e) {
            // The container may be gone already; nothing is left to signal then.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int runLocal(ExecPlan plan, StdStreams streams) {
        AtomicInteger received = new AtomicInteger();
        AtomicReference<LocalProcess> running = new AtomicReference<>();
        // Trapped before the process starts, so no signal can end car and leave the command behind.
        try (SignalTrap.Trap trap = signals.install(signal -> {
            received.compareAndSet(0, signal);
            LocalProcess process = running.get();
            if (process != null) {
                process.signal(signal);
            }
        })) {
            LocalProcess process;
            try {
                process = launcher.start(plan.command(), Path.of(plan.workdir()), plan.env());
            } catch (IOException e) {
                String reason = String.valueOf(e.getMessage());
                PrintStream err = new PrintStream(streams.err(), true, StandardCharsets.UTF_8);
                err.println("car: cannot run '" + plan.command().get(0) + "': "
                        + reason.replaceFirst("^.*error=\\d+, ", ""));
                return reason.contains("error=2,") ? 127 : 126;
            }
            running.set(process);
            if (received.get() != 0) {
                process.signal(received.get());
            }
            int exitCode;
            while (true) {
                try {
                    exitCode = process.waitFor();
                    break;
                } catch (InterruptedException e) {
                    process.kill();
                }
            }
            return received.get() != 0 ? 128 + received.get() : exitCode;
        }
    }

    private static int waitUninterruptibly(ExecSession session) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return session.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
