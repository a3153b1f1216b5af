package dev.car.application.port.out;

import java.nio.file.Path;
import java.util.Map;

/** The host as the user's shell sees it. */
public interface HostEnvironment {

    Map<String, String> variables();

    Path homeDirectory();

    Path workingDirectory();

    /** The user containers run as, {@code uid:gid}, so files written in mounts belong to the user. */
    String userSpec();
}
