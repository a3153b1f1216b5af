package dev.car.adapters.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import dev.car.application.port.out.engine.ExecRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same engine reached over plain {@code tcp://}, through a loopback proxy to its unix socket. */
class DockerTcpEngineTest {
    private static final String SCOPE = "tcp";
    private static DockerContainerEngine unixEngine;
    private static ServerSocket proxy;

    @BeforeAll
    static void startProxy() throws IOException {
        unixEngine = RealEngine.require();
        URI host = DefaultDockerClientConfig.createDefaultConfigBuilder().build().getDockerHost();
        assumeTrue("unix".equals(host.getScheme()), "the proxy needs an engine on a unix socket, not " + host);
        proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> accept(UnixDomainSocketAddress.of(host.getPath())), "tcp-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    static void stopProxy() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        RealEngine.removeAll(unixEngine, SCOPE);
    }

    @Test
    void execWorksOverTcpWithInputAndItsEnd() throws Exception {
        String container = RealEngine.startIdle(unixEngine, SCOPE);
        String host = "tcp://127.0.0.1:" + proxy.getLocalPort();
        try (DockerContainerEngine engine = new DockerContainerEngine(DefaultDockerClientConfig
                .createDefaultConfigBuilder().withDockerHost(host).withDockerTlsVerify(false).build())) {
            assertEquals(unixEngine.serverVersion(), engine.serverVersion());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            InputStream in = new ByteArrayInputStream("over tcp\n".getBytes(StandardCharsets.UTF_8));
            int exitCode = engine.exec(new ExecRequest(container, List.of("sh", "-c", "cat; echo done >&2; exit 4"),
                    Map.of(), null, null, in, out, err)).waitFor();
            assertEquals(4, exitCode);
            assertEquals("over tcp\n", out.toString(StandardCharsets.UTF_8));
            assertEquals("done\n", err.toString(StandardCharsets.UTF_8));
        }
    }

    private static void accept(UnixDomainSocketAddress engine) {
        while (!proxy.isClosed()) {
            try {
                Socket client = proxy.accept();
                SocketChannel upstream = SocketChannel.open(StandardProtocolFamily.UNIX);
                upstream.connect(engine);
                pipe(client.getInputStream(), upstream, client);
                pipe(upstream, client.getOutputStream(), client);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Client to engine; the client's end of input becomes a half-close towards the engine. */
    private static void pipe(InputStream from, SocketChannel to, Socket client) {
        daemon(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                int n;
                while ((n = from.read(buffer)) != -1) {
                    ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                    while (bytes.hasRemaining()) {
                        to.write(bytes);
                    }
                }
                to.shutdownOutput();
            } catch (IOException e) {
                closeBoth(to, client);
            }
        });
    }

    /** Engine to client; the engine's end of output closes both sides. */
    private static void pipe(SocketChannel from, OutputStream to, Socket client) {
        daemon(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
            try {
                while (from.read(buffer) != -1) {
                    to.write(buffer.array(), 0, buffer.position());
                    to.flush();
                    buffer.clear();
                }
            } catch (IOException e) {
                // Closed below either way.
            }
            closeBoth(from, client);
        });
    }

    private static void closeBoth(SocketChannel channel, Socket socket) {
        try {
            channel.close();
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "tcp-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }
}
