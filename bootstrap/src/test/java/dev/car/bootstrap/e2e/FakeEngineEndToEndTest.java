package dev.car.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.car.application.exec.StdStreams;
import dev.car.application.port.out.engine.ContainerEngine;
import dev.car.application.port.out.engine.ExecRequest;
import dev.car.domain.container.ManagedContainers;
import dev.car.domain.container.WorkspaceIds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole CLI with the Docker adapter swapped for an in-memory engine through Guice. */
class FakeEngineEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void execAndWrapRunAgainstTheSwappedEngine() throws Exception {
        FakeContainerEngine engine = new FakeContainerEngine();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Module swap = new AbstractModule() {
            @Override
            protected void configure() {
                bind(ContainerEngine.class).toInstance(engine);
                bind(StdStreams.class).toInstance(new StdStreams(new ByteArrayInputStream(new byte[0]), out,
                        new ByteArrayOutputStream()));
            }
        };
        Path hub = tmp.toRealPath().resolve("hub");
        Path repo = hub.resolve("repos/app");
        Files.createDirectories(repo);
        CliRun.run(hub, List.of(swap), "hub", "init");
        CliRun.run(hub, List.of(swap), "hub", "repo", "add", "repos/app");
        CliRun.run(hub, List.of(swap), "hub", "destination", "set", "app", "docker", "--image", "img",
                "--env", "CAR_*", "--env-map", "MODE=test");

        CliRun.Result exec = CliRun.run(hub, List.of(swap), "exec", "app", "--", "make", "check");
        CliRun.Result wrap = CliRun.run(hub, List.of(swap), "hub", "destination", "wrap", "app", "--", "codex");

        String container = WorkspaceIds.defaultContainerName(repo.toString());
        assertEquals(0, exec.exitCode(), exec.stderr());
        assertEquals("ran make check\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(1, engine.created.size());
        assertEquals(container, engine.created.get(0).name());
        assertEquals("true", engine.created.get(0).labels().get(ManagedContainers.MANAGED));
        ExecRequest request = engine.execs.get(0);
        assertEquals("secret-value", request.env().get("CAR_TOKEN"));
        assertEquals("test", request.env().get("MODE"));
        assertEquals(repo.toString(), request.workdir());
        assertEquals("docker exec -w " + repo + " -e CAR_TOKEN -e MODE=test " + container + " codex\n", wrap.stdout());
        assertTrue(engine.containers.get(container).running());
    }
}
