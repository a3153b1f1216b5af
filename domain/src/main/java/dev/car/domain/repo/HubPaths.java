package dev.car.domain.repo;

import java.nio.file.Path;

/** How repo paths are stored in the manifest: relative to the hub root, with {@code /} separators. */
public final class HubPaths {
    private HubPaths() {
    }

    /**
     * Relative path of {@code target} (absolute, or relative to the hub root) from the hub root:
     * inside the hub it is the plain relative path, outside it may climb with {@code ..}.
     */
    public static String relativize(Path hubRoot, String target, PathCanonicalizer canonicalizer) {
        Path root = hubRoot.toAbsolutePath().normalize();
        Path candidate = Path.of(target);
        if (!candidate.isAbsolute()) {
            candidate = root.resolve(candidate);
        }
        Path resolved = canonicalizer.canonicalize(candidate);
        // Only the platform separator becomes '/': on POSIX a backslash is an ordinary file-name character.
        String separator = root.getFileSystem().getSeparator();
        String relative = inside(root, resolved) // the usual case, without relativize's cost per manifest repo
                ? resolved.subpath(root.getNameCount(), resolved.getNameCount()).toString()
                : root.relativize(resolved).toString();
        if (!separator.equals("/")) {
            relative = relative.replace(separator, "/");
        }
        return relative.isEmpty() ? "." : relative;
    }

    /** Whether {@code path} is strictly below {@code root} (both absolute and normalized). */
    private static boolean inside(Path root, Path path) {
        return path.getNameCount() > root.getNameCount() && path.startsWith(root);
    }

    /** Absolute path of a stored repo path. */
    public static Path absolute(Path hubRoot, String storedPath) {
        return hubRoot.resolve(storedPath).normalize();
    }
}
