package dev.car.adapters.docker;

import com.github.dockerjava.api.exception.DockerException;
import dev.car.application.port.out.engine.EngineException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns docker-java failures into one-line {@link EngineException}s. docker-java reports engine errors as
 * {@code Status 404: {"message":"..."}} followed by a newline, and connection failures as wrapped
 * {@link IOException}s; neither is fit to show a user as is.
 */
final class EngineErrors {
    private static final Pattern STATUS_PREFIX = Pattern.compile("^Status \\d+:\\s*");
    /** Error bodies are {@code {"message":"..."}}; Jackson is kept out of this adapter by the architecture rules. */
    private static final Pattern MESSAGE_FIELD = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    // httpclient5 says "Connect to http://127.0.0.1:1 failed: Connection refused"; the host is named already.
    private static final Pattern CONNECT_PREFIX = Pattern.compile("^Connect to \\S+ failed: ");

    private EngineErrors() {
    }

    /** The failure of {@code what} (e.g. {@code Cannot start container 'x'}) against the engine at {@code host}. */
    static EngineException translate(String what, String host, RuntimeException failure) {
        if (failure instanceof EngineException engineException) {
            return engineException;
        }
        if (failure instanceof DockerException docker) {
            return new EngineException(what + ": " + reason(docker), failure);
        }
        IOException io = ioCause(failure);
        if (io != null) {
            return unreachable(host, io);
        }
        return new EngineException(what + ": " + oneLine(describe(failure)), failure);
    }

    static EngineException unreachable(String host, IOException failure) {
        return new EngineException("Docker engine unreachable at " + host + ": " + ioReason(failure), failure);
    }

    /** The engine's own words: the {@code message} of the JSON body when there is one. */
    static String reason(DockerException failure) {
        String body = STATUS_PREFIX.matcher(String.valueOf(failure.getMessage()).strip()).replaceFirst("");
        String message = jsonMessage(body);
        if (message == null) {
            message = oneLine(body);
        }
        return message.isEmpty() ? "HTTP status " + failure.getHttpStatus() : message;
    }

    /** The {@code message} field of a JSON error body, or null when the body is not one. */
    static String jsonMessage(String body) {
        String trimmed = body.strip();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        Matcher field = MESSAGE_FIELD.matcher(trimmed);
        return field.find() ? oneLine(unescape(field.group(1))) : null;
    }

    /** Decodes the escapes of a JSON string; Go writes {@code <}, {@code >} and {@code &} as unicode escapes. */
    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(++i);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 < text.length() && text.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                        out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        out.append("\\u");
                    }
                }
                default -> out.append(escaped);
            }
        }
        return out.toString();
    }

    static String ioReason(IOException failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return oneLine(CONNECT_PREFIX.matcher(message).replaceFirst(""));
    }

    /** Collapses line breaks so a message stays on one line. */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static IOException ioCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
