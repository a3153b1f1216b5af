package dev.car.application;

/**
 * A use case could not do what was asked for a reason the user can act on. The message is the one
 * line shown to the user, so it must read well on its own.
 */
public class UseCaseFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UseCaseFailure(String message) {
        super(message);
    }

    public UseCaseFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
