package dev.car.adapters.host;

import dev.car.application.port.out.ProcessLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs host processes on car's own standard streams, so they behave as if started by the shell. */
public final class LocalProcessLauncher implements ProcessLauncher {

    @Override
    public LocalProcess start(List<String> command, Path workdir, Map<String, String> env) throws IOException {
        // Checked here because the JDK reports a missing folder like a missing program (error=2).
        if (!Files.isDirectory(workdir)) {
            throw new IOException("working directory " + workdir + " does not exist");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile()).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(env);
        return new HostProcess(builder.start());
    }

    private record HostProcess(Process process) implements LocalProcess {

        @Override
        public int waitFor() throws InterruptedException {
            return process.waitFor();
        }

        /** {@code kill -N} on the process and its descendants: Java can only send TERM and KILL itself. */
        @Override
        public void signal(int signal) {
            List<String> command = new ArrayList<>(List.of("kill", "-" + signal, String.valueOf(process.pid())));
            process.descendants().forEach(child -> command.add(String.valueOf(child.pid())));
            try {
                new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (IOException e) {
                process.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
