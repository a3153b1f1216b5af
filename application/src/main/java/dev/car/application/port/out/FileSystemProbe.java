package dev.car.application.port.out;

import dev.car.domain.repo.PathCanonicalizer;
import java.nio.file.Path;

/**
 * Questions about host files and folders, and the few folder operations use cases need. It is the
 * {@link PathCanonicalizer} a manifest store needs, {@link #forOnePass()} included.
 */
public interface FileSystemProbe extends PathCanonicalizer {

    boolean isDirectory(Path path);

    boolean exists(Path path);

    /** A regular file this process can read. */
    boolean isReadableFile(Path path);

    /** A regular file this process can execute. */
    boolean isExecutableFile(Path path);

    /** Python's {@code resolve(strict=False)}: absolute, normalized, symlinks of the existing part followed. */
    @Override
    Path canonicalize(Path path);

    /** Creates the folder and its parents; fails with {@link dev.car.application.UseCaseFailure}. */
    void createDirectories(Path path);

    /** A new empty folder under the system temp folder. */
    Path createTempDirectory(String prefix);
}
