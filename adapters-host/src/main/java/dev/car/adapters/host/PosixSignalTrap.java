package dev.car.adapters.host;

import dev.car.application.port.out.SignalTrap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Traps INT, TERM and HUP with the JDK's signal API so car can forward them to the command it
 * runs and exit with 128+N itself, instead of the JVM dying and leaving the command behind.
 */
public final class PosixSignalTrap implements SignalTrap {
    private static final List<String> SIGNALS = List.of("INT", "TERM", "HUP");

    @Override
    public Trap install(IntConsumer handler) {
        Map<Signal, SignalHandler> previous = new HashMap<>();
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            try {
                previous.put(signal, Signal.handle(signal, caught -> handler.accept(caught.getNumber())));
            } catch (IllegalArgumentException e) {
                // The JVM reserves this signal here (e.g. with -Xrs); it keeps its default behaviour.
            }
        }
        return () -> previous.forEach(Signal::handle);
    }
}
