package dev.car.adapters.docker;

import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.RemoteApiVersion;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine address and API path prefix, when {@link LeanEngineClient} can reach the engine exactly where
 * docker-java would: a unix socket or plain {@code tcp://host:port}, without TLS. Empty means "leave it to
 * docker-java": TLS settings, a docker context, ssh://, npipe://, a {@code ~/.docker-java.properties}, or anything
 * else this class does not follow to the letter. A {@code docker-java.properties} on the class path is not looked
 * for: car ships none (a test checks), and looking would open every jar, which costs more than the calls it serves.
 *
 * @param apiPrefix {@code /v1.41} when an API version is configured, else empty (the engine's own version)
 */
record LeanEngineAddress(URI host, String apiPrefix) {
    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    /** As docker-java's RemoteApiVersion reads {@code api.version}; anything else counts as not configured. */
    private static final Pattern API_VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)");

    /** From a docker-java configuration already built: its host, unless it has TLS or is not reachable here. */
    static Optional<LeanEngineAddress> of(DockerClientConfig config) {
        try {
            if (config.getSSLConfig() != null) {
                return Optional.empty();
            }
            return direct(config.getDockerHost(), apiPrefix(config.getApiVersion()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * From the environment, system properties and docker config files as docker-java's
     * {@code DefaultDockerClientConfig.createDefaultConfigBuilder()} reads them: system properties before
     * non-blank environment variables before the defaults; then the {@code config.json} of {@code DOCKER_CONFIG}
     * (default {@code ~/.docker}), whose current context would override the host.
     */
    static Optional<LeanEngineAddress> fromEnvironment(Map<String, String> environment, Properties properties) {
        try {
            String home = properties.getProperty("user.home");
            boolean windows = properties.getProperty("os.name", "").startsWith("Windows");
            if (home == null || windows || isSet(environment.get("DOCKER_CONTEXT"))
                    || setting(environment, properties, "DOCKER_TLS_VERIFY") != null
                    || setting(environment, properties, "DOCKER_CERT_PATH") != null
                    || Files.isRegularFile(Path.of(home, ".docker-java.properties"))) {
                return Optional.empty();
            }
            String configDirectory = setting(environment, properties, "DOCKER_CONFIG");
            if (configDirectory == null) {
                configDirectory = home + "/.docker";
            }
            if (configDirectory.isBlank() || !hasNoContextNorFaults(Path.of(configDirectory))) {
                return Optional.empty();
            }
            String host = setting(environment, properties, "DOCKER_HOST");
            return direct(URI.create(host == null ? DEFAULT_HOST : host),
                    apiPrefix(setting(environment, properties, "api.version")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Same versioned path as docker-java: unversioned unless a version is configured. */
    static String apiPrefix(RemoteApiVersion version) {
        return version == null || RemoteApiVersion.UNKNOWN_VERSION.equals(version) ? "" : "/v" + version.getVersion();
    }

    private static String apiPrefix(String configured) {
        Matcher version = configured == null ? null : API_VERSION.matcher(configured);
        if (version == null || !version.matches()) {
            return "";
        }
        try {
            return "/v" + Integer.parseInt(version.group(1)) + "." + Integer.parseInt(version.group(2));
        } catch (NumberFormatException e) {
            return "";
        }
    }

    /** docker-java reads a system property even when empty, an environment variable only when not blank. */
    private static String setting(Map<String, String> environment, Properties properties, String key) {
        if (properties.containsKey(key)) {
            return properties.getProperty(key);
        }
        String value = environment.get(key);
        return isSet(value) ? value : null;
    }

    /**
     * Whether docker-java would take nothing from this config folder that matters here: no current context, and
     * nothing that would make it fail (unreadable JSON, auths it cannot decode, a legacy {@code .dockercfg}).
     */
    private static boolean hasNoContextNorFaults(Path directory) throws IOException {
        Path config = directory.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return !Files.isRegularFile(directory.resolve(".dockercfg"));
        }
        Map<?, ?> root = Json.object(Json.parse(Files.readString(config)));
        if (root.get("currentContext") != null) {
            return false;
        }
        Object auths = root.get("auths");
        if (auths == null) {
            return true;
        }
        for (Object entry : Json.object(auths).values()) {
            Map<?, ?> fields = Json.object(entry);
            if (!fields.values().stream().allMatch(value -> value == null || value instanceof String)) {
                return false;
            }
            // docker-java decodes each auth as user:password and fails on anything else.
            if (fields.get("auth") instanceof String auth
                    && !new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8).contains(":")) {
                return false;
            }
        }
        return true;
    }

    /** Only what docker-java's httpclient5 transport reaches the same way: unix sockets and plain tcp with a port. */
    private static Optional<LeanEngineAddress> direct(URI host, String apiPrefix) {
        String scheme = host.getScheme();
        boolean unix = "unix".equals(scheme) && isSet(host.getPath());
        boolean tcp = "tcp".equals(scheme) && host.getHost() != null && host.getPort() != -1
                && host.getUserInfo() == null && host.getQuery() == null && host.getFragment() == null
                && (host.getRawPath() == null || host.getRawPath().isEmpty() || host.getRawPath().equals("/"));
        return unix || tcp ? Optional.of(new LeanEngineAddress(host, apiPrefix)) : Optional.empty();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
