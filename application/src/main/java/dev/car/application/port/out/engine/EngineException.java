package dev.car.application.port.out.engine;

/** The engine could not do what was asked; the message is one line naming the object involved. */
public class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
