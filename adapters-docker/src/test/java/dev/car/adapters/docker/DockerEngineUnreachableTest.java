package dev.car.adapters.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import dev.car.application.port.out.engine.EngineException;
import dev.car.application.port.out.engine.ExecRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No engine needed: what happens when none answers, and that nothing connects before the first call. */
class DockerEngineUnreachableTest {

    @Test
    void aMissingSocketIsUnreachableOnOneLine(@TempDir Path dir) {
        String host = "unix://" + dir.resolve("missing.sock");
        DockerContainerEngine engine = new DockerContainerEngine(config(host));

        EngineException failure = assertThrows(EngineException.class, engine::serverVersion);
        assertEquals("Docker engine unreachable at " + host + ": No such file or directory", failure.getMessage());

        EngineException inspect = assertThrows(EngineException.class, () -> engine.inspect("x"));
        assertEquals(failure.getMessage(), inspect.getMessage());
        ExecRequest request = new ExecRequest("x", List.of("true"), Map.of(), null, null, null,
                new ByteArrayOutputStream(), new ByteArrayOutputStream());
        EngineException exec = assertThrows(EngineException.class, () -> engine.exec(request));
        assertEquals(failure.getMessage(), exec.getMessage());
        engine.close();
    }

    @Test
    void aRefusedTcpConnectionIsUnreachableOnOneLine() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String host = "tcp://127.0.0.1:" + port;
        DockerContainerEngine engine = new DockerContainerEngine(config(host));
        EngineException failure = assertThrows(EngineException.class, () -> engine.imagePresent("busybox"));
        assertEquals("Docker engine unreachable at " + host + ": Connection refused", failure.getMessage());
        engine.close();
    }

    @Test
    void execRefusesATlsEngineBeforeCreatingAnything(@TempDir Path certs) {
        DockerClientConfig tls = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost("tcp://127.0.0.1:2376").withDockerTlsVerify(true).withDockerCertPath(certs.toString())
                .build();
        DockerContainerEngine engine = new DockerContainerEngine(tls);
        ExecRequest request = new ExecRequest("app", List.of("true"), Map.of(), null, null, null,
                new ByteArrayOutputStream(), new ByteArrayOutputStream());
        EngineException failure = assertThrows(EngineException.class, () -> engine.exec(request));
        assertEquals("Cannot exec in container 'app': Docker host tcp://127.0.0.1:2376 uses TLS, which car's exec "
                + "does not support; use a unix socket or plain tcp://", failure.getMessage());
        engine.close();
    }

    @Test
    void constructingTouchesNeitherTheConfigurationNorTheEngine() {
        AtomicInteger reads = new AtomicInteger();
        DockerClientConfig counting = countingConfig(config("unix:///nonexistent/car/docker.sock"), reads);
        DockerContainerEngine engine = new DockerContainerEngine(counting);
        assertEquals(0, reads.get());
        assertThrows(EngineException.class, engine::serverVersion);
        engine.close();
        // The default constructor does not read DOCKER_HOST or the docker config files either.
        new DockerContainerEngine().close();
    }

    private static DockerClientConfig config(String host) {
        return DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).withDockerTlsVerify(false)
                .build();
    }

    /** Counts every read of the configuration; the engine must make none before its first call. */
    private static DockerClientConfig countingConfig(DockerClientConfig delegate, AtomicInteger reads) {
        InvocationHandler counting = (proxy, method, args) -> {
            reads.incrementAndGet();
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (DockerClientConfig) Proxy.newProxyInstance(DockerClientConfig.class.getClassLoader(),
                new Class<?>[] {DockerClientConfig.class}, counting);
    }
}
