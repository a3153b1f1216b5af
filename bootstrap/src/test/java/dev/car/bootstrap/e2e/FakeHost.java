package dev.car.bootstrap.e2e;

import dev.car.application.port.out.HostEnvironment;
import java.nio.file.Path;
import java.util.Map;

/** A host with a chosen working directory, home and environment. */
record FakeHost(Path workingDirectory, Path homeDirectory, Map<String, String> variables) implements HostEnvironment {

    @Override
    public String userSpec() {
        return "0:0";
    }
}
