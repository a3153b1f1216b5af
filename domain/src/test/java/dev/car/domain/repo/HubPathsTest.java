package dev.car.domain.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HubPathsTest {

    @Nested
    class Lexical {
        private final Path hub = Path.of("/tmp/carhub/hub");

        @ParameterizedTest
        @CsvSource({
                "repos/base, repos/base",
                "./repos/base/, repos/base",
                "/tmp/carhub/hub/repos/base, repos/base",
                "repos/../other, other",
                "../sib, ../sib",
                "/opt/x, ../../../opt/x",
                "/tmp/carhub/hub, .",
                "., .",
                "repos//a/./b, repos/a/b",
                "/tmp/carhub/hubby/x, ../hubby/x",
        })
        void referenceExamples(String input, String expected) {
            assertEquals(expected, HubPaths.relativize(hub, input, PathCanonicalizer.LEXICAL));
        }

        @Test
        void backslashIsAnOrdinaryFileNameCharacterOnPosix() {
            assertEquals("a\\b/c", HubPaths.relativize(hub, "a\\b/c", PathCanonicalizer.LEXICAL));
            assertEquals("\\x", HubPaths.relativize(hub, "\\x", PathCanonicalizer.LEXICAL));
            assertEquals("\\x", HubPaths.relativize(hub, HubPaths.relativize(hub, "\\x", PathCanonicalizer.LEXICAL),
                    PathCanonicalizer.LEXICAL), "relativizing a stored path again is a no-op");
        }

        @Test
        void absoluteOfAStoredPath() {
            assertEquals(Path.of("/tmp/carhub/hub/repos/base"), HubPaths.absolute(hub, "repos/base"));
            assertEquals(Path.of("/tmp/carhub/sib"), HubPaths.absolute(hub, "../sib"));
        }
    }

    /**
     * With a canonicalizer that follows symlinks like Python's {@code resolve(strict=False)}:
     * component by component, following the links of the part that exists.
     */
    @Nested
    class Symlinks {
        @TempDir
        Path tmp;
        Path hub;
        Path elsewhere;

        final PathCanonicalizer resolveNonStrict = path -> {
            Path current = path.getRoot();
            for (Path name : path) {
                String part = name.toString();
                if (part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    current = current.getParent() == null ? current : current.getParent();
                    continue;
                }
                Path next = current.resolve(part);
                if (Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        current = next.toRealPath();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else {
                    current = next;
                }
            }
            return current;
        };

        @BeforeEach
        void layout() throws IOException {
            Path root = tmp.toRealPath();
            hub = Files.createDirectories(root.resolve("hub"));
            Files.createDirectories(hub.resolve("repos/real"));
            elsewhere = Files.createDirectories(root.resolve("elsewhere/proj"));
            Files.createSymbolicLink(hub.resolve("repos/link"), hub.resolve("repos/real"));
            Files.createSymbolicLink(hub.resolve("repos/relative-link"), Path.of("real"));
            Files.createSymbolicLink(hub.resolve("outside"), elsewhere);
            Files.createSymbolicLink(root.resolve("alias"), hub);
        }

        private String rel(String target) {
            return HubPaths.relativize(hub, target, resolveNonStrict);
        }

        @Test
        void linkInsideTheHubResolvesToItsTarget() {
            assertEquals("repos/real", rel("repos/link"));
            assertEquals("repos/real", rel("repos/relative-link/"));
        }

        @Test
        void linkLeavingTheHubGivesARelativePathWithDotDot() {
            assertEquals("../elsewhere/proj", rel("outside"));
        }

        @Test
        void onlyTheExistingPartIsFollowed() {
            assertEquals("repos/real/missing/child", rel("repos/link/missing/child"));
        }

        @Test
        void absolutePathThroughALinkToTheHub() {
            assertEquals("repos/real", rel(tmp.resolve("alias/repos/link").toString()));
            assertEquals(".", rel(tmp.resolve("alias").toString()));
        }

        @Test
        void dotDotAfterALinkIsAppliedToTheLinkTarget() {
            // Python resolves outside -> elsewhere/proj first, then '..' -> elsewhere.
            assertEquals("../elsewhere/x", rel("outside/../x"));
            assertEquals("x", HubPaths.relativize(hub, "outside/../x", PathCanonicalizer.LEXICAL));
        }
    }
}
