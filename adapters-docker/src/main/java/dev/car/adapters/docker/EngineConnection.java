package dev.car.adapters.docker;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A raw HTTP/1.1 connection to the engine. It carries plain requests, one after the other (keep-alive), until one
 * request upgrades it to a bidirectional byte stream, as {@code docker exec} does. docker-java's httpclient5
 * transport cannot half-close the request side, so the process would never see end of input (docker-java issues
 * #1684 and #1448); here {@link #shutdownOutput()} does exactly that.
 */
final class EngineConnection implements Closeable {
    private static final int DEFAULT_TCP_PORT = 2375;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Far above any answer of the calls made here (an inspection is a few KiB); guards against a runaway stream. */
    private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    private EngineConnection(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedInputStream(new ChannelInput(channel), 64 * 1024);
        this.out = new ChannelOutput(channel);
    }

    /** Connects to a {@code unix://} or plain {@code tcp://} engine address. */
    static EngineConnection open(URI dockerHost) throws IOException {
        String scheme = String.valueOf(dockerHost.getScheme()).toLowerCase(Locale.ROOT);
        SocketChannel channel;
        switch (scheme) {
            case "unix" -> {
                channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    channel.connect(UnixDomainSocketAddress.of(dockerHost.getPath()));
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            }
            case "tcp", "http" -> {
                channel = SocketChannel.open();
                try {
                    int port = dockerHost.getPort() == -1 ? DEFAULT_TCP_PORT : dockerHost.getPort();
                    // The socket adaptor is the only way to bound the connect time of a blocking channel.
                    channel.socket().connect(new InetSocketAddress(dockerHost.getHost(), port), CONNECT_TIMEOUT_MILLIS);
                    channel.socket().setTcpNoDelay(true);
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            }
            default -> throw new IllegalArgumentException("unsupported scheme '" + scheme + "'");
        }
        return new EngineConnection(channel);
    }

    /**
     * Sends one request and reads its whole response. The connection may carry the next request when
     * {@link Response#reusable()}; otherwise it is spent. {@code jsonBody} is null for a request without one.
     */
    Response exchange(String method, String path, byte[] jsonBody) throws IOException {
        send(method, path, jsonBody, "");
        int status = readStatus();
        Map<String, String> headers = readHeaders();
        boolean delimited = hasNoBody(status) || headers.containsKey("content-length") || isChunked(headers);
        byte[] body = readBody(status, headers);
        boolean reusable = delimited && !"close".equalsIgnoreCase(headers.get("connection"));
        return new Response(status, body, reusable);
    }

    /** A response read in full. */
    record Response(int status, byte[] body, boolean reusable) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends {@code POST path} with a JSON body asking for the upgrade and reads the response headers. On success
     * the connection carries the raw stream; an engine error is thrown with the engine's message.
     */
    void upgrade(String path, String jsonBody) throws IOException {
        send("POST", path, jsonBody.getBytes(StandardCharsets.UTF_8), "Connection: Upgrade\r\nUpgrade: tcp\r\n");
        int status = readStatus();
        Map<String, String> headers = readHeaders();
        // 101 is the upgrade; older engines answer 200 and hand over the raw stream all the same.
        if (status == 101 || status == 200) {
            return;
        }
        String errorBody = new String(readBody(status, headers), StandardCharsets.UTF_8);
        String message = EngineErrors.jsonMessage(errorBody);
        if (message == null) {
            message = EngineErrors.oneLine(errorBody);
        }
        throw new IOException(message.isEmpty() ? "HTTP status " + status : message);
    }

    /**
     * Whether an idle connection can carry another request: the engine has neither closed it (as it may after a
     * while) nor sent anything unasked. Checked without blocking.
     */
    boolean isIdleAndOpen() {
        try {
            if (in.available() > 0) {
                return false;
            }
            channel.configureBlocking(false);
            try {
                return channel.read(ByteBuffer.allocate(1)) == 0;
            } finally {
                channel.configureBlocking(true);
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** The raw stream from the engine, after the response headers. */
    InputStream input() {
        return in;
    }

    /** The raw stream to the engine. */
    OutputStream output() {
        return out;
    }

    /** Signals end of input to the engine while the output keeps flowing. */
    void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The request in one write, so that it never waits on a partial packet. */
    private void send(String method, String path, byte[] body, String extraHeaders) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: docker\r\n").append(extraHeaders);
        if (body != null) {
            head.append("Content-Type: application/json\r\n");
        }
        if (body != null || method.equals("POST")) {
            head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer request = ByteBuffer.allocate(headBytes.length + (body == null ? 0 : body.length)).put(headBytes);
        if (body != null) {
            request.put(body);
        }
        out.write(request.array());
    }

    private int readStatus() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new IOException("the engine closed the connection without answering");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("unexpected answer: " + EngineErrors.oneLine(statusLine));
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("unexpected answer: " + EngineErrors.oneLine(statusLine), e);
        }
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new HashMap<>();
        int total = 0;
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            total += line.length();
            if (total > MAX_HEADER_BYTES) {
                throw new IOException("response headers too large");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                headers.put(name, line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private static boolean hasNoBody(int status) {
        return status / 100 == 1 || status == 204 || status == 304;
    }

    private static boolean isChunked(Map<String, String> headers) {
        return "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
    }

    /** The body as the headers delimit it: chunked, by length, or up to the end of the stream. */
    private byte[] readBody(int status, Map<String, String> headers) throws IOException {
        if (hasNoBody(status)) {
            return new byte[0];
        }
        if (isChunked(headers)) {
            return readChunks();
        }
        String length = headers.get("content-length");
        if (length == null) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new IOException("response too large");
            }
            return body;
        }
        long size;
        try {
            size = Long.parseLong(length);
        } catch (NumberFormatException e) {
            throw new IOException("unexpected Content-Length: " + EngineErrors.oneLine(length), e);
        }
        if (size < 0 || size > MAX_BODY_BYTES) {
            throw new IOException("unexpected Content-Length: " + size);
        }
        byte[] body = in.readNBytes((int) size);
        if (body.length < size) {
            throw new IOException("the engine closed the connection in the middle of an answer");
        }
        return body;
    }

    private byte[] readChunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                throw new IOException("the engine closed the connection in the middle of an answer");
            }
            int size;
            try {
                size = Integer.parseInt(sizeLine.split(";", 2)[0].strip(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("unexpected chunk size: " + EngineErrors.oneLine(sizeLine), e);
            }
            if (size == 0) {
                break;
            }
            if (size < 0 || body.size() + (long) size > MAX_BODY_BYTES) {
                throw new IOException("response too large");
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size || readLine() == null) {
                throw new IOException("the engine closed the connection in the middle of an answer");
            }
            body.write(chunk);
        }
        String trailer;
        while ((trailer = readLine()) != null && !trailer.isEmpty()) {
            // Trailers carry nothing car uses; they are read so the connection can carry the next request.
        }
        return body.toByteArray();
    }

    /** One CRLF-terminated line, without the terminator; null at end of stream. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_HEADER_BYTES) {
                throw new IOException("response line too long");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads straight from the channel. {@code Channels.newInputStream} is not used on purpose: on Java 17 its
     * reads and the writes of {@code Channels.newOutputStream} hold the same lock, so a blocked read of the
     * output would stop the input from being written.
     */
    private static final class ChannelInput extends InputStream {
        private final SocketChannel channel;

        ChannelInput(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            return channel.read(ByteBuffer.wrap(buffer, offset, length));
        }
    }

    /** Writes straight to the channel; see {@link ChannelInput} for why. */
    private static final class ChannelOutput extends OutputStream {
        private final SocketChannel channel;

        ChannelOutput(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(buffer, offset, length);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }
}
