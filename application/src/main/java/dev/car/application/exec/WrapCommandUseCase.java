package dev.car.application.exec;

import java.util.List;

/**
 * {@code car hub destination wrap}: prepare the destination and tell a process supervisor what
 * to spawn itself.
 */
public interface WrapCommandUseCase {

    WrappedCommand wrap(RunCommand command);

    /** {@code stateRoot} is null for local destinations. */
    record WrappedCommand(List<String> command, String stateRoot) {
        public WrappedCommand {
            command = List.copyOf(command);
        }
    }
}
