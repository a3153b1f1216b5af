package dev.car.adapters.docker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.car.application.port.out.engine.ContainerCreation;
import dev.car.application.port.out.engine.ContainerState;
import dev.car.application.port.out.engine.EngineException;
import dev.car.domain.container.MountBinding;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The engine named by {@code DOCKER_HOST} (see {@code scripts/test-engine.sh}). Without one, tests are skipped
 * with one printed reason, or fail when {@code CI=true}. Everything a run creates carries {@link #RUN_LABEL}.
 */
final class RealEngine {
    static final String RUN_LABEL = "car.test.run";
    static final String SCOPE_LABEL = "car.test.scope";
    /** Unique per JVM, so concurrent runs on one engine never touch each other's containers. */
    static final String RUN = HexFormat.of().formatHex(new SecureRandom().generateSeed(5));
    static final String IMAGE = "car-test:busybox";
    static final List<String> IDLE = List.of("tail", "-f", "/dev/null");

    private static boolean skipReported;

    private RealEngine() {
    }

    /** An engine that answers, or aborts (fails on CI) the calling test class. */
    static DockerContainerEngine require() {
        DockerContainerEngine engine = new DockerContainerEngine();
        try {
            engine.serverVersion();
            return engine;
        } catch (EngineException e) {
            engine.close();
            String reason = "no Docker engine answers (" + e.getMessage() + "); start one with "
                    + "export DOCKER_HOST=$(scripts/test-engine.sh start | tail -n1)";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason);
            }
            reportSkip(reason);
            Assumptions.abort(reason);
            throw e;
        }
    }

    private static synchronized void reportSkip(String reason) {
        if (!skipReported) {
            skipReported = true;
            System.err.println("Skipping Docker engine tests: " + reason);
        }
    }

    static void assertOneLine(String message) {
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
    }

    /** docker-java itself, to check what the engine stored independently of the adapter. */
    static DockerClient rawClient() {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        return DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).sslConfig(config.getSSLConfig()).build());
    }

    /** A container name no other run or test uses. */
    static String uniqueName(String purpose) {
        return "car-test-" + RUN + "-" + purpose + "-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
    }

    /** Labels of this run and scope (a test class), so each class cleans up only its own containers. */
    static Map<String, String> runLabels(String scope) {
        return Map.of(RUN_LABEL, RUN, SCOPE_LABEL, scope);
    }

    /** A running idle busybox container with init, labelled for this run and scope. */
    static String startIdle(DockerContainerEngine engine, String scope) {
        String name = uniqueName(scope);
        engine.create(new ContainerCreation(name, IMAGE, List.<MountBinding>of(), runLabels(scope), null, null, true,
                IDLE));
        engine.start(name);
        return name;
    }

    /** Removes every container of this run and scope; safe to call when none is left. */
    static void removeAll(DockerContainerEngine engine, String scope) {
        if (engine == null) {
            return;
        }
        for (ContainerState state : engine.listByLabels(runLabels(scope))) {
            engine.remove(state.id(), true);
        }
        engine.close();
    }
}
