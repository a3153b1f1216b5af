package dev.car.application.doctor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code car doctor}: check every destination of the hub. Never creates, starts or changes anything. */
public interface DoctorUseCase {

    DoctorReport diagnose(Optional<Path> hubPath);

    record DoctorReport(List<Check> checks) {
        public DoctorReport {
            checks = List.copyOf(checks);
        }

        public long count(String status) {
            return checks.stream().filter(check -> check.status().equals(status)).count();
        }

        public boolean failed() {
            return count("error") > 0;
        }
    }
}
