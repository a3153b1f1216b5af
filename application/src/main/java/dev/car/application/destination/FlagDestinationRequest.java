package dev.car.application.destination;

import dev.car.application.UseCaseFailure;
import dev.car.domain.text.Py;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command-line form: a kind word and the flags of {@code car hub destination set}. Optional
 * strings are null when the flag was not given; lists are never null.
 */
public record FlagDestinationRequest(
        String kind,
        String image,
        String containerName,
        List<String> envPassthrough,
        List<String> envMap,
        List<String> mounts,
        List<String> readOnlyMounts,
        String profile,
        String workdir) implements DestinationRequest {

    public FlagDestinationRequest {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        envPassthrough = List.copyOf(envPassthrough);
        envMap = List.copyOf(envMap);
        mounts = List.copyOf(mounts);
        readOnlyMounts = List.copyOf(readOnlyMounts);
    }

    public static FlagDestinationRequest local() {
        return new FlagDestinationRequest("local", null, null, List.of(), List.of(), List.of(), List.of(), null, null);
    }

    @Override
    public Map<String, Object> toPayload() {
        String normalizedKind = Py.strip(kind).toLowerCase(Locale.ROOT);
        Map<String, Object> payload = new LinkedHashMap<>();
        if (normalizedKind.equals("local")) {
            payload.put("kind", "local");
            return payload;
        }
        if (!normalizedKind.equals("docker")) {
            throw new UseCaseFailure("Unsupported destination kind: " + Py.repr(kind) + ". Use 'local' or 'docker'.");
        }
        if (image == null || Py.isBlank(image)) {
            throw new UseCaseFailure("image is required for docker destination");
        }
        payload.put("kind", "docker");
        payload.put("image", Py.strip(image));
        putStripped(payload, "container_name", containerName);

        List<String> patterns = new ArrayList<>();
        for (String pattern : envPassthrough) {
            if (!Py.isBlank(pattern)) {
                patterns.add(Py.strip(pattern));
            }
        }
        if (!patterns.isEmpty()) {
            payload.put("env_passthrough", patterns);
        }

        Map<String, String> env = new LinkedHashMap<>();
        for (String raw : envMap) {
            int eq = raw.indexOf('=');
            String key = eq < 0 ? "" : Py.strip(raw.substring(0, eq));
            if (key.isEmpty()) {
                throw new UseCaseFailure("Invalid --env-map value: " + Py.repr(raw) + ". Expected format KEY=VALUE");
            }
            env.put(key, raw.substring(eq + 1));
        }
        if (!env.isEmpty()) {
            payload.put("env", env);
        }

        List<Object> mountItems = new ArrayList<>();
        for (String raw : mounts) {
            mountItems.add(parseMount(raw, false));
        }
        for (String raw : readOnlyMounts) {
            mountItems.add(parseMount(raw, true));
        }
        if (!mountItems.isEmpty()) {
            payload.put("mounts", mountItems);
        }
        putStripped(payload, "profile", profile);
        putStripped(payload, "workdir", workdir);
        return payload;
    }

    /** {@code SRC:TGT}, split at the first colon, so {@code /a:/b:ro} targets {@code /b:ro}. */
    private static Map<String, Object> parseMount(String raw, boolean readOnly) {
        int colon = raw.indexOf(':');
        String source = colon < 0 ? "" : Py.strip(raw.substring(0, colon));
        String target = colon < 0 ? "" : Py.strip(raw.substring(colon + 1));
        if (source.isEmpty() || target.isEmpty()) {
            throw new UseCaseFailure("Invalid --mount value: " + Py.repr(raw) + ". Expected format source:target");
        }
        Map<String, Object> mount = new LinkedHashMap<>();
        mount.put("source", source);
        mount.put("target", target);
        if (readOnly) {
            mount.put("read_only", true);
        }
        return mount;
    }

    private static void putStripped(Map<String, Object> payload, String key, String value) {
        if (value != null && !Py.isBlank(value)) {
            payload.put(key, Py.strip(value));
        }
    }
}
