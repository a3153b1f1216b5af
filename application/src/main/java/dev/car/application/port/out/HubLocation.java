package dev.car.application.port.out;

import java.nio.file.Path;
import java.util.Objects;

/** A located hub: its canonical root folder and the manifest file it uses. */
public record HubLocation(Path root, Path manifestPath) {
    public static final String STATE_DIR = ".codex-autorunner";
    public static final String DEFAULT_MANIFEST = STATE_DIR + "/manifest.yml";
    public static final String CONFIG_FILE = STATE_DIR + "/config.yml";

    public HubLocation {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(manifestPath, "manifestPath");
    }

    public static HubLocation withDefaultManifest(Path root) {
        return new HubLocation(root, root.resolve(DEFAULT_MANIFEST));
    }
}
