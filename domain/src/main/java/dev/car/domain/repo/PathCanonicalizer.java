package dev.car.domain.repo;

import java.nio.file.Path;

/**
 * Makes an absolute path canonical: {@code .} and {@code ..} removed and, where the file system
 * is consulted, symlinks of the existing part followed (Python's {@code resolve(strict=False)}).
 * The domain only needs the contract; the host adapter supplies the file-system version.
 */
@FunctionalInterface
public interface PathCanonicalizer {

    /**
     * Lexical normalization only: for tests and for paths that must not touch the disk. A class, not
     * a lambda: every implementation initialises this interface (it has a default method), and a
     * lambda would cost each short-lived process its method-handle bootstrap.
     */
    PathCanonicalizer LEXICAL = new PathCanonicalizer() {
        @Override
        public Path canonicalize(Path absolutePath) {
            return absolutePath.toAbsolutePath().normalize();
        }
    };

    Path canonicalize(Path absolutePath);

    /**
     * A canonicalizer for one pass over many paths, such as the repos of one manifest load. It gives
     * the same answers as this one, but may remember what it learnt of the file system (the real
     * paths of shared parent folders) and so misses changes made after it learnt them: use it for
     * the one pass, then drop it.
     */
    default PathCanonicalizer forOnePass() {
        return this;
    }
}
