package dev.car.adapters.yaml;

import dev.car.application.fixtures.ManifestStoreContract;
import dev.car.application.port.out.HubLocation;
import dev.car.application.port.out.ManifestStore;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.repo.PathCanonicalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The ManifestStore contract against real files. */
class YamlManifestStoreTest extends ManifestStoreContract {

    @Override
    protected ManifestStore createStore() {
        return new YamlManifestStore(PathCanonicalizer.LEXICAL);
    }

    @Override
    protected void seedRawDocument(HubLocation hub, Object rawDocument) {
        writeManifest(hub, Manifest.HEADER + "\n" + SafeYaml.dump(rawDocument));
    }

    @Override
    protected Object storedContent(HubLocation hub) {
        Path file = hub.manifestPath();
        try {
            return Files.exists(file) ? ByteBuffer.wrap(Files.readAllBytes(file)) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeManifest(HubLocation hub, String text) {
        try {
            Files.createDirectories(hub.manifestPath().getParent());
            Files.write(hub.manifestPath(), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
