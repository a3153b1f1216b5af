package dev.car.adapters.docker;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A minimal registry (API v2, plain HTTP) on loopback serving one single-layer image, so a real pull can be
 * watched without any network: engines treat 127.0.0.0/8 registries as insecure and, after trying TLS, speak
 * HTTP to them. A TLS attempt is hung up on at once; an HTTP server waiting for a request line would make the
 * engine wait for its 10 s handshake timeout.
 */
final class FakeRegistry implements AutoCloseable {
    private static final String MANIFEST_TYPE = "application/vnd.docker.distribution.manifest.v2+json";

    private final ServerSocket server;
    private final Map<String, byte[]> blobs = new HashMap<>();
    private final String repository;
    private final String tag;
    private final byte[] manifest;
    private final String manifestDigest;

    /** Serves {@code repository:tag} with one layer holding a file of {@code layerBytes} random bytes. */
    FakeRegistry(String repository, String tag, int layerBytes) throws IOException {
        this.repository = repository;
        this.tag = tag;
        byte[] tar = tar(layerBytes);
        byte[] layer = gzip(tar);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + digest(tar) + "\"]}}")
                .getBytes(StandardCharsets.UTF_8);
        blobs.put(digest(config), config);
        blobs.put(digest(layer), layer);
        manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST_TYPE + "\","
                + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":"
                + config.length + ",\"digest\":\"" + digest(config) + "\"},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":"
                + layer.length + ",\"digest\":\"" + digest(layer) + "\"}]}").getBytes(StandardCharsets.UTF_8);
        manifestDigest = digest(manifest);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fake-registry");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The image reference to pull, e.g. {@code 127.0.0.1:41234/car-test/app:1}. */
    String image() {
        return "127.0.0.1:" + server.getLocalPort() + "/" + repository + ":" + tag;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread handler = new Thread(() -> serve(socket), "fake-registry-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** One request per connection ({@code Connection: close}). */
    private void serve(Socket socket) {
        try (socket) {
            BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
            in.mark(1);
            if (in.read() == 0x16) {
                return;
            }
            in.reset();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            String[] request = String.valueOf(reader.readLine()).split(" ");
            String line;
            while ((line = reader.readLine()) != null && !line.isEmpty()) {
                // Request headers do not matter here.
            }
            if (request.length < 2) {
                return;
            }
            respond(socket.getOutputStream(), request[0], request[1].split("\\?", 2)[0]);
        } catch (IOException e) {
            // The engine hung up; it retries or fails the pull by itself.
        }
    }

    private void respond(OutputStream out, String method, String path) throws IOException {
        String prefix = "/v2/" + repository + "/manifests/";
        String blobPrefix = "/v2/" + repository + "/blobs/";
        if (path.equals("/v2/")) {
            send(out, method, "200 OK", "application/json", null, "{}".getBytes(StandardCharsets.UTF_8));
        } else if (path.equals(prefix + tag) || path.equals(prefix + manifestDigest)) {
            send(out, method, "200 OK", MANIFEST_TYPE, manifestDigest, manifest);
        } else if (path.startsWith(blobPrefix) && blobs.containsKey(path.substring(blobPrefix.length()))) {
            String digest = path.substring(blobPrefix.length());
            send(out, method, "200 OK", "application/octet-stream", digest, blobs.get(digest));
        } else {
            byte[] unknown = "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"unknown\"}]}"
                    .getBytes(StandardCharsets.UTF_8);
            send(out, method, "404 Not Found", "application/json", null, unknown);
        }
    }

    private static void send(OutputStream out, String method, String status, String type, String digest, byte[] body)
            throws IOException {
        String head = "HTTP/1.1 " + status + "\r\n"
                + "Docker-Distribution-API-Version: registry/2.0\r\n"
                + "Content-Type: " + type + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + (digest == null ? "" : "Docker-Content-Digest: " + digest + "\r\n")
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        if (!method.equals("HEAD")) {
            // Written in slices so the engine sees the download progress.
            for (int offset = 0; offset < body.length; offset += 64 * 1024) {
                out.write(body, offset, Math.min(64 * 1024, body.length - offset));
                out.flush();
            }
        }
        out.flush();
    }

    private static byte[] tar(int size) throws IOException {
        byte[] content = new byte[size];
        new Random(42).nextBytes(content);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry("payload.bin");
            entry.setSize(content.length);
            entry.setMode(0644);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(data);
        }
        return bytes.toByteArray();
    }

    private static String digest(byte[] data) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
