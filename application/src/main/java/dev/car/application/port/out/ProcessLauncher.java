package dev.car.application.port.out;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Starts host processes that share car's standard streams. */
public interface ProcessLauncher {

    /**
     * Starts {@code command} in {@code workdir} with exactly {@code env}.
     *
     * @throws IOException when the program cannot be started (missing, not executable)
     */
    LocalProcess start(List<String> command, Path workdir, Map<String, String> env) throws IOException;

    /** A started host process. */
    interface LocalProcess {
        int waitFor() throws InterruptedException;

        /** Sends the signal (by number) to the process and its descendants. */
        void signal(int signal);

        /** Kills the process and its descendants. */
        void kill();
    }
}
