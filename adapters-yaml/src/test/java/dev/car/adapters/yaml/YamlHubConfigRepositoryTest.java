package dev.car.adapters.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.car.application.UseCaseFailure;
import dev.car.application.port.out.HubConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlHubConfigRepositoryTest {

    @TempDir
    Path dir;

    private final YamlHubConfigRepository repository = new YamlHubConfigRepository();

    @Test
    void folderWithoutConfigReadsEmptyAndStaysUntouched() throws IOException {
        assertEquals(Optional.empty(), repository.readAt(dir));
        assertEquals(List.of(), namesIn(dir));
    }

    @Test
    void readsModeAndManifestPath() throws IOException {
        writeConfig("mode: hub\nhub:\n  manifest: state/hub-manifest.yml\n  other: 1\nunrelated: [1, 2]\n");

        HubConfig config = repository.readAt(dir).orElseThrow();

        assertEquals(new HubConfig("hub", "state/hub-manifest.yml"), config);
        assertTrue(config.isHub());
    }

    @Test
    void emptyConfigOrNullModeMarksAHub() throws IOException {
        writeConfig("# nothing yet\n");
        assertEquals(new HubConfig(null, null), repository.readAt(dir).orElseThrow());

        writeConfig("mode: ~\nhub: ~\n");
        assertEquals(new HubConfig(null, null), repository.readAt(dir).orElseThrow());
    }

    @Test
    void otherModesAreNotHubs() throws IOException {
        writeConfig("mode: repo\n");
        assertFalse(repository.readAt(dir).orElseThrow().isHub());

        writeConfig("mode: yes\n"); // YAML 1.1: a boolean, rendered Python-style
        assertEquals(new HubConfig("True", null), repository.readAt(dir).orElseThrow());
    }

    @Test
    void blankManifestSettingMeansTheDefault() throws IOException {
        writeConfig("mode: hub\nhub:\n  manifest: '  '\n");

        assertEquals(new HubConfig("hub", null), repository.readAt(dir).orElseThrow());
    }

    @Test
    void nonStringManifestSettingIsOneLineNamingTheFile() throws IOException {
        Path file = writeConfig("mode: hub\nhub:\n  manifest: [a]\n");

        UseCaseFailure failure = assertThrows(UseCaseFailure.class, () -> repository.readAt(dir));

        assertEquals(file + ": hub.manifest must be a string, found a list", failure.getMessage());
    }

    @Test
    void yamlErrorIsOneLineNamingTheFile() throws IOException {
        Path file = writeConfig("mode: hub\nhub: [\n");

        UseCaseFailure failure = assertThrows(UseCaseFailure.class, () -> repository.readAt(dir));

        assertEquals(file + ": invalid YAML at line 3, column 1: expected the node content, but found '<stream end>'",
                failure.getMessage());
    }

    @Test
    void topLevelThatIsNotAMappingIsOneLineNamingTheFile() throws IOException {
        Path file = writeConfig("- mode: hub\n");

        UseCaseFailure failure = assertThrows(UseCaseFailure.class, () -> repository.readAt(dir));

        assertEquals(file + ": config must be a mapping, found a list", failure.getMessage());
    }

    @Test
    void invalidUtf8IsOneLineNamingTheFile() throws IOException {
        Path file = writeConfig("mode: hub\n");
        Files.write(file, new byte[] {'m', 'o', 'd', 'e', ':', ' ', (byte) 0xC3, '\n'});

        UseCaseFailure failure = assertThrows(UseCaseFailure.class, () -> repository.readAt(dir));

        assertEquals(file + ": not valid UTF-8", failure.getMessage());
    }

    @Test
    void createHubConfigWritesModeHubOnceAndNeverOverwrites() throws IOException {
        assertTrue(repository.createHubConfig(dir));
        Path file = dir.resolve(".codex-autorunner/config.yml");
        String written = Files.readString(file);

        assertTrue(written.startsWith("# "), written);
        assertTrue(written.endsWith("\nmode: hub\n"), written);
        assertEquals(new HubConfig("hub", null), repository.readAt(dir).orElseThrow());
        assertFalse(repository.createHubConfig(dir));
        assertEquals(written, Files.readString(file));
        assertEquals(List.of("config.yml"), namesIn(file.getParent()));
    }

    @Test
    void createHubConfigKeepsAnExistingUserConfig() throws IOException {
        Path file = writeConfig("mode: repo\n");

        assertFalse(repository.createHubConfig(dir));

        assertEquals("mode: repo\n", Files.readString(file));
    }

    private Path writeConfig(String text) throws IOException {
        Path file = Files.createDirectories(dir.resolve(".codex-autorunner")).resolve("config.yml");
        Files.writeString(file, text);
        return file;
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
