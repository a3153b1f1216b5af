package dev.car.adapters.cli.output;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard streams. This is the one place that touches them, so every other class
 * writes through the writers it is handed (and tests can capture them).
 */
public final class ConsoleStreams {
    private ConsoleStreams() {
    }

    public static PrintWriter stdout() {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
    }

    public static PrintWriter stderr() {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    }

    /** Unbuffered standard output for bytes a command produces. */
    public static OutputStream rawStdout() {
        return new FileOutputStream(FileDescriptor.out);
    }

    public static OutputStream rawStderr() {
        return new FileOutputStream(FileDescriptor.err);
    }

    public static InputStream stdin() {
        return System.in;
    }
}
