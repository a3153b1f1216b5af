package dev.car.adapters.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How a connection reads the ways an HTTP/1.1 answer can be framed, against a scripted engine (no engine needed). */
class EngineConnectionTest {

    @Test
    void readsChunkedAnswersWithExtensionsAndTrailersAndKeepsTheConnection() throws Exception {
        try (Scripted engine = new Scripted(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "4;name=value\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\nX-Trailer: t\r\n\r\n",
                "HTTP/1.1 201 Created\r\nContent-Length: 9\r\n\r\n{\"Id\":1}\n");
             EngineConnection connection = EngineConnection.open(engine.host())) {
            EngineConnection.Response first = connection.exchange("GET", "/containers/x/json", null);
            assertEquals(200, first.status());
            assertEquals("{\"a\":1}", first.text());
            assertTrue(first.reusable());
            assertTrue(connection.isIdleAndOpen());

            byte[] body = "{\"Cmd\":[\"true\"]}".getBytes(StandardCharsets.UTF_8);
            EngineConnection.Response second = connection.exchange("POST", "/containers/x/exec", body);
            assertEquals(201, second.status());
            assertEquals("{\"Id\":1}\n", second.text());
            assertTrue(second.reusable());

            List<String> requests = engine.requests();
            assertEquals("GET /containers/x/json HTTP/1.1\r\nHost: docker\r\n\r\n", requests.get(0));
            assertEquals("POST /containers/x/exec HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n{\"Cmd\":[\"true\"]}", requests.get(1));
        }
    }

    @Test
    void answersWithoutBodyLeaveTheConnectionReusable() throws Exception {
        try (Scripted engine = new Scripted("HTTP/1.1 204 No Content\r\n\r\n", "HTTP/1.1 304 Not Modified\r\n\r\n");
             EngineConnection connection = EngineConnection.open(engine.host())) {
            EngineConnection.Response started = connection.exchange("POST", "/containers/x/start", null);
            assertEquals(204, started.status());
            assertArrayEquals(new byte[0], started.body());
            assertTrue(started.reusable());
            assertEquals(304, connection.exchange("POST", "/containers/x/start", null).status());
            assertTrue(engine.requests().get(0).contains("Content-Length: 0\r\n"), "a POST always tells its length");
        }
    }

    @Test
    void anAnswerTheEngineEndsByClosingIsNotReused() throws Exception {
        try (Scripted engine = new Scripted("HTTP/1.1 500 Internal Server Error\r\n\r\n{\"message\":\"boom\"}");
             EngineConnection connection = EngineConnection.open(engine.host())) {
            EngineConnection.Response response = connection.exchange("GET", "/x", null);
            assertEquals("{\"message\":\"boom\"}", response.text());
            assertFalse(response.reusable());
        }
        try (Scripted engine = new Scripted(
                "HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}");
             EngineConnection connection = EngineConnection.open(engine.host())) {
            assertFalse(connection.exchange("GET", "/x", null).reusable());
        }
    }

    @Test
    void aClosedIdleConnectionIsNoLongerOpen() throws Exception {
        try (Scripted engine = new Scripted("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
             EngineConnection connection = EngineConnection.open(engine.host())) {
            connection.exchange("GET", "/x", null);
            engine.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (connection.isIdleAndOpen() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertFalse(connection.isIdleAndOpen());
        }
    }

    @Test
    void brokenAnswersFailTheCall() throws Exception {
        List<String> broken = List.of(
                "",
                "SSH-2.0-OpenSSH\r\n\r\n",
                "HTTP/1.1 2xx OK\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}",
                "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{}");
        for (String answer : broken) {
            try (Scripted engine = new Scripted(answer);
                 EngineConnection connection = EngineConnection.open(engine.host())) {
                assertThrows(IOException.class, () -> connection.exchange("GET", "/x", null), answer);
            }
        }
    }

    @Test
    void aRefusedUpgradeNamesTheEnginesReason() throws Exception {
        String body = "{\"message\":\"is not\\nrunning\"}";
        try (Scripted engine = new Scripted("HTTP/1.1 409 Conflict\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");
             EngineConnection connection = EngineConnection.open(engine.host())) {
            IOException failure = assertThrows(IOException.class, () -> connection.upgrade("/exec/1/start", "{}"));
            assertEquals("is not running", failure.getMessage());
        }
    }

    /** Answers each request on the first connection with the next of its answers, then ends its output. */
    private static final class Scripted implements AutoCloseable {
        private final ServerSocket server;
        private final List<String> requests = new ArrayList<>();
        private final CompletableFuture<Void> done;
        private volatile Socket socket;

        Scripted(String... answers) throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            done = CompletableFuture.runAsync(() -> serve(answers));
        }

        URI host() {
            return URI.create("tcp://127.0.0.1:" + server.getLocalPort());
        }

        List<String> requests() throws Exception {
            done.get(10, TimeUnit.SECONDS);
            synchronized (requests) {
                return List.copyOf(requests);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            if (socket != null) {
                socket.close();
            }
        }

        private void serve(String... answers) {
            try {
                socket = server.accept();
                InputStream in = socket.getInputStream();
                for (String answer : answers) {
                    String request = readRequest(in);
                    synchronized (requests) {
                        requests.add(request);
                    }
                    socket.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
                    socket.getOutputStream().flush();
                }
                // Ends an answer without length, and cuts a short one short.
                socket.shutdownOutput();
            } catch (IOException e) {
                // Closed by the test.
            }
        }

        /** The head up to its blank line, then as many body bytes as it announces. */
        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            while (!request.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b == -1) {
                    throw new IOException("request cut short");
                }
                request.write(b);
            }
            String head = request.toString(StandardCharsets.ISO_8859_1);
            int at = head.indexOf("Content-Length: ");
            if (at >= 0) {
                int length = Integer.parseInt(head.substring(at + 16, head.indexOf("\r\n", at)));
                request.write(in.readNBytes(length));
            }
            return request.toString(StandardCharsets.UTF_8);
        }
    }
}
