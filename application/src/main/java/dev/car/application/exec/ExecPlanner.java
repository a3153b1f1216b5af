package dev.car.application.exec;

import dev.car.application.UseCaseFailure;
import dev.car.application.port.out.HubLocation;
import dev.car.application.hub.HubLocator;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HostEnvironment;
import dev.car.application.port.out.ManifestStore;
import dev.car.domain.container.ContainerSpec;
import dev.car.domain.container.ContainerSpecBuilder;
import dev.car.domain.container.ManagedContainers;
import dev.car.domain.container.Preflight;
import dev.car.domain.container.Templates;
import dev.car.domain.destination.DockerDestination;
import dev.car.domain.destination.DockerProfile;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.ManifestException;
import dev.car.domain.manifest.RepoEntry;
import dev.car.domain.repo.HubPaths;
import dev.car.domain.resolution.DestinationResolver;
import dev.car.domain.resolution.Resolution;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Decides where and how a command runs, without touching the engine. */
public final class ExecPlanner {
    /** Containers always run with an init process: fast stop, orphans reaped. */
    public static final boolean INIT = true;

    private final HubLocator locator;
    private final ManifestStore manifests;
    private final FileSystemProbe files;
    private final HostEnvironment host;

    public ExecPlanner(HubLocator locator, ManifestStore manifests, FileSystemProbe files, HostEnvironment host) {
        this.locator = locator;
        this.manifests = manifests;
        this.files = files;
        this.host = host;
    }

    /** The located hub and the plan; failures are {@link ExecFailure}s. */
    public Planned plan(RunCommand command) {
        try {
            HubLocation hub = locator.locate(command.hubPath());
            Manifest manifest = manifests.loadFor(hub, command.repoId()); // the plan reads this repo and its base
            RepoEntry repo = manifest.find(command.repoId()).orElseThrow(() ->
                    new UseCaseFailure("Repo id not found in hub manifest: " + command.repoId()));
            return new Planned(hub, plan(hub, manifest, repo, command));
        } catch (ExecFailure e) {
            throw e;
        } catch (UseCaseFailure | ManifestException e) {
            throw new ExecFailure(e.getMessage(), e);
        }
    }

    /** The plan for one repo of an already loaded manifest (doctor plans every repo from one load). */
    public ExecPlan plan(HubLocation hub, Manifest manifest, RepoEntry repo, RunCommand command) {
        Resolution resolution = DestinationResolver.resolve(repo, manifest.reposById());
        Path repoRoot = files.canonicalize(HubPaths.absolute(hub.root(), repo.path()));
        return planFor(repo, resolution, repoRoot, command);
    }

    private ExecPlan planFor(RepoEntry repo, Resolution resolution, Path repoRoot, RunCommand command) {
        Map<String, String> hostEnv = host.variables();
        if (!(resolution.destination() instanceof DockerDestination docker)) {
            Map<String, String> env = new LinkedHashMap<>(hostEnv);
            env.putAll(command.extraEnv());
            Path workdir = command.workdir() != null ? host.workingDirectory().resolve(command.workdir()) : repoRoot;
            return new ExecPlan(repo.id(), resolution.destination(), resolution.source(), repoRoot, null,
                    workdir.toString(), env, Set.of(), command.command());
        }
        String home = host.homeDirectory().toString();
        ContainerSpec spec = ContainerSpecBuilder.build(docker, repoRoot.toString(), hostEnv, home);
        Templates templates = new Templates(repoRoot.toString(), home);
        String workdir = command.workdir() != null
                ? templates.expand(absoluteInContainer(command.workdir(), spec.workdir()))
                : spec.workdir();
        Map<String, String> env = new LinkedHashMap<>(spec.env());
        Set<String> secrets = new LinkedHashSet<>(spec.secretNames());
        command.extraEnv().forEach((key, value) -> {
            env.put(key, value);
            secrets.remove(key);
        });
        String user = host.userSpec();
        Preflight.Requirements preflight = DockerProfile.find(docker.profile())
                .map(profile -> Preflight.Requirements.of(profile, templates, workdir))
                .orElse(null);
        ExecPlan.Container container = new ExecPlan.Container(spec, user,
                ManagedContainers.fingerprint(spec, user, INIT), preflight,
                repoRoot.resolve(".codex-autorunner").resolve("app_server_workspaces"));
        return new ExecPlan(repo.id(), docker, resolution.source(), repoRoot, container, workdir, env, secrets,
                command.command());
    }

    /** A relative {@code --workdir} is taken from the container's default working directory. */
    private static String absoluteInContainer(String workdir, String base) {
        return workdir.startsWith("/") || workdir.startsWith("${") ? workdir : base + "/" + workdir;
    }

    /** A plan with the hub it was made in. */
    public record Planned(HubLocation hub, ExecPlan plan) {
    }
}
