package dev.car.adapters.docker;

import dev.car.application.port.out.engine.ContainerEngine.ProgressListener;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Turns the engine's pull events into readable lines such as {@code 3f4d90098f5b: Downloading 12.1 MB/40.3 MB}.
 * The engine sends a byte-count event every few kilobytes, so for each layer a line is only reported when its
 * status changes, the transfer completes, or {@link #PROGRESS_INTERVAL_NANOS} has passed since the last one.
 */
final class PullProgress {
    static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L;

    private final ProgressListener listener;
    private final LongSupplier nanoClock;
    private final Map<String, Reported> lastByLayer = new HashMap<>();
    private String lastLine;

    PullProgress(ProgressListener listener, LongSupplier nanoClock) {
        this.listener = listener;
        this.nanoClock = nanoClock;
    }

    /** One event of the pull stream; {@code id} is a layer id, a tag or null, byte counts may be null. */
    void update(String id, String status, Long current, Long total) {
        if (status == null || status.isBlank()) {
            return;
        }
        String text = status.strip();
        boolean transfer = current != null && total != null && total > 0;
        String line = (id == null || id.isBlank() ? "" : id + ": ") + text
                + (transfer ? " " + bytes(current) + "/" + bytes(total) : "");
        if (line.equals(lastLine)) {
            return;
        }
        if (id != null && transfer) {
            long now = nanoClock.getAsLong();
            Reported previous = lastByLayer.get(id);
            boolean due = previous == null || !previous.status.equals(text) || current >= total
                    || now - previous.nanos >= PROGRESS_INTERVAL_NANOS;
            if (!due) {
                return;
            }
            lastByLayer.put(id, new Reported(text, now));
        } else if (id != null) {
            Reported previous = lastByLayer.get(id);
            if (previous != null && previous.status.equals(text)) {
                return;
            }
            lastByLayer.put(id, new Reported(text, nanoClock.getAsLong()));
        }
        lastLine = line;
        listener.progress(line);
    }

    /** Decimal units, as the docker CLI shows them. */
    static String bytes(long count) {
        if (count < 1000) {
            return count + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = count;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private record Reported(String status, long nanos) {
    }
}
