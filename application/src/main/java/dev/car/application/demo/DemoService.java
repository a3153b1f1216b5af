package dev.car.application.demo;

import dev.car.application.destination.DestinationView;
import dev.car.application.destination.FlagDestinationRequest;
import dev.car.application.destination.SetDestinationUseCase;
import dev.car.application.destination.SetDestinationUseCase.SetDestinationCommand;
import dev.car.application.destination.ShowDestinationUseCase;
import dev.car.application.destination.ShowDestinationUseCase.ShowDestinationQuery;
import dev.car.application.hub.InitHubUseCase;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.repo.AddRepoUseCase;
import dev.car.application.repo.AddRepoUseCase.AddRepoCommand;
import dev.car.application.exec.ExecFailure;
import dev.car.application.exec.ExecPlan;
import dev.car.application.exec.RunCommand;
import dev.car.application.exec.RunCommandUseCase;
import dev.car.application.exec.StdStreams;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.port.out.engine.EngineException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs the demo through the same use cases the commands use, so it shows real behaviour. */
public final class DemoService implements RunDemoUseCase {
    public static final String DEMO_IMAGE = "busybox:latest";
    private static final String BASE_ID = "demo";
    private static final String WORKTREE_ID = "demo--feature";

    private final FileSystemProbe files;
    private final InitHubUseCase initHub;
    private final AddRepoUseCase addRepo;
    private final SetDestinationUseCase setDestination;
    private final ShowDestinationUseCase showDestination;
    private final RunCommandUseCase runCommand;
    private final ContainerEngine engine;

    public DemoService(FileSystemProbe files, InitHubUseCase initHub, AddRepoUseCase addRepo,
                       SetDestinationUseCase setDestination, ShowDestinationUseCase showDestination,
                       RunCommandUseCase runCommand, ContainerEngine engine) {
        this.files = files;
        this.initHub = initHub;
        this.addRepo = addRepo;
        this.setDestination = setDestination;
        this.showDestination = showDestination;
        this.runCommand = runCommand;
        this.engine = engine;
    }

    @Override
    public DemoReport run() {
        Path hub = files.createTempDirectory("car-demo-").resolve("hub");
        Optional<Path> hubPath = Optional.of(hub);
        List<DemoStep> steps = new ArrayList<>();

        InitHubUseCase.InitResult init = initHub.init(hubPath);
        steps.add(new DemoStep("car hub init --path " + hub, "hub created at " + init.hubRoot()));

        Path base = hub.resolve("repos").resolve(BASE_ID);
        Path worktree = hub.resolve("worktrees").resolve(WORKTREE_ID);
        files.createDirectories(base);
        files.createDirectories(worktree);
        addRepo.add(new AddRepoCommand(hubPath, base, BASE_ID, null, null, null));
        steps.add(new DemoStep("car hub repo add repos/" + BASE_ID + " --id " + BASE_ID + " --path " + hub,
                "registered base repo " + BASE_ID));
        addRepo.add(new AddRepoCommand(hubPath, worktree, WORKTREE_ID, BASE_ID, "feature", null));
        steps.add(new DemoStep("car hub repo add worktrees/" + WORKTREE_ID + " --id " + WORKTREE_ID
                + " --worktree-of " + BASE_ID + " --branch feature --path " + hub,
                "registered worktree " + WORKTREE_ID + " of " + BASE_ID));

        FlagDestinationRequest docker = new FlagDestinationRequest("docker", DEMO_IMAGE, null,
                List.of("CAR_*"), List.of(), List.of(), List.of(), null, null);
        DestinationView baseView = setDestination.set(new SetDestinationCommand(hubPath, BASE_ID, docker));
        steps.add(new DemoStep("car hub destination set " + BASE_ID + " docker --image " + DEMO_IMAGE
                + " --env 'CAR_*' --path " + hub,
                "destination: " + BASE_ID + " -> " + baseView.effective().kind()
                        + " (source=" + baseView.source().wireName() + ")"));

        DestinationView worktreeView = showDestination.show(new ShowDestinationQuery(hubPath, WORKTREE_ID));
        steps.add(new DemoStep("car hub destination show " + WORKTREE_ID + " --path " + hub,
                WORKTREE_ID + " runs in " + worktreeView.effective().kind()
                        + " (source=" + worktreeView.source().wireName() + ")"));
        steps.add(runInContainer(hubPath));
        return new DemoReport(init.hubRoot(), steps, baseView, worktreeView);
    }

    /** Runs a command in the worktree's container when an engine answers, then removes the container. */
    private DemoStep runInContainer(Optional<Path> hubPath) {
        String commandLine = "car exec " + WORKTREE_ID + " -- sh -c 'echo \"hello from $(hostname) in $(pwd)\"'";
        try {
            engine.serverVersion();
        } catch (EngineException e) {
            return new DemoStep(commandLine, "skipped: no Docker engine reachable (" + e.getMessage() + ")");
        }
        RunCommand command = new RunCommand(hubPath, WORKTREE_ID, null, Map.of(),
                List.of("sh", "-c", "echo \"hello from $(hostname) in $(pwd)\""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            int exitCode = runCommand.run(command, new StdStreams(InputStream.nullInputStream(), out, err));
            String output = out.toString(StandardCharsets.UTF_8).strip();
            return new DemoStep(commandLine, exitCode == 0 ? output : "exit " + exitCode + ": "
                    + err.toString(StandardCharsets.UTF_8).strip());
        } catch (ExecFailure e) {
            return new DemoStep(commandLine, "failed: " + e.getMessage());
        } finally {
            removeDemoContainer(command);
        }
    }

    private void removeDemoContainer(RunCommand command) {
        try {
            ExecPlan plan = runCommand.plan(command);
            if (plan.isDocker()) {
                engine.remove(plan.container().spec().name(), true);
            }
        } catch (RuntimeException e) {
            // Best effort: the demo hub is throwaway and reap removes stale containers.
        }
    }
}
