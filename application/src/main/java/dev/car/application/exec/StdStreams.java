package dev.car.application.exec;

import java.io.InputStream;
import java.io.OutputStream;

/** The standard streams a command is connected to. */
public record StdStreams(InputStream in, OutputStream out, OutputStream err) {
}
