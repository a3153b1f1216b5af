package dev.car.adapters.cli.output;

import dev.car.application.exec.ExecPlan;
import dev.car.domain.container.MountBinding;
import dev.car.domain.container.Preflight;
import dev.car.domain.container.ShellQuote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code car exec --dry-run} plan. Passthrough values are shown as {@code ***}; for local
 * destinations only the {@code -e} overrides are listed, the rest is the host environment.
 */
public final class ExecPlanOutput {
    private ExecPlanOutput() {
    }

    public static Map<String, Object> json(ExecPlan plan, Map<String, String> extraEnv) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("repo_id", plan.repoId());
        json.put("kind", plan.destination().kind());
        json.put("source", plan.source().wireName());
        json.put("destination", plan.destination().toMap());
        ExecPlan.Container container = plan.container();
        json.put("container", container == null ? null : container.spec().name());
        json.put("image", container == null ? null : container.spec().image());
        json.put("user", container == null ? null : container.user());
        List<String> mounts = new ArrayList<>();
        if (container != null) {
            container.spec().mounts().forEach(mount -> mounts.add(mount.toVolumeSpec()));
        }
        json.put("mounts", mounts);
        json.put("workdir", plan.workdir());
        json.put("env", shownEnv(plan, extraEnv));
        json.put("preflight", container == null || container.preflight() == null ? null : preflight(container.preflight()));
        json.put("state_root", container == null ? null : container.stateRoot().toString());
        json.put("command", plan.command());
        return json;
    }

    public static String text(ExecPlan plan, Map<String, String> extraEnv) {
        StringBuilder out = new StringBuilder();
        out.append("repo: ").append(plan.repoId()).append(" (destination ").append(plan.destination().kind())
                .append(", source=").append(plan.source().wireName()).append(")\n");
        ExecPlan.Container container = plan.container();
        if (container == null) {
            out.append("host: runs on this machine with its environment\n");
        } else {
            out.append("container: ").append(container.spec().name()).append(" (image ")
                    .append(container.spec().image()).append(", user ").append(container.user()).append(", init)\n");
            for (MountBinding mount : container.spec().mounts()) {
                out.append("mount: ").append(mount.toVolumeSpec()).append('\n');
            }
        }
        out.append("workdir: ").append(plan.workdir()).append('\n');
        shownEnv(plan, extraEnv).forEach((key, value) -> out.append("env: ").append(key).append('=').append(value)
                .append('\n'));
        if (container != null && container.preflight() != null) {
            Preflight.Requirements preflight = container.preflight();
            out.append("preflight: binaries ").append(String.join(", ", preflight.binaries()))
                    .append("; readable files ").append(String.join(", ", preflight.readableFiles()))
                    .append("; writable workdir ").append(preflight.writableWorkdir()).append('\n');
        }
        if (container != null) {
            out.append("state root: ").append(container.stateRoot()).append('\n');
        }
        out.append("command: ").append(ShellQuote.join(plan.command())).append('\n');
        return out.toString();
    }

    private static Map<String, String> shownEnv(ExecPlan plan, Map<String, String> extraEnv) {
        if (plan.isDocker()) {
            return plan.redactedEnv();
        }
        return new TreeMap<>(extraEnv);
    }

    private static Map<String, Object> preflight(Preflight.Requirements requirements) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("binaries", requirements.binaries());
        json.put("readable_files", requirements.readableFiles());
        json.put("writable_workdir", requirements.writableWorkdir());
        return json;
    }
}
