package dev.car.domain.container;

import dev.car.domain.destination.DockerProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The profile's container preflight: one shell script run in the container, and the reading of
 * its three result lines into the reference tool's messages.
 */
public final class Preflight {
    private Preflight() {
    }

    /** Binaries and (expanded) auth files a profile requires, with the workdir that must be writable. */
    public record Requirements(List<String> binaries, List<String> readableFiles, String writableWorkdir) {
        public Requirements {
            binaries = List.copyOf(new LinkedHashSet<>(binaries));
            readableFiles = List.copyOf(new LinkedHashSet<>(readableFiles));
        }

        public static Requirements of(DockerProfile profile, Templates templates, String workdir) {
            List<String> files = new ArrayList<>();
            for (String file : profile.requiredAuthFiles()) {
                if (!file.isBlank()) {
                    files.add(templates.expand(file.strip()));
                }
            }
            return new Requirements(profile.requiredBinaries(), files, workdir);
        }
    }

    /** The {@code sh -lc} script: prints MISSING_BINARIES=, MISSING_FILES= and UNWRITABLE_WORKDIR= lines. */
    public static String script(Requirements requirements) {
        StringBuilder script = new StringBuilder("set -eu\nmissing_bins=''\nmissing_files=''\nunwritable=''\n");
        if (!requirements.binaries().isEmpty()) {
            script.append("for b in ").append(quoteAll(requirements.binaries())).append("; do\n")
                    .append("  command -v \"$b\" >/dev/null 2>&1 || missing_bins=\"${missing_bins}${missing_bins:+,}$b\"\n")
                    .append("done\n");
        }
        if (!requirements.readableFiles().isEmpty()) {
            script.append("for f in ").append(quoteAll(requirements.readableFiles())).append("; do\n")
                    .append("  [ -r \"$f\" ] || missing_files=\"${missing_files}${missing_files:+,}$f\"\n")
                    .append("done\n");
        }
        if (requirements.writableWorkdir() != null && !requirements.writableWorkdir().isEmpty()) {
            script.append("[ -w ").append(ShellQuote.quote(requirements.writableWorkdir()))
                    .append(" ] || unwritable=").append(ShellQuote.quote(requirements.writableWorkdir())).append('\n');
        }
        script.append("printf 'MISSING_BINARIES=%s\\nMISSING_FILES=%s\\nUNWRITABLE_WORKDIR=%s\\n' "
                + "\"$missing_bins\" \"$missing_files\" \"$unwritable\"\n");
        return script.toString();
    }

    /** The problems found, joined with {@code ; }, or an empty string when preflight passed. */
    public static String problems(String output) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String line : output.split("\n", -1)) {
            for (String key : List.of("MISSING_BINARIES", "MISSING_FILES", "UNWRITABLE_WORKDIR")) {
                if (line.startsWith(key + "=") && !values.containsKey(key)) {
                    values.put(key, line.substring(key.length() + 1).strip());
                }
            }
        }
        List<String> errors = new ArrayList<>();
        TreeSet<String> binaries = csv(values.get("MISSING_BINARIES"));
        if (!binaries.isEmpty()) {
            errors.add("missing required binaries: " + String.join(", ", binaries));
        }
        TreeSet<String> files = csv(values.get("MISSING_FILES"));
        if (!files.isEmpty()) {
            errors.add("unreadable required auth files: " + String.join(", ", files));
        }
        String workdir = values.getOrDefault("UNWRITABLE_WORKDIR", "");
        if (!workdir.isEmpty()) {
            errors.add("workdir is not writable: " + workdir);
        }
        return String.join("; ", errors);
    }

    private static TreeSet<String> csv(String value) {
        TreeSet<String> items = new TreeSet<>();
        if (value != null) {
            Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
        }
        return items;
    }

    private static String quoteAll(List<String> items) {
        return String.join(" ", items.stream().map(ShellQuote::quote).toList());
    }
}
