package dev.car.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The floor of a warm {@code car exec} for any JVM program: the engine calls car makes (inspect the
 * container, create an exec, start it and read its stream to the end, inspect the exec) and nothing
 * else, no hub, no manifest, no plan. {@code scripts/bench.sh} times it beside {@code docker exec} and
 * {@code car exec}. Usage: {@code ExecFloor /path/to/docker.sock CONTAINER}; exits with the command's
 * exit code ({@code true}).
 */
public final class ExecFloor {
    private ExecFloor() {
    }

    public static void main(String[] args) throws IOException {
        UnixDomainSocketAddress engine = UnixDomainSocketAddress.of(args[0]);
        String container = args[1];
        String execId;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(engine);
            InputStream in = Channels.newInputStream(channel);
            OutputStream out = Channels.newOutputStream(channel);
            request(out, "GET", "/containers/" + container + "/json", null);
            response(in);
            request(out, "POST", "/containers/" + container + "/exec",
                    "{\"AttachStdout\":true,\"AttachStderr\":true,\"Cmd\":[\"true\"]}");
            execId = field(response(in), "Id");
            request(out, "POST", "/exec/" + execId + "/start", "{\"Detach\":false,\"Tty\":false}");
            in.transferTo(OutputStream.nullOutputStream()); // the upgraded stream, until the command ends
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(engine);
            request(Channels.newOutputStream(channel), "GET", "/exec/" + execId + "/json", null);
            String exec = response(Channels.newInputStream(channel));
            System.exit(Integer.parseInt(field(exec, "ExitCode")));
        }
    }

    private static void request(OutputStream out, String method, String path, String json) throws IOException {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: docker\r\n"
                + (json == null ? "" : "Content-Type: application/json\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** The body of a response, sent with a Content-Length or chunked. */
    private static String response(InputStream in) throws IOException {
        String head = line(in, "\r\n\r\n");
        for (String header : head.split("\r\n")) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                int length = Integer.parseInt(header.substring("content-length:".length()).trim());
                return new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int chunk;
        while ((chunk = Integer.parseInt(line(in, "\r\n").trim(), 16)) > 0) {
            body.write(in.readNBytes(chunk));
            line(in, "\r\n");
        }
        line(in, "\r\n");
        return body.toString(StandardCharsets.UTF_8);
    }

    /** The bytes up to and including {@code end}. */
    private static String line(InputStream in, String end) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        while (!text.toString(StandardCharsets.US_ASCII).endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the engine closed the connection");
            }
            text.write(b);
        }
        return text.toString(StandardCharsets.US_ASCII);
    }

    /** A top-level string or number field of a small JSON object, without a JSON library. */
    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":") + name.length() + 3;
        int end = at;
        while (end < json.length() && ",}".indexOf(json.charAt(end)) < 0) {
            end++;
        }
        return json.substring(at, end).replace("\"", "").trim();
    }
}
