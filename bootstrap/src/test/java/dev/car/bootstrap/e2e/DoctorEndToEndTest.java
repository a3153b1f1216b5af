package dev.car.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.car.domain.container.ManagedContainers;
import dev.car.domain.container.WorkspaceIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code car doctor} as a process against a real engine: down, image missing, drifted, foreign. */
class DoctorEndToEndTest {
    @TempDir
    Path tmp;

    Path hub;
    Path repo;
    DockerCli docker;
    Map<String, String> env;
    String container;

    @BeforeEach
    void setUp() throws Exception {
        String dockerHost = RealEngine.dockerHost();
        docker = new DockerCli(dockerHost);
        hub = tmp.toRealPath().resolve("hub");
        repo = hub.resolve("repos/app");
        Files.createDirectories(repo);
        container = WorkspaceIds.defaultContainerName(repo.toString());
        env = new HashMap<>(Map.of("DOCKER_HOST", dockerHost, "HOME", tmp.toString(), "CAR_PRESENT", "1"));
        for (String[] args : List.of(new String[] {"hub", "init"}, new String[] {"hub", "repo", "add", "repos/app"},
                new String[] {"hub", "destination", "set", "app", "docker", "--image", "car-test:busybox",
                    "--env", "CAR_*"})) {
            assertEquals(0, CarProcess.run(hub, env, "", args).exitCode());
        }
    }

    @AfterEach
    void cleanUp() {
        if (docker != null) {
            docker.removeWithLabel(ManagedContainers.HUB + "=" + ManagedContainers.hubId(hub.toString()));
        }
    }

    private CarProcess.Finished doctor(String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("doctor", "--path", hub.toString()));
        args.addAll(List.of(extra));
        return CarProcess.run(tmp, env, "", args.toArray(String[]::new));
    }

    @Test
    void aHealthyDockerRepoPassesAndDoctorCreatesNothing() throws Exception {
        CarProcess.Finished result = doctor();

        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        assertTrue(result.stdout().contains("OK: app: effective destination 'docker' (source=repo)\n"), result.stdout());
        assertTrue(result.stdout().contains("OK: app: container '" + container + "' is absent; car exec creates it "
                + "on first use\n"), result.stdout());
        assertTrue(result.stdout().endsWith(" 0 error(s)\n"), result.stdout());
        assertEquals("", docker.run("ps", "-aq", "--filter", "name=" + container));
    }

    @Test
    void anUnreachableDaemonFailsDoctor() throws Exception {
        env.put("DOCKER_HOST", "unix://" + tmp.resolve("none.sock"));

        CarProcess.Finished result = doctor("--json");

        assertEquals(1, result.exitCode());
        assertEquals("Doctor check failed\n", result.stderr());
        assertTrue(result.stdout().contains("\"check_id\": \"hub.destination.docker.daemon\",\n      \"status\": "
                + "\"error\""), result.stdout());
        assertTrue(result.stdout().contains("Docker daemon unreachable for resources: repo:app. Docker engine "
                + "unreachable at unix://"), result.stdout());
    }

    @Test
    void aMissingImageIsAWarning() throws Exception {
        CarProcess.run(hub, env, "", "hub", "destination", "set", "app", "docker", "--image", "car-test:absent",
                "--env", "CAR_*");

        CarProcess.Finished result = doctor();

        assertEquals(0, result.exitCode(), result.stdout());
        assertTrue(result.stdout().contains("WARNING: app: image 'car-test:absent' is not present; car exec pulls it "
                + "on first use fix: Pull it ahead of time: docker pull car-test:absent\n"), result.stdout());
    }

    @Test
    void driftedAndForeignContainersAreReported() throws Exception {
        assertEquals(0, CarProcess.run(hub, env, "", "exec", "app", "--", "true").exitCode());
        CarProcess.run(hub, env, "", "hub", "destination", "set", "app", "docker", "--image", "car-test:busybox",
                "--env", "CAR_*", "--workdir", "/tmp");

        CarProcess.Finished drifted = doctor();

        assertTrue(drifted.stdout().contains("WARNING: app: container '" + container + "' is drifted from the "
                + "destination"), drifted.stdout());
        assertEquals(0, drifted.exitCode());

        docker.run("rm", "-f", container);
        docker.run("run", "-d", "--name", container, "car-test:busybox", "tail", "-f", "/dev/null");
        try {
            CarProcess.Finished foreign = doctor();

            assertEquals(1, foreign.exitCode());
            assertTrue(foreign.stdout().contains("ERROR: app: container '" + container + "' exists but is not "
                    + "managed by this hub"), foreign.stdout());
            assertEquals("true", docker.run("inspect", "-f", "{{.State.Running}}", container));
        } finally {
            docker.run("rm", "-f", container);
        }
    }
}
