package dev.car.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.car.domain.container.ManagedContainers;
import dev.car.domain.container.WorkspaceIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code car hub repo remove} against a real Docker engine. */
class RepoRemoveEndToEndTest {
    private static final String IMAGE = "car-test:busybox";

    @TempDir
    Path tmp;

    Path hub;
    Path repo;
    Path manifest;
    String hubId;
    String dockerHost;
    String container;
    DockerCli docker;
    final List<String> created = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        dockerHost = RealEngine.dockerHost();
        docker = new DockerCli(dockerHost);
        hub = tmp.toRealPath().resolve("hub");
        repo = hub.resolve("repos/app");
        Files.createDirectories(repo);
        Files.createDirectories(hub.resolve("worktrees/app--x"));
        Files.createDirectories(tmp.resolve("home"));
        manifest = hub.resolve(".codex-autorunner/manifest.yml");
        hubId = ManagedContainers.hubId(hub.toString());
        container = WorkspaceIds.defaultContainerName(repo.toString());
        created.add(container);
        assertEquals(0, car("hub", "init").exitCode());
        assertEquals(0, car("hub", "repo", "add", "repos/app").exitCode());
    }

    @AfterEach
    void removeContainers() {
        if (docker == null) {
            return;
        }
        for (String name : created) {
            docker.run("rm", "-f", name);
        }
        docker.removeWithLabel(ManagedContainers.HUB + "=" + hubId);
    }

    private CliRun.Result car(String... args) {
        return CliRun.run(hub, List.of(), args);
    }

    private void setDocker(String... flags) {
        List<String> args = new ArrayList<>(List.of("hub", "destination", "set", "app", "docker", "--image", IMAGE));
        args.addAll(List.of(flags));
        CliRun.Result result = car(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.stderr());
    }

    /** A running container under that name, with these labels. */
    private void runContainer(String name, Map<String, String> labels) {
        created.add(name);
        // With an init process, as car makes them, so that a stop is quick.
        List<String> args = new ArrayList<>(List.of("run", "-d", "--init", "--name", name));
        labels.forEach((key, value) -> args.addAll(List.of("--label", key + "=" + value)));
        args.addAll(List.of("-v", repo + ":" + repo, IMAGE, "tail", "-f", "/dev/null"));
        docker.run(args.toArray(String[]::new));
    }

    private boolean exists(String name) {
        return !docker.run("ps", "-aq", "--filter", "name=^/" + name + "$").isEmpty();
    }

    private boolean registered(String id) throws IOException {
        return Files.readString(manifest).contains("id: " + id + "\n");
    }

    @Test
    void theDefaultNamedContainerCarMadeIsStoppedAndRemovedWithTheRepo() throws Exception {
        setDocker();
        Map<String, String> env = Map.of("DOCKER_HOST", dockerHost, "HOME", tmp.resolve("home").toString());
        assertEquals(0, CarProcess.run(hub, env, "", "exec", "app", "--", "true").exitCode());
        assertEquals("true", docker.run("inspect", "-f", "{{.State.Running}}", container));

        CliRun.Result result = car("hub", "repo", "remove", "app");

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("repo: removed app (container: removed)\n", result.stdout());
        assertEquals("", result.stderr());
        assertFalse(exists(container));
        assertFalse(registered("app"));
    }

    @Test
    void anExplicitContainerNameIsLeftInPlaceAsShared() throws IOException {
        String shared = "car-e2e-" + hubId + "-shared";
        setDocker("--name", shared);
        runContainer(shared, ManagedContainers.labels(hubId, "app", "spec"));

        CliRun.Result result = car("hub", "repo", "remove", "app", "--json");

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("""
                {
                  "repo_id": "app",
                  "container": {
                    "name": "%s",
                    "status": "skipped_explicit",
                    "message": "Skipping docker container cleanup for explicit container_name (treated as shared)"
                  }
                }
                """.formatted(shared), result.stdout());
        assertEquals("true", docker.run("inspect", "-f", "{{.State.Running}}", shared));
        assertFalse(registered("app"));
    }

    @Test
    void keepContainerKeepsItAndALaterReapRemovesItAsItsRepoIsGone() throws IOException {
        setDocker();
        runContainer(container, ManagedContainers.labels(hubId, "app", "spec"));

        CliRun.Result kept = car("hub", "repo", "remove", "app", "--keep-container");

        assertEquals(0, kept.exitCode(), kept.stderr());
        assertEquals("repo: removed app (container: kept)\n", kept.stdout());
        assertEquals("true", docker.run("inspect", "-f", "{{.State.Running}}", container));
        assertFalse(registered("app"));

        CliRun.Result reaped = car("hub", "containers", "reap");

        assertEquals("reap: scanned 1, eligible 1, removed 1, errors 0 (ttl 12h)\n"
                + "removed " + container + " (repo_removed, repo app)\n", reaped.stdout(), reaped.stderr());
        assertFalse(exists(container));
    }

    @Test
    void aContainerThisHubDoesNotManageIsLeftInPlace() throws IOException {
        setDocker();
        runContainer(container, Map.of());

        CliRun.Result result = car("hub", "repo", "remove", "app");

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("repo: removed app (container: skipped_foreign)\n", result.stdout());
        assertEquals("true", docker.run("inspect", "-f", "{{.State.Running}}", container));
    }

    @Test
    void aMissingContainerIsNotFound() throws IOException {
        setDocker();

        CliRun.Result result = car("hub", "repo", "remove", "app");

        assertEquals("repo: removed app (container: not_found)\n", result.stdout(), result.stderr());
        assertFalse(registered("app"));
    }

    @Test
    void aBaseWithWorktreesIsRefusedAndNothingChanges() throws IOException {
        setDocker();
        runContainer(container, ManagedContainers.labels(hubId, "app", "spec"));
        assertEquals(0, car("hub", "repo", "add", "worktrees/app--x", "--worktree-of", "app").exitCode());
        String before = Files.readString(manifest);

        CliRun.Result result = car("hub", "repo", "remove", "app");

        assertEquals(1, result.exitCode());
        assertEquals("", result.stdout());
        assertEquals("Repo 'app' still has worktrees: app--x; remove them first\n", result.stderr());
        assertEquals(before, Files.readString(manifest));
        assertEquals("true", docker.run("inspect", "-f", "{{.State.Running}}", container));
    }

    @Test
    void anUnknownIdIsOneLine() {
        CliRun.Result result = car("hub", "repo", "remove", "nope");

        assertEquals(1, result.exitCode());
        assertEquals("Repo id not found in hub manifest: nope\n", result.stderr());
    }

    @Test
    void aLocalRepoNeverReachesForTheEngineAndAnUnreachableOneIsAnErrorAfterTheRemoval() throws Exception {
        assertEquals(0, car("hub", "repo", "add", "worktrees/app--x", "--id", "other").exitCode());
        CliRun.Result set = car("hub", "destination", "set", "other", "docker", "--image", IMAGE);
        assertEquals(0, set.exitCode(), set.stderr());
        Map<String, String> noEngine = Map.of("DOCKER_HOST", "unix://" + tmp.resolve("no-engine.sock"),
                "HOME", tmp.resolve("home").toString());

        CarProcess.Finished local = CarProcess.run(hub, noEngine, "", "hub", "repo", "remove", "app");
        CarProcess.Finished docker = CarProcess.run(hub, noEngine, "", "hub", "repo", "remove", "other");

        assertEquals(0, local.exitCode(), local.stderr());
        assertEquals("repo: removed app (container: not_applicable)\n", local.stdout());
        assertEquals("", local.stderr());
        assertEquals(1, docker.exitCode());
        assertEquals("repo: removed other (container: error)\n", docker.stdout());
        String name = WorkspaceIds.defaultContainerName(hub.resolve("worktrees/app--x").toString());
        assertEquals(1, docker.stderr().lines().count(), docker.stderr());
        assertTrue(docker.stderr().startsWith("Repo 'other' was removed, but its container '" + name
                + "' could not be: Docker engine unreachable at unix://"), docker.stderr());
        assertFalse(registered("app"));
        assertFalse(registered("other"));
    }
}
