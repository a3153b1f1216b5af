package dev.car.bootstrap.e2e;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.car.application.port.out.HostEnvironment;
import dev.car.bootstrap.CarApplication;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the fully wired CLI in-process with the host replaced, plus any other overrides. */
final class CliRun {
    private CliRun() {
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    static Result run(Path workingDirectory, List<Module> overrides, String... args) {
        List<Module> modules = new ArrayList<>();
        modules.add(new AbstractModule() {
            @Override
            protected void configure() {
                bind(HostEnvironment.class).toInstance(new FakeHost(workingDirectory, workingDirectory.resolve("home"),
                        Map.of("CAR_TOKEN", "secret-value", "PATH", "/usr/bin")));
            }
        });
        modules.addAll(overrides);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CarApplication.create(modules.toArray(Module[]::new))
                .run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }
}
