package dev.car.domain.manifest;

/** The manifest cannot be used at all (bad version, bad repo kind, unreadable file). */
public class ManifestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
