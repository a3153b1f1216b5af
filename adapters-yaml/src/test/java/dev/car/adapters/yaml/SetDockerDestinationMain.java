package dev.car.adapters.yaml;

import dev.car.application.port.out.HubLocation;
import dev.car.domain.destination.DestinationParser;
import dev.car.domain.repo.PathCanonicalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Child process of the multi-process test: waits for the start signal, then sets a docker
 * destination on one repo with a single {@code update}. Exit code 0 means the update returned.
 *
 * <p>Arguments: hub root, repo id, ready file to create, start file to wait for.
 */
public final class SetDockerDestinationMain {

    private SetDockerDestinationMain() {
    }

    public static void main(String[] args) throws Exception {
        HubLocation hub = HubLocation.withDefaultManifest(Path.of(args[0]));
        String repoId = args[1];
        Files.createFile(Path.of(args[2]));
        Path start = Path.of(args[3]);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(start)) {
            if (System.nanoTime() > deadline) {
                System.err.println("no start signal");
                System.exit(2);
            }
            Thread.sleep(5);
        }
        Map<String, Object> destination = DestinationParser.validateForWrite(
                Map.of("kind", "docker", "image", "img-" + repoId + ":latest"), "destination").normalized();
        new YamlManifestStore(PathCanonicalizer.LEXICAL)
                .update(hub, m -> m.replaceRepo(repoId, r -> r.withDestination(destination)));
    }
}
