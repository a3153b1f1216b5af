package dev.car.adapters.host;

import dev.car.application.UseCaseFailure;
import dev.car.application.port.out.FileSystemProbe;
import dev.car.domain.repo.PathCanonicalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Host files through java.nio. */
public final class LocalFileSystemProbe implements FileSystemProbe {

    @Override
    public boolean isDirectory(Path path) {
        return Files.isDirectory(path);
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path);
    }

    @Override
    public boolean isReadableFile(Path path) {
        return Files.isRegularFile(path) && Files.isReadable(path);
    }

    @Override
    public boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    /**
     * Python's {@code resolve(strict=False)}: the longest existing prefix is resolved with symlinks
     * followed, the rest is appended and normalized lexically.
     */
    @Override
    public Path canonicalize(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            Path real = existing.toRealPath();
            return real.resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }

    /** Remembers the real paths of folders for the pass, so repos that share a folder cost one lstat each. */
    @Override
    public PathCanonicalizer forOnePass() {
        return new OnePassCanonicalizer(this);
    }

    @Override
    public void createDirectories(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UseCaseFailure("Cannot create directory " + path + ": " + describe(e));
        }
    }

    @Override
    public Path createTempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toRealPath();
        } catch (IOException e) {
            throw new UseCaseFailure("Cannot create a temporary directory: " + describe(e));
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
