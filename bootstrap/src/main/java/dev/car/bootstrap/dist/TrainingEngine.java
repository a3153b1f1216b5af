package dev.car.bootstrap.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the Docker engine during the archive's training run, so that the classes of a cold
 * and of a warm {@code car exec} (the engine client, the exec session, the stream reader) are in the
 * archive too: package time has no engine. It answers the engine API calls those two runs make on a
 * Unix socket, remembers the one container created, and runs nothing (every exec ends at once with
 * exit code 0 and no output). Any other call gets a 404.
 */
final class TrainingEngine implements AutoCloseable {
    private static final String CREATED = "2026-01-01T00:00:00.000000001Z";

    private final ServerSocketChannel server;
    /** The body of the last container create: the container's config, echoed by inspect. */
    private volatile String createdConfig;
    private volatile String createdName;
    private final AtomicInteger creations = new AtomicInteger();

    private TrainingEngine(ServerSocketChannel server) {
        this.server = server;
    }

    /** Listens on {@code socket} until closed. */
    static TrainingEngine start(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        TrainingEngine engine = new TrainingEngine(server);
        daemon("car-training-engine", engine::accept).start();
        return engine;
    }

    /** How many containers were created: a warm exec creates none. */
    int containersCreated() {
        return creations.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                daemon("car-training-connection", () -> serve(connection)).start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Answers requests on one kept-open connection until the client closes it or it is upgraded. */
    private void serve(SocketChannel connection) {
        try (connection) {
            InputStream in = Channels.newInputStream(connection);
            OutputStream out = Channels.newOutputStream(connection);
            String head;
            while ((head = readHead(in)) != null) {
                String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
                String body = new String(in.readNBytes(contentLength(head)), StandardCharsets.UTF_8);
                if (!answer(requestLine[0], requestLine[1], body, out)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The client went away; the training run reports its own failures.
        }
    }

    /** Writes the answer; false when the connection carried an exec's stream and is now done. */
    private boolean answer(String method, String target, String body, OutputStream out) throws IOException {
        String path = target.replaceFirst("^/v[0-9.]+", "");
        if (method.equals("GET") && path.matches("/containers/[^/]+/json")) {
            String name = path.split("/")[2];
            if (createdConfig == null || !(name.equals(createdName) || name.equals("c1"))) {
                respond(out, 404, "{\"message\":\"No such container: " + name + "\"}");
            } else {
                respond(out, 200, "{\"Id\":\"c1\",\"Name\":\"/" + createdName + "\",\"Created\":\"" + CREATED
                        + "\",\"State\":{\"Status\":\"running\",\"Running\":true,\"StartedAt\":\"" + CREATED
                        + "\",\"FinishedAt\":\"0001-01-01T00:00:00Z\"},\"Config\":" + createdConfig
                        + ",\"Mounts\":[{\"Type\":\"bind\",\"Source\":\"/tmp\",\"Destination\":\"/tmp\"}],\"ExecIDs\":null}");
            }
        } else if (method.equals("GET") && path.startsWith("/images/")) {
            respond(out, 200, "{\"Id\":\"sha256:0\"}");
        } else if (method.equals("POST") && path.startsWith("/containers/create?name=")) {
            createdName = path.substring("/containers/create?name=".length());
            createdConfig = body;
            creations.incrementAndGet();
            respond(out, 201, "{\"Id\":\"c1\",\"Warnings\":[]}");
        } else if (method.equals("POST") && path.matches("/containers/[^/]+/start")) {
            respond(out, 204, null);
        } else if (method.equals("POST") && path.matches("/containers/[^/]+/exec")) {
            respond(out, 201, "{\"Id\":\"e1\"}");
        } else if (method.equals("POST") && path.equals("/exec/e1/start")) {
            out.write(("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\n"
                    + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return false; // the exec ends at once: its stream closes with no output
        } else if (method.equals("GET") && path.equals("/exec/e1/json")) {
            respond(out, 200, "{\"ID\":\"e1\",\"Running\":false,\"ExitCode\":0}");
        } else if (method.equals("DELETE") && path.startsWith("/containers/")) {
            createdConfig = null;
            respond(out, 204, null);
        } else {
            respond(out, 404, "{\"message\":\"not served by car's training engine: " + method + " " + path + "\"}");
        }
        return true;
    }

    private static void respond(OutputStream out, int status, String json) throws IOException {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" training\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** The request line and headers up to the blank line; null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return 0;
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
