package dev.car.application.port.out;

import java.nio.file.Path;

/** Questions about host files and folders, and the few folder operations use cases need. */
public interface FileSystemProbe {

    boolean isDirectory(Path path);

    boolean exists(Path path);

    /** A regular file this process can read. */
    boolean isReadableFile(Path path);

    /** A regular file this process can execute. */
    boolean isExecutableFile(Path path);

    /** Python's {@code resolve(strict=False)}: absolute, normalized, symlinks of the existing part followed. */
    Path canonicalize(Path path);

    /** Creates the folder and its parents; fails with {@link dev.car.application.UseCaseFailure}. */
    void createDirectories(Path path);

    /** A new empty folder under the system temp folder. */
    Path createTempDirectory(String prefix);
}
