package dev.car.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The Docker engine the tests run against: {@code $DOCKER_HOST}, which scripts/test-all.sh sets.
 * Without one the engine tests are skipped with a reason, except under CI=true where they fail.
 */
final class RealEngine {
    private static String skipReasonPrinted;

    private RealEngine() {
    }

    static String dockerHost() {
        String host = System.getenv("DOCKER_HOST");
        String problem = host == null || host.isBlank() ? "DOCKER_HOST is not set" : ping(host);
        if (problem == null) {
            return host;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("the Docker engine tests need an engine under CI=true: " + problem);
        }
        synchronized (RealEngine.class) {
            if (skipReasonPrinted == null) {
                skipReasonPrinted = problem;
                System.err.println("Skipping Docker engine tests: " + problem + " (scripts/test-all.sh starts one)");
            }
        }
        Assumptions.abort("no Docker engine: " + problem);
        return null;
    }

    /** Null when {@code GET /_ping} answers OK. */
    private static String ping(String host) {
        if (!host.startsWith("unix://")) {
            return null;
        }
        Path socket = Path.of(host.substring("unix://".length()));
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            channel.read(buffer);
            String response = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
            return response.startsWith("HTTP/1.0 200") || response.startsWith("HTTP/1.1 200")
                    ? null : "the engine at " + host + " answered " + response.lines().findFirst().orElse("");
        } catch (IOException e) {
            return "the engine at " + host + " does not answer: " + e.getMessage();
        }
    }
}
