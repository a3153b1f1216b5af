package dev.car.adapters.yaml;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive access to one manifest for a read-modify-write: an advisory OS lock on the sibling
 * {@code <name>.lock} file serializes processes; an in-JVM lock per canonical path serializes threads,
 * because OS file locks belong to the whole process (a second lock from the same JVM would fail).
 * The lock file is never deleted: deleting it would let two writers lock two different files.
 */
final class ManifestLock implements AutoCloseable {
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;

    private ManifestLock(ReentrantLock threadLock, FileChannel channel) {
        this.threadLock = threadLock;
        this.channel = channel;
    }

    /** Blocks until this thread owns the manifest. */
    static ManifestLock acquire(Path canonicalManifest) throws IOException {
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(canonicalManifest, path -> new ReentrantLock());
        if (threadLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("nested update of " + canonicalManifest + " from inside its own change");
        }
        threadLock.lock();
        try {
            Path lockFile = canonicalManifest.resolveSibling(canonicalManifest.getFileName() + ".lock");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                channel.lock();
                return new ManifestLock(threadLock, channel);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            threadLock.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close(); // releases the OS lock
        } finally {
            threadLock.unlock();
        }
    }
}
