package dev.car.application.demo;

import dev.car.application.destination.DestinationView;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code car demo}: a throwaway hub with a base repo and a worktree, a docker destination set on
 * the base, the worktree shown inheriting it, and (when an engine answers) a command run in the
 * worktree's container.
 */
public interface RunDemoUseCase {

    DemoReport run();

    /** Each step is the equivalent command line and what it produced. */
    record DemoReport(Path hubRoot, List<DemoStep> steps, DestinationView baseView, DestinationView worktreeView) {
        public DemoReport {
            steps = List.copyOf(steps);
        }
    }

    record DemoStep(String commandLine, String outcome) {
    }
}
