package dev.car.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.car.domain.container.ManagedContainers;
import dev.car.domain.container.WorkspaceIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code car hub containers list|reap} against a real Docker engine. */
class ContainersEndToEndTest {
    private static final String IMAGE = "car-test:busybox";
    private static final Pattern DRIFT = Pattern.compile("\"drift\": \"(\\w+)\"");

    @TempDir
    Path tmp;

    Path hub;
    Path repo;
    String hubId;
    String dockerHost;
    DockerCli docker;
    final List<String> created = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        dockerHost = RealEngine.dockerHost();
        docker = new DockerCli(dockerHost);
        hub = tmp.toRealPath().resolve("hub");
        repo = hub.resolve("repos/app");
        Files.createDirectories(repo);
        Files.createDirectories(tmp.resolve("home"));
        hubId = ManagedContainers.hubId(hub.toString());
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

    /** car with its clock moved forward, as if that much time had passed. */
    private CliRun.Result carLater(Duration later, String... args) {
        Module clock = new AbstractModule() {
            @Override
            protected void configure() {
                bind(Clock.class).toInstance(Clock.fixed(Instant.now().plus(later), ZoneOffset.UTC));
            }
        };
        return CliRun.run(hub, List.of(clock), args);
    }

    private String name(String suffix) {
        String name = "car-e2e-" + hubId + "-" + suffix;
        created.add(name);
        return name;
    }

    /** Runs a container like car's (labels, bind mount of {@code source}), optionally stopping it at once. */
    private String container(String suffix, Map<String, String> labels, Path source, boolean stop) {
        String name = name(suffix);
        // With an init process, as car makes them, so that a stop is quick.
        List<String> args = new ArrayList<>(List.of("run", "-d", "--init", "--name", name));
        labels.forEach((key, value) -> args.addAll(List.of("--label", key + "=" + value)));
        args.addAll(List.of("-v", source + ":" + source, IMAGE, "tail", "-f", "/dev/null"));
        docker.run(args.toArray(String[]::new));
        if (stop) {
            docker.run("stop", "-t", "0", name);
        }
        assertEquals(stop ? "false" : "true", docker.run("inspect", "-f", "{{.State.Running}}", name));
        return name;
    }

    private Map<String, String> mine(String repoId) {
        return ManagedContainers.labels(hubId, repoId, "spec");
    }

    private boolean exists(String name) {
        return !docker.run("ps", "-aq", "--filter", "name=^/" + name + "$").isEmpty();
    }

    @Test
    void reapRemovesEachReasonAndNeverTouchesAnotherHubsOrAnUnmanagedContainer() throws IOException {
        Path doomed = Files.createDirectories(tmp.resolve("doomed"));
        String gone = container("gone", mine("app"), doomed, false);
        String ghost = container("ghost", mine("ghost"), repo, false);
        String stale = container("stale", mine("app"), repo, true);
        String fine = container("fine", mine("app"), repo, false);
        String otherHub = container("other-hub", ManagedContainers.labels("0123456789ab", "ghost", "spec"),
                doomed, true);
        String unmanaged = container("unmanaged", Map.of(ManagedContainers.HUB, hubId,
                ManagedContainers.REPO, "ghost"), doomed, true);
        Files.delete(doomed);

        CliRun.Result result = carLater(Duration.ofHours(13), "hub", "containers", "reap", "--json");

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("", result.stderr());
        assertTrue(result.stdout().contains("\"scanned\": 4,\n  \"eligible\": 3,"), result.stdout());
        assertTrue(result.stdout().contains("\"removed\": [\n"
                + "    {\n      \"name\": \"" + ghost + "\",\n      \"reason\": \"repo_removed\"\n    },\n"
                + "    {\n      \"name\": \"" + gone + "\",\n      \"reason\": \"missing_mount\"\n    },\n"
                + "    {\n      \"name\": \"" + stale + "\",\n      \"reason\": \"stopped_ttl\"\n    }\n  ],"),
                result.stdout());
        assertTrue(result.stdout().endsWith("\"errors\": []\n}\n"), result.stdout());
        assertFalse(exists(gone));
        assertFalse(exists(ghost));
        assertFalse(exists(stale));
        assertEquals("true", docker.run("inspect", "-f", "{{.State.Running}}", fine));
        assertTrue(exists(otherHub));
        assertTrue(exists(unmanaged));
    }

    @Test
    void theTtlCountsFromWhenTheContainerStopped() throws InterruptedException {
        String stopped = container("stopped", mine("app"), repo, true);
        String running = container("running", mine("app"), repo, false);

        CliRun.Result early = car("hub", "containers", "reap", "--ttl", "1h");
        Thread.sleep(1_500);
        CliRun.Result late = car("hub", "containers", "reap", "--ttl", "1s");

        assertEquals("reap: scanned 2, eligible 0, removed 0, errors 0 (ttl 1h)\n", early.stdout(), early.stderr());
        assertEquals("reap: scanned 2, eligible 1, removed 1, errors 0 (ttl 1s)\n"
                + "removed " + stopped + " (stopped_ttl, repo app)\n", late.stdout(), late.stderr());
        assertFalse(exists(stopped));
        assertEquals("true", docker.run("inspect", "-f", "{{.State.Running}}", running));
    }

    @Test
    void aDryRunReportsWithoutRemoving() throws IOException {
        String ghost = container("ghost", mine("ghost"), repo, false);
        String stale = container("stale", mine("app"), repo, true);

        CliRun.Result result = carLater(Duration.ofDays(3), "hub", "containers", "reap", "--dry-run", "--ttl", "2d");

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("reap (dry run): scanned 2, eligible 2 (ttl 2d)\n"
                + "would remove " + ghost + " (repo_removed, repo ghost)\n"
                + "would remove " + stale + " (stopped_ttl, repo app)\n", result.stdout());
        assertEquals("true", docker.run("inspect", "-f", "{{.State.Running}}", ghost));
        assertTrue(exists(stale));
    }

    @Test
    void aBadTtlIsAUsageError() {
        CliRun.Result result = car("hub", "containers", "reap", "--ttl", "5y");

        assertEquals(2, result.exitCode());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        assertTrue(result.stderr().startsWith("car: Invalid TTL '5y'"), result.stderr());
    }

    @Test
    void listShowsDriftOnceTheDestinationChangesAndChangesNothing() throws Exception {
        // car exec and list in processes of their own, so both see the same host user and home.
        Map<String, String> env = Map.of("DOCKER_HOST", dockerHost, "HOME", tmp.resolve("home").toString());
        String container = WorkspaceIds.defaultContainerName(repo.toString());
        String foreign = container("foreign", ManagedContainers.labels("0123456789ab", "app", "spec"), repo, false);
        assertEquals(0, car("hub", "destination", "set", "app", "docker", "--image", IMAGE).exitCode());
        assertEquals(0, CarProcess.run(hub, env, "", "exec", "app", "--", "true").exitCode());

        CarProcess.Finished matching = CarProcess.run(hub, env, "", "hub", "containers", "list", "--json");
        Files.createDirectories(tmp.resolve("data"));
        assertEquals(0, car("hub", "destination", "set", "app", "docker", "--image", IMAGE,
                "--mount", tmp.resolve("data") + ":/data").exitCode());
        CarProcess.Finished drifted = CarProcess.run(hub, env, "", "hub", "containers", "list", "--json");
        assertEquals(0, car("hub", "destination", "set", "app", "local").exitCode());
        CarProcess.Finished local = CarProcess.run(hub, env, "", "hub", "containers", "list");

        assertEquals(0, matching.exitCode(), matching.stderr());
        String started = docker.run("inspect", "-f", "{{.State.StartedAt}}", container);
        assertTrue(matching.stdout().startsWith("{\n  \"hub_root\": \"" + hub + "\",\n  \"containers\": [\n    {\n"
                + "      \"repo_id\": \"app\",\n      \"name\": \"" + container + "\",\n"
                + "      \"image\": \"" + IMAGE + "\",\n      \"state\": \"running\",\n"), matching.stdout());
        assertTrue(matching.stdout().contains("\"started_at\": \"" + started.substring(0, 19) + "Z\""),
                matching.stdout() + started);
        assertTrue(matching.stdout().contains("\"finished_at\": null"), matching.stdout());
        assertEquals(List.of("no"), drifts(matching.stdout()));
        assertEquals(List.of("yes"), drifts(drifted.stdout()));
        assertTrue(local.stdout().startsWith("REPO  NAME"), local.stdout());
        assertTrue(local.stdout().lines().skip(1).findFirst().orElse("").matches(
                "app   " + container + "  " + IMAGE + "  running  \\S+Z  \\S+Z  -\\s+unknown"), local.stdout());
        assertFalse(local.stdout().contains(foreign));
        assertEquals("true", docker.run("inspect", "-f", "{{.State.Running}}", container));
        assertEquals(1, docker.containersWithLabel(ManagedContainers.HUB + "=" + hubId).size());
    }

    private static List<String> drifts(String json) {
        List<String> drifts = new ArrayList<>();
        Matcher matcher = DRIFT.matcher(json);
        while (matcher.find()) {
            drifts.add(matcher.group(1));
        }
        return drifts;
    }
}
