package dev.car.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.car.application.fixtures.InMemoryManifestStore;
import dev.car.application.port.out.HubLocation;
import dev.car.application.port.out.ManifestStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole CLI with the YAML manifest store swapped for the in-memory one through Guice. */
class InMemoryStoreEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void theCliRunsAgainstTheInMemoryStore() throws IOException {
        InMemoryManifestStore store = new InMemoryManifestStore();
        Module swap = new AbstractModule() {
            @Override
            protected void configure() {
                bind(ManifestStore.class).toInstance(store);
            }
        };
        Path hub = tmp.toRealPath().resolve("hub");
        Files.createDirectories(hub.resolve("repos/base"));
        Files.createDirectories(hub.resolve("worktrees/wt"));

        assertEquals(0, CliRun.run(hub, List.of(swap), "hub", "init").exitCode());
        assertEquals(0, CliRun.run(hub, List.of(swap), "hub", "repo", "add", "repos/base").exitCode());
        assertEquals(0, CliRun.run(hub, List.of(swap), "hub", "repo", "add", "worktrees/wt", "--worktree-of", "base")
                .exitCode());
        CliRun.Result set = CliRun.run(hub, List.of(swap), "hub", "destination", "set", "base", "docker",
                "--image", "busybox:latest");
        CliRun.Result show = CliRun.run(hub, List.of(swap), "hub", "destination", "show", "wt", "--json");

        assertEquals("destination: base -> docker (source=repo)\n", set.stdout());
        assertEquals("""
                {
                  "repo_id": "wt",
                  "configured_destination": null,
                  "effective_destination": {
                    "kind": "docker",
                    "image": "busybox:latest"
                  },
                  "source": "base",
                  "issues": [],
                  "kind": "worktree",
                  "worktree_of": "base"
                }
                """, show.stdout());
        assertFalse(Files.exists(hub.resolve(".codex-autorunner/manifest.yml")), "the YAML store was used");
        Object document = store.document(HubLocation.withDefaultManifest(hub));
        assertTrue(document instanceof Map<?, ?> map && map.get("repos") instanceof List<?> repos && repos.size() == 2,
                String.valueOf(document));
    }
}
