package dev.car.application.exec;

/** {@code car exec}: run a command in a repo's effective destination, like {@code docker exec -i}. */
public interface RunCommandUseCase {

    /**
     * Runs the command and returns its exit code; 128+N when car was stopped by signal N.
     * Fails with {@link ExecFailure} (exit 125) when car or the engine failed before it ran.
     */
    int run(RunCommand command, StdStreams streams);

    /** What {@link #run} would do, without touching the engine. */
    ExecPlan plan(RunCommand command);
}
