package dev.car.adapters.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsRandomSourceTest {
    @TempDir
    Path dir;

    private static Set<String> draws(OsRandomSource source) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            byte[] bytes = source.nextBytes(12);
            assertEquals(12, bytes.length);
            seen.add(HexFormat.of().formatHex(bytes));
        }
        return seen;
    }

    @Test
    void theDeviceGivesDistinctDraws() {
        assertEquals(200, draws(new OsRandomSource()).size());
    }

    @Test
    void aMissingOrShortDeviceFallsBackToTheJdkGenerator() throws Exception {
        assertEquals(200, draws(new OsRandomSource(dir.resolve("missing"))).size());
        Path shortDevice = Files.write(dir.resolve("short"), new byte[] {1, 2, 3});
        assertEquals(200, draws(new OsRandomSource(shortDevice)).size());
    }
}
