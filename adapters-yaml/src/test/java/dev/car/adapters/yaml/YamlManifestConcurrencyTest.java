package dev.car.adapters.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.car.application.port.out.HubLocation;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.RepoEntry;
import dev.car.domain.manifest.RepoKind;
import dev.car.domain.repo.PathCanonicalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** N concurrent writers on N repos of one manifest keep all N changes, across threads and processes. */
class YamlManifestConcurrencyTest {

    private static final int REPOS = 20;

    @TempDir
    Path tempDir;

    private HubLocation hub;

    @BeforeEach
    void createManifestWithRepos() throws IOException {
        hub = HubLocation.withDefaultManifest(Files.createDirectories(tempDir.resolve("hub")));
        UnaryOperator<Manifest> addRepos = m -> {
            for (int i = 0; i < REPOS; i++) {
                m = m.addRepo(RepoEntry.create("r" + i, "repos/r" + i, RepoKind.BASE, null, null, null));
            }
            return m;
        };
        new YamlManifestStore(PathCanonicalizer.LEXICAL).update(hub, addRepos);
    }

    @Test
    void separateProcessesUpdatingTheirOwnRepoKeepEveryChange() throws Exception {
        Path signals = Files.createDirectories(tempDir.resolve("signals"));
        Path start = signals.resolve("start");
        List<Process> processes = new ArrayList<>();
        try {
            for (int i = 0; i < REPOS; i++) {
                processes.add(new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                        SetDockerDestinationMain.class.getName(), hub.root().toString(), "r" + i,
                        signals.resolve("ready-" + i).toString(), start.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(tempDir.resolve("child-" + i + ".log").toFile())
                        .start());
            }
            awaitReady(signals, processes);
            Files.createFile(start); // all children are waiting: release them together

            for (int i = 0; i < REPOS; i++) {
                Process process = processes.get(i);
                assertTrue(process.waitFor(120, TimeUnit.SECONDS), "child " + i + " timed out");
                assertEquals(0, process.exitValue(), "child " + i + ": " + Files.readString(tempDir.resolve("child-" + i + ".log")));
            }
        } finally {
            processes.forEach(Process::destroyForcibly);
        }

        assertEveryRepoHasItsImage();
        assertNoTempFilesLeft();
    }

    @Test
    void threadsWithTheirOwnStoreUpdatingTheirOwnRepoKeepEveryChange() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REPOS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Manifest>> results = new ArrayList<>();
            for (int i = 0; i < REPOS; i++) {
                String id = "r" + i;
                YamlManifestStore store = new YamlManifestStore(PathCanonicalizer.LEXICAL);
                results.add(pool.submit(() -> {
                    start.await();
                    return store.update(hub, m -> m.replaceRepo(id, r -> r.withDestination(docker(id))));
                }));
            }
            start.countDown();
            for (Future<Manifest> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEveryRepoHasItsImage();
        assertNoTempFilesLeft();
    }

    private void assertEveryRepoHasItsImage() {
        Manifest manifest = new YamlManifestStore(PathCanonicalizer.LEXICAL).load(hub);
        for (int i = 0; i < REPOS; i++) {
            Map<String, Object> destination = manifest.find("r" + i).orElseThrow().configuredDestination();
            assertEquals(docker("r" + i), destination, "repo r" + i);
        }
    }

    private void assertNoTempFilesLeft() throws IOException {
        try (Stream<Path> files = Files.list(hub.manifestPath().getParent())) {
            assertEquals(List.of("manifest.yml", "manifest.yml.lock"),
                    files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
    }

    private static Map<String, Object> docker(String id) {
        return Map.of("kind", "docker", "image", "img-" + id + ":latest");
    }

    private static void awaitReady(Path signals, List<Process> processes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (int i = 0; i < processes.size(); i++) {
            while (!Files.exists(signals.resolve("ready-" + i))) {
                assertTrue(processes.get(i).isAlive() || Files.exists(signals.resolve("ready-" + i)),
                        "child " + i + " exited early");
                assertTrue(System.nanoTime() < deadline, "children did not start in time");
                Thread.sleep(10);
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
