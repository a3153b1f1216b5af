package dev.car.application.port.out.engine;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * A command to run in a container. {@code env} values go to the engine in the exec request only.
 * {@code stdin} may be null (no input attached).
 */
public record ExecRequest(
        String container,
        List<String> command,
        Map<String, String> env,
        String workdir,
        String user,
        InputStream stdin,
        OutputStream stdout,
        OutputStream stderr) {

    public ExecRequest {
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }
}
