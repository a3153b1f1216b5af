package dev.car.application.port.out;

import java.util.function.IntConsumer;

/**
 * Catches the termination signals sent to car (INT, TERM, HUP) so they can be forwarded to the
 * command car runs. While a trap is active, the signals no longer end car by themselves.
 */
public interface SignalTrap {

    /** Installs {@code handler} (called with the signal number) until the returned handle is closed. */
    Trap install(IntConsumer handler);

    interface Trap extends AutoCloseable {
        @Override
        void close();
    }
}
