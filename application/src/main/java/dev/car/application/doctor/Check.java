package dev.car.application.doctor;

import java.util.Objects;

/**
 * One doctor finding. A passed check is {@code ok}; a failed one is a {@code warning} or an
 * {@code error} by its severity, and only errors make doctor fail.
 */
public record Check(String name, boolean passed, String message, Severity severity, String checkId, String fix) {

    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(checkId, "checkId");
    }

    public enum Severity {
        INFO, WARNING, ERROR;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Check ok(String name, String checkId, String message) {
        return new Check(name, true, message, Severity.INFO, checkId, null);
    }

    public static Check warning(String name, String checkId, String message, String fix) {
        return new Check(name, false, message, Severity.WARNING, checkId, fix);
    }

    public static Check error(String name, String checkId, String message, String fix) {
        return new Check(name, false, message, Severity.ERROR, checkId, fix);
    }

    /** {@code ok}, {@code warning} or {@code error}. */
    public String status() {
        if (passed) {
            return "ok";
        }
        return severity == Severity.ERROR ? "error" : "warning";
    }
}
