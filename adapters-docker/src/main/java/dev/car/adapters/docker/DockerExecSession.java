package dev.car.adapters.docker;

import dev.car.application.port.out.engine.EngineException;
import dev.car.application.port.out.engine.ExecSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A started exec: one daemon thread copies the engine's output to the caller's streams, another pumps the
 * caller's input to the engine and half-closes the connection at its end, so the process sees end of input.
 */
final class DockerExecSession implements ExecSession {
    private static final long FIRST_POLL_MILLIS = 5;
    private static final long MAX_POLL_MILLIS = 200;

    private final String container;
    private final EngineConnection connection;
    private final StatusSource statusSource;
    private final Thread output;
    private volatile IOException outputFailure;
    private Integer exitCode;

    /** Reads the exec's state from the engine. */
    @FunctionalInterface
    interface StatusSource {
        Status status();
    }

    /** {@code exitCode} is null while the engine has none. */
    record Status(boolean running, Integer exitCode) {
    }

    private DockerExecSession(String container, String execId, EngineConnection connection,
                              StatusSource statusSource, OutputStream stdout, OutputStream stderr) {
        this.container = container;
        this.connection = connection;
        this.statusSource = statusSource;
        StreamDemultiplexer demultiplexer = new StreamDemultiplexer(connection.input(), stdout, stderr);
        this.output = daemon("car-exec-output-" + shortId(execId), () -> copyOutput(demultiplexer));
    }

    /** Starts copying over an upgraded connection; {@code stdin} may be null. */
    static DockerExecSession start(String container, String execId, EngineConnection connection,
                                   StatusSource statusSource, InputStream stdin, OutputStream stdout,
                                   OutputStream stderr) {
        DockerExecSession session = new DockerExecSession(container, execId, connection, statusSource,
                stdout == null ? OutputStream.nullOutputStream() : stdout,
                stderr == null ? OutputStream.nullOutputStream() : stderr);
        session.output.start();
        if (stdin != null) {
            daemon("car-exec-input-" + shortId(execId), () -> session.pumpInput(stdin)).start();
        }
        return session;
    }

    @Override
    public int waitFor() throws InterruptedException {
        output.join();
        IOException failure = outputFailure;
        if (failure != null) {
            throw new EngineException("Lost the output of an exec in container '" + container + "': "
                    + EngineErrors.ioReason(failure), failure);
        }
        return exitCode();
    }

    /** The stream ends as the process does, but the engine may record the exit code a moment later. */
    private synchronized int exitCode() throws InterruptedException {
        if (exitCode != null) {
            return exitCode;
        }
        long pause = FIRST_POLL_MILLIS;
        Status status = statusSource.status();
        while (status.running()) {
            Thread.sleep(pause);
            pause = Math.min(pause * 2, MAX_POLL_MILLIS);
            status = statusSource.status();
        }
        if (status.exitCode() == null) {
            throw new EngineException("The engine reported no exit code for an exec in container '" + container + "'");
        }
        exitCode = status.exitCode();
        return exitCode;
    }

    private void copyOutput(StreamDemultiplexer demultiplexer) {
        try {
            demultiplexer.run();
        } catch (IOException e) {
            outputFailure = e;
        } finally {
            closeQuietly();
        }
    }

    private void pumpInput(InputStream stdin) {
        byte[] buffer = new byte[16 * 1024];
        OutputStream toEngine = connection.output();
        try {
            int n;
            while ((n = readInput(stdin, buffer)) != -1) {
                toEngine.write(buffer, 0, n);
            }
            connection.shutdownOutput();
        } catch (IOException e) {
            // The process ended and the connection is closed: the rest of the input has no reader.
        }
    }

    /** A failing input counts as its end, so the process still gets end of input. */
    private static int readInput(InputStream stdin, byte[] buffer) {
        try {
            return stdin.read(buffer);
        } catch (IOException e) {
            return -1;
        }
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (IOException e) {
            // Nothing more comes from this connection either way.
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static String shortId(String execId) {
        return execId.length() > 12 ? execId.substring(0, 12) : execId;
    }
}
