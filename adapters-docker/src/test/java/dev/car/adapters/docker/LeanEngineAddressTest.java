package dev.car.adapters.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the lean client is used, and that it then reaches the engine docker-java would reach (no engine needed). */
class LeanEngineAddressTest {
    @TempDir
    Path home;
    private final Map<String, String> environment = new HashMap<>();
    private final Properties properties = new Properties();

    @BeforeEach
    void linuxUser() {
        properties.setProperty("os.name", "Linux");
        properties.setProperty("user.home", home.toString());
    }

    @Test
    void withNothingConfiguredItIsDockerJavasDefaultSocket() {
        assertEquals(Optional.of(new LeanEngineAddress(URI.create("unix:///var/run/docker.sock"), "")), resolve());
    }

    @Test
    void takesTheHostFromASystemPropertyBeforeTheEnvironment() {
        environment.put("DOCKER_HOST", "unix:///from/environment.sock");
        assertEquals("unix:///from/environment.sock", host());
        environment.put("DOCKER_HOST", "  ");
        assertEquals("unix:///var/run/docker.sock", host(), "a blank variable counts as unset");
        properties.setProperty("DOCKER_HOST", "tcp://127.0.0.1:2375");
        assertEquals("tcp://127.0.0.1:2375", host());
        properties.setProperty("DOCKER_HOST", "");
        assertNoLeanClient("an empty property is read as it is, and is no address");
    }

    @Test
    void reachesOnlyUnixSocketsAndPlainTcpWithAPort() {
        for (String host : List.of("tcp://127.0.0.1", "tcp://127.0.0.1:2375/prefix", "http://127.0.0.1:2375",
                "https://127.0.0.1:2376", "ssh://user@host", "npipe:////./pipe/docker_engine", "unix://", "::bad")) {
            properties.setProperty("DOCKER_HOST", host);
            assertNoLeanClient(host);
        }
        properties.setProperty("DOCKER_HOST", "tcp://localhost:2375/");
        assertEquals("tcp://localhost:2375/", host());
    }

    @Test
    void leavesTlsContextsAndPropertyFilesToDockerJava() throws IOException {
        environment.put("DOCKER_TLS_VERIFY", "0");
        assertNoLeanClient("DOCKER_TLS_VERIFY");
        environment.clear();
        properties.setProperty("DOCKER_CERT_PATH", "");
        assertNoLeanClient("DOCKER_CERT_PATH");
        properties.remove("DOCKER_CERT_PATH");
        environment.put("DOCKER_CONTEXT", "remote");
        assertNoLeanClient("DOCKER_CONTEXT");
        environment.clear();
        Files.writeString(home.resolve(".docker-java.properties"), "DOCKER_HOST=unix:///elsewhere.sock\n");
        assertNoLeanClient(".docker-java.properties");
    }

    @Test
    void readsTheDockerConfigAsDockerJavaWould() throws IOException {
        Path docker = Files.createDirectories(home.resolve(".docker"));
        Path config = docker.resolve("config.json");
        String auth = Base64.getEncoder().encodeToString("user:secret".getBytes(StandardCharsets.UTF_8));
        Files.writeString(config, "{\"auths\":{\"registry:5000\":{\"auth\":\"" + auth + "\",\"email\":null}},"
                + "\"credsStore\":\"desktop\",\"plugins\":{\"x\":[1,2.5,true]},\"currentContext\":null}");
        assertEquals("unix:///var/run/docker.sock", host());

        for (String broken : List.of("{\"currentContext\":\"desktop-linux\"}", "{\"auths\":{\"r\":{\"auth\":\"%%\"}}}",
                "{\"auths\":{\"r\":{\"auth\":\"" + Base64.getEncoder().encodeToString(new byte[] {'x'}) + "\"}}}",
                "{\"auths\":[]}", "{\"auths\":{\"r\":null}}", "{\"auths\":{\"r\":{\"username\":{}}}}", "", "[]",
                "{\"auths\":")) {
            Files.writeString(config, broken);
            assertNoLeanClient(broken);
        }

        Files.delete(config);
        Files.writeString(docker.resolve(".dockercfg"), "auth = x\nemail = y\n");
        assertNoLeanClient("a legacy .dockercfg");

        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        environment.put("DOCKER_CONFIG", elsewhere.toString());
        assertEquals("unix:///var/run/docker.sock", host(), "DOCKER_CONFIG names the folder read instead");
        Files.writeString(elsewhere.resolve("config.json"), "{\"currentContext\":\"remote\"}");
        assertNoLeanClient("the current context of DOCKER_CONFIG");
    }

    @Test
    void versionsThePathOnlyWhenAnApiVersionIsConfigured() {
        environment.put("api.version", "1.41");
        assertEquals("/v1.41", resolve().orElseThrow().apiPrefix());
        properties.setProperty("api.version", "v1.040");
        assertEquals("/v1.40", resolve().orElseThrow().apiPrefix());
        properties.setProperty("api.version", "latest");
        assertEquals("", resolve().orElseThrow().apiPrefix());
    }

    @Test
    void neverOnWindowsNorWithoutAHome() {
        properties.setProperty("os.name", "Windows 11");
        assertNoLeanClient("Windows");
        properties.setProperty("os.name", "Linux");
        properties.remove("user.home");
        assertNoLeanClient("no user.home");
    }

    @Test
    void fromABuiltConfigurationOnlyWithoutTls() {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost("unix:///run/engine.sock").withDockerTlsVerify(false).withApiVersion("1.41");
        assertEquals(Optional.of(new LeanEngineAddress(URI.create("unix:///run/engine.sock"), "/v1.41")),
                LeanEngineAddress.of(builder.build()));
        assertEquals(Optional.empty(), LeanEngineAddress.of(builder.withCustomSslConfig(() -> null).build()));
        assertEquals(Optional.empty(), LeanEngineAddress.of(null));
    }

    /** Checked against docker-java itself, which reads the real environment and system properties. */
    @Test
    void agreesWithDockerJavasOwnResolution() throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{}}");
        List<Map<String, String>> cases = List.of(
                Map.of(),
                Map.of("DOCKER_HOST", "unix:///tmp/car-test.sock"),
                Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375", "api.version", "1.41"),
                Map.of("api.version", "v1.041"),
                Map.of("api.version", "one"));
        Properties saved = (Properties) System.getProperties().clone();
        try {
            for (Map<String, String> settings : cases) {
                System.setProperties((Properties) saved.clone());
                System.setProperty("user.home", home.toString());
                settings.forEach(System::setProperty);
                Optional<LeanEngineAddress> lean = LeanEngineAddress.fromEnvironment(System.getenv(),
                        System.getProperties());
                DockerClientConfig dockerJava = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
                if (lean.isPresent()) {
                    assertEquals(dockerJava.getDockerHost(), lean.get().host(), settings.toString());
                    assertEquals(LeanEngineAddress.apiPrefix(dockerJava.getApiVersion()), lean.get().apiPrefix(),
                            settings.toString());
                } else {
                    assertTrue(System.getenv().containsKey("DOCKER_CONTEXT")
                            || System.getenv().containsKey("DOCKER_TLS_VERIFY")
                            || System.getenv().containsKey("DOCKER_CERT_PATH"), settings.toString());
                }
            }
        } finally {
            System.setProperties(saved);
        }
    }

    @Test
    void carShipsNoDockerJavaPropertiesOnTheClassPath() {
        assertNull(LeanEngineAddressTest.class.getResource("/docker-java.properties"),
                "docker-java would read it and the lean client does not look for it");
    }

    private Optional<LeanEngineAddress> resolve() {
        return LeanEngineAddress.fromEnvironment(environment, properties);
    }

    private String host() {
        return resolve().orElseThrow().host().toString();
    }

    private void assertNoLeanClient(String why) {
        assertEquals(Optional.empty(), resolve(), why);
    }
}
