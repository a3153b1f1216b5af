package dev.car.adapters.cli.command;

import dev.car.adapters.cli.output.DestinationOutput;
import dev.car.application.demo.RunDemoUseCase;
import dev.car.application.demo.RunDemoUseCase.DemoReport;
import dev.car.application.demo.RunDemoUseCase.DemoStep;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Create a throwaway hub with a base repo and a worktree, set a docker destination on the base "
                + "and show that the worktree inherits it.")
public final class DemoCommand implements Callable<Integer> {
    private final RunDemoUseCase runDemo;

    @Spec
    CommandSpec spec;

    public DemoCommand(RunDemoUseCase runDemo) {
        this.runDemo = runDemo;
    }

    @Override
    public Integer call() {
        DemoReport report = runDemo.run();
        StringBuilder out = new StringBuilder();
        out.append("car demo: a throwaway hub in ").append(report.hubRoot()).append("\n\n");
        for (DemoStep step : report.steps()) {
            out.append("$ ").append(step.commandLine()).append('\n');
            out.append("  ").append(step.outcome()).append('\n');
        }
        out.append('\n').append(DestinationOutput.showText(report.worktreeView()));
        out.append('\n').append("The worktree ").append(report.worktreeView().repoId())
                .append(" has no destination of its own and inherits the ")
                .append(report.worktreeView().effective().kind()).append(" destination of ")
                .append(report.worktreeView().worktreeOf()).append(" (source=")
                .append(report.worktreeView().source().wireName()).append(").\n");
        out.append("Try: car hub repo list --path ").append(report.hubRoot()).append('\n');
        out.append("Remove it with: rm -rf ").append(report.hubRoot().getParent()).append('\n');
        Output.text(spec, out.toString());
        return 0;
    }
}
