package dev.car.adapters.host;

import dev.car.domain.repo.PathCanonicalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link LocalFileSystemProbe#canonicalize} for many paths in one pass. It remembers the real path
 * of every folder it has resolved, so a path in a known folder costs a look at its last name
 * instead of a walk up and a {@code realpath} of every component: a name that is not a link has
 * the real path {@code real(parent)/name}, a missing one leaves the rest of the path as written,
 * and a link is resolved with {@code realpath}. Its answers are the plain ones as long as the file
 * system does not change during the pass.
 */
final class OnePassCanonicalizer implements PathCanonicalizer {

    /** The path is missing, and so is everything under it (or it is a broken link where that canonicalizes alike). */
    private static final Object MISSING = new Object();
    /** The path exists but {@code realpath} fails (dangling or looping link, no permission). */
    private static final Object UNRESOLVABLE = new Object();

    private final PathCanonicalizer plain;
    /** Per absolute normalized path: its real {@link Path}, {@link #MISSING} or {@link #UNRESOLVABLE}. */
    private final Map<Path, Object> known = new HashMap<>();

    OnePassCanonicalizer(PathCanonicalizer plain) {
        this.plain = plain;
    }

    @Override
    public Path canonicalize(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        int names = absolute.getNameCount();
        for (Path existing = absolute; existing != null; existing = existing.getParent()) {
            Object real = resolve(existing);
            if (real == UNRESOLVABLE) {
                return plain.canonicalize(absolute); // rare; the plain walk decides what a broken link gives
            }
            if (real != MISSING) {
                // A real path and names without . or .. join into a normalized path: no relativize or normalize needed.
                int existingNames = existing.getNameCount();
                return existingNames == names ? (Path) real : ((Path) real).resolve(absolute.subpath(existingNames, names));
            }
        }
        return absolute;
    }

    private Object resolve(Path path) {
        Object real = known.get(path);
        if (real != null) {
            return real;
        }
        Path parent = path.getParent();
        if (parent == null) {
            real = realPath(path);
        } else {
            Object parentReal = resolve(parent);
            boolean parentResolved = parentReal != MISSING && parentReal != UNRESOLVABLE;
            real = parentResolved ? childRealPath((Path) parentReal, parent, path) : parentReal;
        }
        known.put(path, real);
        return real;
    }

    /**
     * A name in a folder whose real path is known. {@code Files.exists} (following links) answers
     * most names without the exception an {@code lstat} of a missing name costs. When it says no and
     * the folder is its own real path, a missing name and a broken link canonicalize alike (the path
     * itself, lexically), so the name is taken as missing without asking which.
     */
    private static Object childRealPath(Path parentReal, Path parent, Path path) {
        boolean reachable = Files.exists(path);
        if (!reachable && parentReal.equals(parent)) {
            return MISSING;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return MISSING;
        }
        return attributes.isSymbolicLink() ? realPath(path) : parentReal.resolve(path.getFileName());
    }

    private static Object realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return UNRESOLVABLE;
        }
    }
}
