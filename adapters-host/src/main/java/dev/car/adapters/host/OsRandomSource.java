package dev.car.adapters.host;

import dev.car.application.port.out.RandomSource;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The operating system's random bytes, read from {@code /dev/urandom} as the JDK's {@code NativePRNG}
 * reads them. Asking {@link SecureRandom} instead would first initialise the JCA provider framework,
 * about 20 ms of a short-lived process; it is the fallback where the device cannot be read.
 */
public final class OsRandomSource implements RandomSource {
    private final Path device;

    public OsRandomSource() {
        this(Path.of("/dev/urandom"));
    }

    OsRandomSource(Path device) {
        this.device = device;
    }

    @Override
    public byte[] nextBytes(int count) {
        byte[] bytes = new byte[count];
        try (InputStream in = new FileInputStream(device.toFile())) {
            if (in.readNBytes(bytes, 0, count) == count) {
                return bytes;
            }
        } catch (IOException e) {
            // Not readable here (another OS, a sandbox): the JDK's generator below.
        }
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
