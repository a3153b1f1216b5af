package dev.car.adapters.yaml;

import dev.car.application.UseCaseFailure;
import dev.car.application.port.out.HubLocation;
import dev.car.application.port.out.HubConfig;
import dev.car.application.port.out.HubConfigRepository;
import dev.car.domain.text.Py;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A folder's {@code .codex-autorunner/config.yml}, read with the same safe YAML 1.1 loader as the manifest. */
public final class YamlHubConfigRepository implements HubConfigRepository {

    static final String HUB_CONFIG = "# car hub config: this folder is the root of a car hub.\nmode: hub\n";

    @Override
    public Optional<HubConfig> readAt(Path directory) {
        Path file = directory.resolve(HubLocation.CONFIG_FILE);
        byte[] bytes;
        try {
            bytes = AtomicFiles.readIfExists(file, SafeYaml.MAX_BYTES);
        } catch (IOException e) {
            throw new UseCaseFailure(file + ": cannot read: " + IoErrors.describe(e), e);
        }
        if (bytes == null) {
            return Optional.empty();
        }
        Object document;
        try {
            document = SafeYaml.parse(bytes);
        } catch (YamlProblem e) {
            throw new UseCaseFailure(file + ": " + e.getMessage(), e);
        }
        if (document == null) {
            return Optional.of(new HubConfig(null, null)); // an empty config marks a hub, as in the reference
        }
        if (!(document instanceof Map<?, ?> config)) {
            throw new UseCaseFailure(file + ": config must be a mapping, found " + typeName(document));
        }
        Object mode = config.get("mode");
        return Optional.of(new HubConfig(mode == null ? null : Py.str(mode), manifestSetting(file, config.get("hub"))));
    }

    /** {@code hub.manifest}: null (the default path) when absent, null or blank; a non-string is an error. */
    private static String manifestSetting(Path file, Object hub) {
        if (!(hub instanceof Map<?, ?> section)) {
            return null;
        }
        Object manifest = section.get("manifest");
        if (manifest == null) {
            return null;
        }
        if (!(manifest instanceof String path)) {
            throw new UseCaseFailure(file + ": hub.manifest must be a string, found " + typeName(manifest));
        }
        return Py.isBlank(path) ? null : Py.strip(path);
    }

    @Override
    public boolean createHubConfig(Path directory) {
        Path file = directory.resolve(HubLocation.CONFIG_FILE);
        try {
            Files.createDirectories(file.getParent());
            return AtomicFiles.createIfAbsent(file, HUB_CONFIG.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UseCaseFailure(file + ": cannot write hub config: " + IoErrors.describe(e), e);
        }
    }

    private static String typeName(Object value) {
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
