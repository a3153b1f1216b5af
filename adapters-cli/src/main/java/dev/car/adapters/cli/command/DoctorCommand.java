package dev.car.adapters.cli.command;

import dev.car.application.doctor.Check;
import dev.car.application.doctor.DoctorUseCase;
import dev.car.application.doctor.DoctorUseCase.DoctorReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check every repo's destination: configuration, Docker engine, images, mounts, passthrough "
                + "variables, auth files and containers. Changes nothing. Exit 1 only when a check is an error.")
public final class DoctorCommand implements Callable<Integer> {
    private final DoctorUseCase doctor;

    @Spec
    CommandSpec spec;

    @Option(names = {"--path", "--repo"}, paramLabel = "HUB",
            description = "Hub root (default: found from the current directory upward).")
    Path hub;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    public DoctorCommand(DoctorUseCase doctor) {
        this.doctor = doctor;
    }

    @Override
    public Integer call() {
        DoctorReport report = doctor.diagnose(Optional.ofNullable(hub));
        if (json) {
            Output.json(spec, toJson(report));
        } else {
            Output.text(spec, toText(report));
        }
        if (report.failed()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("Doctor check failed");
            err.flush();
            return 1;
        }
        return 0;
    }

    private static Map<String, Object> toJson(DoctorReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", report.count("ok"));
        json.put("warnings", report.count("warning"));
        json.put("errors", report.count("error"));
        List<Object> checks = new ArrayList<>();
        for (Check check : report.checks()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", check.name());
            item.put("passed", check.passed());
            item.put("message", check.message());
            item.put("severity", check.severity().wireName());
            item.put("check_id", check.checkId());
            item.put("status", check.status());
            item.put("fix", check.fix());
            checks.add(item);
        }
        json.put("checks", checks);
        return json;
    }

    private static String toText(DoctorReport report) {
        StringBuilder out = new StringBuilder();
        for (Check check : report.checks()) {
            out.append(check.status().toUpperCase(Locale.ROOT)).append(": ").append(check.message());
            if (check.fix() != null) {
                out.append(" fix: ").append(check.fix());
            }
            out.append('\n');
        }
        out.append("doctor: ").append(report.count("ok")).append(" ok, ").append(report.count("warning"))
                .append(" warning(s), ").append(report.count("error")).append(" error(s)\n");
        return out.toString();
    }
}
