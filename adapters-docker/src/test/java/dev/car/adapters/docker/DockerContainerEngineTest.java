package dev.car.adapters.docker;

import static dev.car.adapters.docker.RealEngine.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.google.common.collect.Maps;
import dev.car.application.port.out.engine.ContainerCreation;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.EngineException;
import dev.car.application.port.out.engine.ExecRequest;
import dev.car.application.port.out.engine.NameConflictException;
import dev.car.domain.container.MountBinding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images and the container lifecycle against the real engine. */
class DockerContainerEngineTest {
    private static final String SCOPE = "lifecycle";
    private static DockerContainerEngine engine;

    @BeforeAll
    static void connect() {
        engine = RealEngine.require();
    }

    @AfterAll
    static void cleanUp() {
        RealEngine.removeAll(engine, SCOPE);
    }

    @Test
    void reportsTheServerVersion() {
        assertTrue(engine.serverVersion().matches("\\d+\\.\\d+.*"), engine.serverVersion());
    }

    @Test
    void tellsWhetherAnImageIsPresent() {
        assertTrue(engine.imagePresent(RealEngine.IMAGE));
        assertTrue(engine.imagePresent("busybox"), "an untagged name means latest");
        assertFalse(engine.imagePresent("car-test-missing-" + RealEngine.RUN + ":1"));
    }

    @Test
    void createsWithMountsLabelsWorkdirUserAndInitAndMapsTheInspection(@TempDir Path dir) throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Path readOnly = Files.createDirectories(dir.resolve("ro"));
        Files.writeString(readOnly.resolve("note.txt"), "from the host\n");
        // The container's user must be able to write into the shared folder.
        shared.toFile().setWritable(true, false);
        String name = RealEngine.uniqueName(SCOPE);
        Map<String, String> labels = new HashMap<>(RealEngine.runLabels(SCOPE));
        labels.put("car.test.note", "with spaces = and symbols");
        Instant before = Instant.now().minusSeconds(5);

        String id = engine.create(new ContainerCreation(name, RealEngine.IMAGE,
                List.of(new MountBinding(shared.toString(), "/work/shared", false),
                        new MountBinding(readOnly.toString(), "/work/ro", true)),
                labels, "/work", "65534:65534", true, RealEngine.IDLE));

        ContainerState created = engine.inspect(name).orElseThrow();
        assertEquals(id, created.id());
        assertEquals(name, created.name());
        assertEquals(RealEngine.IMAGE, created.image());
        assertFalse(created.running());
        assertEquals("created", created.status());
        // The engine adds the image's labels to the container's.
        assertEquals(labels, Maps.filterKeys(created.labels(), labels::containsKey));
        assertEquals("2", created.labels().get("car.test-image.recipe"));
        assertEquals(Set.of(new ContainerState.MountedPath("bind", shared.toString(), "/work/shared"),
                new ContainerState.MountedPath("bind", readOnly.toString(), "/work/ro")), Set.copyOf(created.mounts()));
        assertNotNull(created.createdAt());
        assertTrue(created.createdAt().isAfter(before), created.createdAt().toString());
        assertNull(created.startedAt(), "never started");
        assertNull(created.finishedAt(), "never stopped");
        assertEquals(0, created.runningExecs());

        DockerClient raw = RealEngine.rawClient();
        InspectContainerResponse stored = raw.inspectContainerCmd(name).exec();
        assertEquals(Boolean.TRUE, stored.getHostConfig().getInit());
        assertEquals(List.of(shared + ":/work/shared:rw", readOnly + ":/work/ro:ro"),
                List.of(stored.getHostConfig().getBinds()).stream().map(Object::toString).collect(Collectors.toList()));
        raw.close();

        engine.start(name);
        engine.start(name);
        ContainerState running = engine.inspect(name).orElseThrow();
        assertTrue(running.running());
        assertEquals("running", running.status());
        assertNotNull(running.startedAt());
        assertNull(running.finishedAt());

        assertEquals("/work\n65534:65534\n", run(name, "sh", "-c", "pwd; echo $(id -u):$(id -g)"));
        assertEquals("from the host\n", run(name, "cat", "/work/ro/note.txt"));
        assertEquals("1\n", runAs(name, "0:0", "sh", "-c", "touch /work/ro/x 2>/dev/null; echo $?"),
                "read-only even for root");
        run(name, "sh", "-c", "echo written > /work/shared/out.txt");
        assertEquals("written\n", Files.readString(shared.resolve("out.txt")));
        // With init the idle command is not PID 1: the init process reaps and forwards signals.
        assertFalse(run(name, "cat", "/proc/1/cmdline").startsWith("tail"));

        engine.stop(name, 1);
        engine.stop(name, 1);
        ContainerState stopped = engine.inspect(name).orElseThrow();
        assertFalse(stopped.running());
        assertEquals("exited", stopped.status());
        assertNotNull(stopped.finishedAt());
        assertFalse(stopped.finishedAt().isBefore(stopped.startedAt()));

        engine.remove(name, false);
        assertTrue(engine.inspect(name).isEmpty());
        engine.remove(name, false);
        engine.remove(name, true);
    }

    @Test
    void inspectOfAMissingContainerIsEmpty() {
        assertTrue(engine.inspect(RealEngine.uniqueName("missing")).isEmpty());
    }

    @Test
    void aTakenNameIsANameConflict() {
        String name = RealEngine.uniqueName(SCOPE);
        ContainerCreation creation = new ContainerCreation(name, RealEngine.IMAGE, List.of(),
                RealEngine.runLabels(SCOPE), null, null, false, RealEngine.IDLE);
        engine.create(creation);
        NameConflictException conflict = assertThrows(NameConflictException.class, () -> engine.create(creation));
        assertTrue(conflict.getMessage().contains(name), conflict.getMessage());
        assertOneLine(conflict.getMessage());
        engine.remove(name, true);
    }

    @Test
    void creatingFromAMissingImageNamesIt() {
        String image = "car-test-missing-" + RealEngine.RUN + ":1";
        String name = RealEngine.uniqueName(SCOPE);
        EngineException failure = assertThrows(EngineException.class, () -> engine.create(new ContainerCreation(name,
                image, List.of(), RealEngine.runLabels(SCOPE), null, null, false, List.of())));
        assertTrue(failure.getMessage().contains(image), failure.getMessage());
        assertOneLine(failure.getMessage());
    }

    @Test
    void startingAMissingContainerNamesIt() {
        String name = RealEngine.uniqueName("missing");
        EngineException failure = assertThrows(EngineException.class, () -> engine.start(name));
        assertEquals("Cannot start container '" + name + "': No such container: " + name, failure.getMessage());
    }

    @Test
    void listsContainersCarryingAllLabelsInAnyState() {
        Map<String, String> group = new HashMap<>(RealEngine.runLabels(SCOPE));
        group.put("car.test.group", "list-" + RealEngine.RUN);
        Map<String, String> other = new HashMap<>(group);
        other.put("car.test.group", "other-" + RealEngine.RUN);
        String running = RealEngine.uniqueName(SCOPE);
        String stopped = RealEngine.uniqueName(SCOPE);
        String elsewhere = RealEngine.uniqueName(SCOPE);
        engine.create(new ContainerCreation(running, RealEngine.IMAGE, List.of(), group, null, null, true,
                RealEngine.IDLE));
        engine.create(new ContainerCreation(stopped, RealEngine.IMAGE, List.of(), group, null, null, true,
                RealEngine.IDLE));
        engine.create(new ContainerCreation(elsewhere, RealEngine.IMAGE, List.of(), other, null, null, true,
                RealEngine.IDLE));
        engine.start(running);

        Map<String, Boolean> listed = engine.listByLabels(group).stream()
                .collect(Collectors.toMap(ContainerState::name, ContainerState::running));
        assertEquals(Map.of(running, true, stopped, false), listed);
        assertTrue(engine.listByLabels(Map.of("car.test.group", "none-" + RealEngine.RUN)).isEmpty());
        for (String name : List.of(running, stopped, elsewhere)) {
            engine.remove(name, true);
        }
    }

    @Test
    void countsRunningExecs() throws Exception {
        String name = RealEngine.startIdle(engine, SCOPE);
        assertEquals(0, engine.inspect(name).orElseThrow().runningExecs());
        var session = engine.exec(new ExecRequest(name, List.of("sleep", "2"), Map.of(), null, null, null,
                new ByteArrayOutputStream(), new ByteArrayOutputStream()));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int seen = 0;
        while (seen == 0 && System.nanoTime() < deadline) {
            seen = engine.inspect(name).orElseThrow().runningExecs();
        }
        assertEquals(1, seen);
        assertEquals(0, session.waitFor());
        assertEquals(0, engine.inspect(name).orElseThrow().runningExecs());
        engine.remove(name, true);
    }

    private static String run(String container, String... command) throws InterruptedException {
        return runAs(container, null, command);
    }

    private static String runAs(String container, String user, String... command) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = engine.exec(new ExecRequest(container, List.of(command), Map.of(), null, user, null, out, err))
                .waitFor();
        assertEquals(0, exitCode, () -> "stderr: " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
