package dev.car.adapters.docker;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Splits the engine's multiplexed exec stream (no TTY): each frame is an 8-byte header, stream type in byte 0
 * (0 stdin, 1 stdout, 2 stderr, 3 engine error) and a big-endian payload length in bytes 4..7, then the payload.
 */
final class StreamDemultiplexer {
    private static final int HEADER_BYTES = 8;
    private static final int STDERR = 2;
    private static final int SYSTEM_ERROR = 3;

    private final InputStream in;
    private final Target stdout;
    private final Target stderr;
    private final byte[] buffer = new byte[32 * 1024];

    StreamDemultiplexer(InputStream in, OutputStream stdout, OutputStream stderr) {
        this.in = in;
        this.stdout = new Target(stdout);
        this.stderr = new Target(stderr);
    }

    /** Copies frames until the engine ends the stream; fails only on a broken stream, never on a broken target. */
    void run() throws IOException {
        byte[] header = new byte[HEADER_BYTES];
        while (readHeader(header)) {
            int type = header[0] & 0xff;
            long length = ((header[4] & 0xffL) << 24) | ((header[5] & 0xffL) << 16)
                    | ((header[6] & 0xffL) << 8) | (header[7] & 0xffL);
            // The engine writes stdin frames to stdout too; errors it reports itself go to stderr.
            Target target = type == STDERR || type == SYSTEM_ERROR ? stderr : stdout;
            copyFrame(length, target);
            target.flush();
        }
    }

    private boolean readHeader(byte[] header) throws IOException {
        int read = 0;
        while (read < header.length) {
            int n = in.read(header, read, header.length - read);
            if (n == -1) {
                if (read == 0) {
                    return false;
                }
                throw new EOFException("exec stream ended inside a frame header");
            }
            read += n;
        }
        return true;
    }

    private void copyFrame(long length, Target target) throws IOException {
        long remaining = length;
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n == -1) {
                throw new EOFException("exec stream ended inside a frame");
            }
            target.write(buffer, n);
            remaining -= n;
        }
    }

    /**
     * A caller's stream. When it fails (a closed pipe, say) its output is dropped from then on, so the process is
     * not blocked on output nobody reads.
     */
    private static final class Target {
        private final OutputStream out;
        private boolean broken;

        Target(OutputStream out) {
            this.out = out;
        }

        void write(byte[] bytes, int length) {
            if (broken) {
                return;
            }
            try {
                out.write(bytes, 0, length);
            } catch (IOException e) {
                broken = true;
            }
        }

        void flush() {
            if (broken) {
                return;
            }
            try {
                out.flush();
            } catch (IOException e) {
                broken = true;
            }
        }
    }
}
