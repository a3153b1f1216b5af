package dev.car.application.port.out.engine;

/** A running exec. */
public interface ExecSession {

    /** Waits for the command to end (its output fully copied) and returns its exit code. */
    int waitFor() throws InterruptedException;
}
