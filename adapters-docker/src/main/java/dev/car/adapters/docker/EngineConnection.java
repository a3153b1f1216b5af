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
    private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

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
     * Sends {@code POST path} with a JSON body asking for the upgrade and reads the response headers. On success
     * the connection carries the raw stream; an engine error is thrown with the engine's message.
     */
    void upgrade(String path, String jsonBody) throws IOException {
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: docker\r\n"
                + "Content-Type: application/json\r\n"
                + "Connection: Upgrade\r\n"
                + "Upgrade: tcp\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);

        String statusLine = readLine();
        if (statusLine == null) {
            throw new IOException("the engine closed the connection without answering");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("unexpected answer: " + EngineErrors.oneLine(statusLine));
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("unexpected answer: " + EngineErrors.oneLine(statusLine), e);
        }
        Map<String, String> headers = readHeaders();
        // 101 is the upgrade; older engines answer 200 and hand over the raw stream all the same.
        if (status == 101 || status == 200) {
            return;
        }
        String errorBody = readErrorBody(headers);
        String message = EngineErrors.jsonMessage(errorBody);
        if (message == null) {
            message = EngineErrors.oneLine(errorBody);
        }
        throw new IOException(message.isEmpty() ? "HTTP status " + status : message);
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

    private String readErrorBody(Map<String, String> headers) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            String sizeLine;
            while ((sizeLine = readLine()) != null && body.size() < MAX_ERROR_BODY_BYTES) {
                int size = Integer.parseInt(sizeLine.split(";", 2)[0].strip(), 16);
                if (size == 0) {
                    break;
                }
                copy(body, size);
                readLine();
            }
        } else if (headers.containsKey("content-length")) {
            copy(body, (int) Math.min(Long.parseLong(headers.get("content-length")), MAX_ERROR_BODY_BYTES));
        } else {
            copy(body, MAX_ERROR_BODY_BYTES);
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private void copy(ByteArrayOutputStream target, int count) throws IOException {
        byte[] buffer = in.readNBytes(Math.min(count, MAX_ERROR_BODY_BYTES - target.size()));
        target.write(buffer);
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
