package dev.car.adapters.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A unix socket in front of the real engine's that passes everything through and keeps what went each way, per
 * connection: to see what a client sent, on how many connections, and what the engine answered.
 */
final class RecordingEngineProxy implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Path socket;
    private final UnixDomainSocketAddress engine;
    private final List<Connection> connections = new ArrayList<>();

    /** What one client connection carried. */
    static final class Connection {
        private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        private final ByteArrayOutputStream answered = new ByteArrayOutputStream();
        private final SocketChannel client;
        private final SocketChannel upstream;
        private final List<Thread> copiers = new ArrayList<>();

        private Connection(SocketChannel client, SocketChannel upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        String sent() {
            synchronized (sent) {
                return sent.toString(StandardCharsets.ISO_8859_1);
            }
        }

        String answered() {
            synchronized (answered) {
                return answered.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }

    /** Listens on {@code proxy.sock} in {@code directory} for the engine on the unix socket {@code engineHost}. */
    RecordingEngineProxy(Path directory, URI engineHost) throws IOException {
        this.engine = UnixDomainSocketAddress.of(engineHost.getPath());
        this.socket = directory.resolve("proxy.sock");
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        daemon(this::accept);
    }

    /** The address clients use, e.g. {@code unix:///tmp/x/proxy.sock}. */
    String host() {
        return "unix://" + socket;
    }

    /** The connections clients opened so far, oldest first. */
    synchronized List<Connection> connections() {
        return List.copyOf(connections);
    }

    /** Everything clients sent, all connections together. */
    String allSent() {
        StringBuilder all = new StringBuilder();
        connections().forEach(connection -> all.append(connection.sent()));
        return all.toString();
    }

    /** Hangs up every connection, as an engine may do with idle ones, and returns once they are closed. */
    void dropAll() throws IOException, InterruptedException {
        for (Connection connection : connections()) {
            connection.client.close();
            connection.upstream.close();
            for (Thread copier : connection.copiers) {
                copier.join();
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                SocketChannel upstream = SocketChannel.open(engine);
                Connection connection = new Connection(client, upstream);
                synchronized (this) {
                    connections.add(connection);
                }
                connection.copiers.add(daemon(() -> copy(client, upstream, connection.sent, false)));
                connection.copiers.add(daemon(() -> copy(upstream, client, connection.answered, true)));
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Copies until the end of {@code from}, then half-closes {@code to} as the sender did (so an exec's input still
     * ends), or closes both when the engine's side ends.
     */
    private static void copy(SocketChannel from, SocketChannel to, ByteArrayOutputStream record, boolean engineSide) {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        try {
            while (from.read(buffer) != -1) {
                buffer.flip();
                synchronized (record) {
                    record.write(buffer.array(), 0, buffer.limit());
                }
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            if (!engineSide) {
                to.shutdownOutput();
                return;
            }
        } catch (IOException e) {
            // Closed below.
        }
        try {
            from.close();
            to.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "recording-engine-proxy");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
