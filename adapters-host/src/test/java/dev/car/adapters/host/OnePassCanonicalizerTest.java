package dev.car.adapters.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.car.domain.repo.PathCanonicalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass canonicalizer gives the plain answer for every path: seeded random trees of folders,
 * files and links (relative, absolute, chained, dangling, looping, to files, to ancestors) are
 * queried through real, linked and missing prefixes with {@code .} and {@code ..} in between.
 */
class OnePassCanonicalizerTest {

    private static final long SEED = 20250302L;
    private static final List<String> NAMES = List.of("a", "b", "c", "repos", "r1", "r1--wt", "x y", "é", "link");

    private final LocalFileSystemProbe probe = new LocalFileSystemProbe();

    @TempDir
    Path tempDir;

    @Test
    void randomTreesCanonicalizeAsThePlainWalkDoes() throws IOException {
        Random random = new Random(SEED);
        for (int tree = 0; tree < 30; tree++) {
            Path root = Files.createDirectory(tempDir.resolve("t" + tree)).toRealPath();
            List<Path> nodes = randomTree(random, root.resolve("hub"));
            Path linkedRoot = Files.createSymbolicLink(root.resolve("linked-hub"), root.resolve("hub"));
            List<Path> starts = List.of(root.resolve("hub"), linkedRoot, root.resolve("missing"), root, Path.of("/"));

            PathCanonicalizer onePass = probe.forOnePass();
            for (int query = 0; query < 300; query++) {
                Path path = randomQuery(random, random.nextInt(3) == 0 ? nodes.get(random.nextInt(nodes.size()))
                        : starts.get(random.nextInt(starts.size())));

                assertEquals(probe.canonicalize(path), onePass.canonicalize(path), () -> "tree " + root + ", " + path);
            }
        }
    }

    @Test
    void linksAreFollowedAndBrokenLinksGiveThePlainAnswer() throws IOException {
        Path root = tempDir.toRealPath();
        Path repos = Files.createDirectories(root.resolve("hub/repos"));
        Files.createDirectories(root.resolve("elsewhere/r2"));
        Files.createSymbolicLink(repos.resolve("r2"), root.resolve("elsewhere/r2"));
        Files.createSymbolicLink(repos.resolve("dangling"), root.resolve("nowhere"));
        Files.createSymbolicLink(repos.resolve("loop"), repos.resolve("loop"));
        Files.writeString(repos.resolve("file"), "x");
        Path linkedHub = Files.createSymbolicLink(root.resolve("linked"), root.resolve("hub"));

        PathCanonicalizer onePass = probe.forOnePass();
        for (Path path : List.of(repos.resolve("r1"), repos.resolve("r2"), repos.resolve("r2/sub/x"),
                repos.resolve("dangling"), repos.resolve("dangling/x"), repos.resolve("loop/x"), repos.resolve("file/x"),
                linkedHub.resolve("repos/r1"), linkedHub.resolve("repos/r2"), linkedHub.resolve("repos/dangling/x"),
                linkedHub.resolve("repos/../elsewhere"), Path.of("relative/path"))) {
            assertEquals(probe.canonicalize(path), onePass.canonicalize(path), path::toString);
        }
        assertEquals(root.resolve("elsewhere/r2/sub/x"), onePass.canonicalize(linkedHub.resolve("repos/r2/sub/x")));
        assertEquals(root.resolve("hub/repos/r9"), onePass.canonicalize(linkedHub.resolve("repos/r9")));
    }

    /** Folders, files and links below {@code hub}; returns every path created. */
    private static List<Path> randomTree(Random random, Path hub) throws IOException {
        List<Path> folders = new ArrayList<>(List.of(Files.createDirectories(hub)));
        List<Path> nodes = new ArrayList<>(folders);
        for (int i = 0; i < 40; i++) {
            Path parent = folders.get(random.nextInt(folders.size()));
            Path node = parent.resolve(NAMES.get(random.nextInt(NAMES.size())));
            if (Files.exists(node) || Files.isSymbolicLink(node)) {
                continue;
            }
            Path target = nodes.get(random.nextInt(nodes.size()));
            switch (random.nextInt(7)) {
                case 0, 1 -> folders.add(Files.createDirectory(node));
                case 2 -> Files.writeString(node, "file");
                case 3 -> Files.createSymbolicLink(node, Path.of(".").resolve(node.getParent().relativize(target)));
                case 4 -> Files.createSymbolicLink(node, target);
                case 5 -> Files.createSymbolicLink(node, target.resolve("missing"));
                default -> Files.createSymbolicLink(node, random.nextBoolean() ? node.getFileName() : Path.of(".."));
            }
            nodes.add(node);
        }
        return nodes;
    }

    private static Path randomQuery(Random random, Path start) {
        Path path = start;
        int parts = random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            int pick = random.nextInt(NAMES.size() + 3);
            path = path.resolve(pick < NAMES.size() ? NAMES.get(pick) : List.of(".", "..", "missing").get(pick - NAMES.size()));
        }
        return path;
    }
}
