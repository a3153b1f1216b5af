package dev.car.application.port.out;

import java.nio.file.Path;
import java.util.Map;

/** The host as the user's shell sees it. */
public interface HostEnvironment {

    Map<String, String> variables();

    Path homeDirectory();

    Path workingDirectory();
}
