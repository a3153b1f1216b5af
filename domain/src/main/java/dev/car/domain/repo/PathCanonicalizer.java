package dev.car.domain.repo;

import java.nio.file.Path;

/**
 * Makes an absolute path canonical: {@code .} and {@code ..} removed and, where the file system
 * is consulted, symlinks of the existing part followed (Python's {@code resolve(strict=False)}).
 * The domain only needs the contract; the host adapter supplies the file-system version.
 */
@FunctionalInterface
public interface PathCanonicalizer {

    /** Lexical normalization only: for tests and for paths that must not touch the disk. */
    PathCanonicalizer LEXICAL = path -> path.toAbsolutePath().normalize();

    Path canonicalize(Path absolutePath);
}
