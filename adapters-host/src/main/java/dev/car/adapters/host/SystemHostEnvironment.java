package dev.car.adapters.host;

import dev.car.application.port.out.HostEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The real process environment; {@code ${HOME}} follows {@code $HOME} like the shell does. */
public final class SystemHostEnvironment implements HostEnvironment {

    @Override
    public Map<String, String> variables() {
        return System.getenv();
    }

    @Override
    public Path homeDirectory() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"));
    }

    @Override
    public Path workingDirectory() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }

    /** The uid and gid of this process, read from its own /proc entry (Linux). */
    @Override
    public String userSpec() {
        try {
            Path self = Path.of("/proc/self");
            return Files.getAttribute(self, "unix:uid") + ":" + Files.getAttribute(self, "unix:gid");
        } catch (IOException | UnsupportedOperationException e) {
            return "0:0";
        }
    }
}
