package dev.car.application.exec;

import dev.car.application.UseCaseFailure;

/** car or the engine failed before the command ran; {@code car exec} exits 125 like {@code docker exec}. */
public class ExecFailure extends UseCaseFailure {
    private static final long serialVersionUID = 1L;
    public static final int EXIT_CODE = 125;

    public ExecFailure(String message) {
        super(message);
    }

    public ExecFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
