package dev.car.application.doctor;

import dev.car.application.exec.ExecPlan;
import dev.car.application.exec.ExecPlanner;
import dev.car.application.exec.RunCommand;
import dev.car.application.hub.HubLocator;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.application.port.out.HostEnvironment;
import dev.car.application.port.out.HubLocation;
import dev.car.application.port.out.ManifestStore;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.EngineException;
import dev.car.domain.container.ContainerSpecBuilder;
import dev.car.domain.container.ManagedContainers;
import dev.car.domain.container.MountBinding;
import dev.car.domain.destination.DockerDestination;
import dev.car.domain.destination.DockerProfile;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.ManifestException;
import dev.car.domain.manifest.ManifestIssue;
import dev.car.domain.manifest.RepoEntry;
import dev.car.domain.resolution.DestinationResolver;
import dev.car.domain.resolution.Resolution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The destination checks of {@code car doctor}: the reference tool's checks with its ids, names,
 * messages and fixes, plus engine, image, mount, passthrough, auth-file and container checks.
 * Only reads: the engine is asked questions, never told to do anything.
 */
public final class DoctorService implements DoctorUseCase {
    static final String CONFIGURATION = "Hub destination configuration";
    static final String ID = "hub.destination";
    static final String ID_BINARY = "hub.destination.docker.binary";
    static final String ID_DAEMON = "hub.destination.docker.daemon";
    static final String ID_IMAGE = "hub.destination.docker.image";
    static final String ID_MOUNTS = "hub.destination.mounts";
    static final String ID_PASSTHROUGH = "hub.destination.env_passthrough";
    static final String ID_AUTH_FILES = "hub.destination.auth_files";
    static final String ID_CONTAINER = "hub.destination.container";

    private final HubLocator locator;
    private final ManifestStore manifests;
    private final ExecPlanner planner;
    private final ContainerEngine engine;
    private final FileSystemProbe files;
    private final HostEnvironment host;

    public DoctorService(HubLocator locator, ManifestStore manifests, ExecPlanner planner, ContainerEngine engine,
                         FileSystemProbe files, HostEnvironment host) {
        this.locator = locator;
        this.manifests = manifests;
        this.planner = planner;
        this.engine = engine;
        this.files = files;
        this.host = host;
    }

    @Override
    public DoctorReport diagnose(Optional<Path> hubPath) {
        HubLocation hub = locator.locate(hubPath);
        List<Check> checks = new ArrayList<>();
        Manifest manifest;
        try {
            manifest = manifests.load(hub);
        } catch (ManifestException e) {
            checks.add(Check.error(CONFIGURATION, ID, "Failed to load hub manifest for destination checks: "
                    + e.getMessage(), "Validate manifest at " + hub.manifestPath()));
            return new DoctorReport(checks);
        }
        if (manifest.repos().isEmpty()) {
            checks.add(Check.ok(CONFIGURATION, ID, "No managed resources in hub manifest."));
        }
        List<ExecPlan> dockerPlans = new ArrayList<>();
        for (RepoEntry repo : manifest.repos()) {
            checkDestination(hub, manifest, repo, checks, dockerPlans);
        }
        checkMalformedEntries(hub, manifest, checks);
        if (!dockerPlans.isEmpty()) {
            checkDocker(hub, dockerPlans, checks);
        }
        return new DoctorReport(checks);
    }

    private void checkDestination(HubLocation hub, Manifest manifest, RepoEntry repo, List<Check> checks,
                                  List<ExecPlan> dockerPlans) {
        String name = "Hub destination (" + repo.id() + ")";
        Resolution resolution = DestinationResolver.resolve(repo, manifest.reposById());
        checks.add(Check.ok(name, ID, repo.id() + ": effective destination '" + resolution.destination().kind()
                + "' (source=" + resolution.source().wireName() + ")"));
        for (String issue : DestinationResolver.mergeIssues(resolution.issues(), manifest.issuesFor(repo.id()))) {
            checks.add(Check.warning(name, ID, repo.id() + ": " + issue,
                    "Update destination config for this repo in " + hub.manifestPath()));
        }
        if (resolution.destination() instanceof DockerDestination) {
            dockerPlans.add(planner.plan(hub, manifest, repo,
                    new RunCommand(Optional.of(hub.root()), repo.id(), null, Map.of(), List.of("true"))));
        }
    }

    /** Issues of entries that are not usable repos (no id, no path, not a mapping), by attribution. */
    private static void checkMalformedEntries(HubLocation hub, Manifest manifest, List<Check> checks) {
        Map<String, LinkedHashSet<String>> byRepoId = new TreeMap<>();
        for (ManifestIssue issue : manifest.issues()) {
            if (!manifest.reposById().containsKey(issue.repoId())) {
                byRepoId.computeIfAbsent(issue.repoId(), id -> new LinkedHashSet<>()).add(issue.message());
            }
        }
        byRepoId.forEach((repoId, messages) -> messages.forEach(message -> checks.add(Check.warning(
                "Hub destination (" + repoId + ")", ID, repoId + ": " + message,
                "Update malformed manifest repo entry in " + hub.manifestPath()))));
    }

    private void checkDocker(HubLocation hub, List<ExecPlan> plans, List<Check> checks) {
        String targets = String.join(", ", plans.stream().map(plan -> "repo:" + plan.repoId()).sorted().toList());
        checks.add(dockerCli());
        String version;
        try {
            version = engine.serverVersion();
            checks.add(Check.ok("Hub destination (docker daemon)", ID_DAEMON, "Docker daemon reachable for "
                    + "resources: " + targets + ". docker daemon reachable (server=" + version + ")"));
        } catch (EngineException e) {
            checks.add(Check.error("Hub destination (docker daemon)", ID_DAEMON, "Docker daemon unreachable for "
                    + "resources: " + targets + ". " + e.getMessage(), "Start Docker daemon/Desktop and rerun "
                    + "`docker info`. Destination kind=docker requires daemon connectivity."));
            version = null;
        }
        String hubId = ManagedContainers.hubId(hub.root().toString());
        for (ExecPlan plan : plans) {
            checkHostSide(plan, checks);
            if (version != null) {
                checkEngineSide(hubId, plan, checks);
            }
        }
    }

    /** The docker CLI is only needed by supervisors spawning what {@code wrap} prints. */
    private Check dockerCli() {
        String path = host.variables().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && files.isExecutableFile(Path.of(dir, "docker"))) {
                return Check.ok("Hub destination (docker binary)", ID_BINARY, "Docker CLI is available.");
            }
        }
        return Check.warning("Hub destination (docker binary)", ID_BINARY,
                "Docker CLI unavailable: Docker binary 'docker' not found",
                "Install Docker CLI and ensure it is in PATH.");
    }

    private void checkHostSide(ExecPlan plan, List<Check> checks) {
        String repoId = plan.repoId();
        String name = "Hub destination (" + repoId + ")";
        DockerDestination destination = (DockerDestination) plan.destination();

        List<String> missing = new ArrayList<>();
        for (MountBinding mount : plan.container().spec().mounts()) {
            if (!files.exists(Path.of(mount.source()))) {
                missing.add(mount.source());
            }
        }
        checks.add(missing.isEmpty()
                ? Check.ok(name, ID_MOUNTS, repoId + ": every mount source exists on the host")
                : Check.error(name, ID_MOUNTS, repoId + ": mount source(s) missing on the host: "
                        + String.join(", ", missing), "Create them, or remove the mounts from the destination"));

        Optional<DockerProfile> profile = DockerProfile.find(destination.profile());
        List<String> patterns = new ArrayList<>();
        profile.ifPresent(p -> patterns.addAll(p.defaultEnvPassthrough()));
        patterns.addAll(destination.envPassthrough());
        for (String pattern : new LinkedHashSet<>(patterns)) {
            boolean matches = !ContainerSpecBuilder.passthrough(List.of(pattern), host.variables()).isEmpty();
            checks.add(matches
                    ? Check.ok(name, ID_PASSTHROUGH, repoId + ": env_passthrough pattern '" + pattern
                            + "' matches host variables")
                    : Check.warning(name, ID_PASSTHROUGH, repoId + ": env_passthrough pattern '" + pattern
                            + "' matches no host variable", "Export the variable on the host, or drop the pattern"));
        }

        if (profile.isPresent() && plan.container().preflight() != null) {
            List<String> unreadable = new ArrayList<>();
            for (String file : plan.container().preflight().readableFiles()) {
                if (!files.isReadableFile(Path.of(file))) {
                    unreadable.add(file);
                }
            }
            checks.add(unreadable.isEmpty()
                    ? Check.ok(name, ID_AUTH_FILES, repoId + ": " + profile.get().name() + " auth files are readable")
                    : Check.error(name, ID_AUTH_FILES, repoId + ": unreadable required auth files: "
                            + String.join(", ", unreadable), "Log in to the tools so these files exist, readable "
                            + "by you; they are mounted into the container"));
        }
    }

    private void checkEngineSide(String hubId, ExecPlan plan, List<Check> checks) {
        String repoId = plan.repoId();
        String name = "Hub destination (" + repoId + ")";
        String image = plan.container().spec().image();
        String container = plan.container().spec().name();
        try {
            checks.add(engine.imagePresent(image)
                    ? Check.ok(name, ID_IMAGE, repoId + ": image '" + image + "' is present")
                    : Check.warning(name, ID_IMAGE, repoId + ": image '" + image + "' is not present; car exec "
                            + "pulls it on first use", "Pull it ahead of time: docker pull " + image));
            checks.add(containerCheck(hubId, plan, name, container, engine.inspect(container)));
        } catch (EngineException e) {
            checks.add(Check.error(name, ID_CONTAINER, repoId + ": " + e.getMessage(),
                    "Check the Docker daemon and rerun doctor"));
        }
    }

    private static Check containerCheck(String hubId, ExecPlan plan, String name, String container,
                                        Optional<ContainerState> inspected) {
        String repoId = plan.repoId();
        if (inspected.isEmpty()) {
            return Check.ok(name, ID_CONTAINER, repoId + ": container '" + container
                    + "' is absent; car exec creates it on first use");
        }
        ContainerState state = inspected.get();
        Map<String, String> labels = state.labels();
        if (!"true".equals(labels.get(ManagedContainers.MANAGED)) || !hubId.equals(labels.get(ManagedContainers.HUB))) {
            return Check.error(name, ID_CONTAINER, repoId + ": container '" + container
                    + "' exists but is not managed by this hub", "Remove or rename that container, or set another "
                    + "container_name for the repo");
        }
        boolean shared = !repoId.equals(labels.get(ManagedContainers.REPO));
        if (!shared && !plan.container().fingerprint().equals(labels.get(ManagedContainers.SPEC))) {
            return Check.warning(name, ID_CONTAINER, repoId + ": container '" + container
                    + "' is drifted from the destination; car exec recreates it when no command runs in it",
                    "Run any command with car exec, or car hub containers reap");
        }
        return Check.ok(name, ID_CONTAINER, repoId + ": container '" + container + "' is "
                + (state.running() ? "running" : "stopped; car exec starts it"));
    }
}
