package dev.car.application.port.out.engine;

/** Another container already holds the name (for example created by a concurrent car). */
public class NameConflictException extends EngineException {
    private static final long serialVersionUID = 1L;

    public NameConflictException(String message) {
        super(message);
    }
}
