package dev.car.application.destination;

import dev.car.application.UseCaseFailure;
import dev.car.domain.text.Py;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The web API's request body (what {@code --from-json} reads): camelCase aliases accepted,
 * unknown keys, two spellings of one field and wrong types rejected before anything is stored.
 */
public record ApiDestinationRequest(Object body) implements DestinationRequest {

    private static final String PREFIX = "--from-json: ";

    /** Canonical field -> accepted spellings, canonical first. */
    private static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();
    private static final Map<String, List<String>> MOUNT_FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("kind", List.of("kind"));
        FIELDS.put("image", List.of("image"));
        FIELDS.put("container_name", List.of("container_name", "containerName", "name"));
        FIELDS.put("workdir", List.of("workdir", "workDir"));
        FIELDS.put("profile", List.of("profile"));
        FIELDS.put("env_passthrough", List.of("env_passthrough", "envPassthrough"));
        FIELDS.put("env", List.of("env", "explicit_env", "explicitEnv"));
        FIELDS.put("mounts", List.of("mounts"));
        MOUNT_FIELDS.put("source", List.of("source"));
        MOUNT_FIELDS.put("target", List.of("target"));
        MOUNT_FIELDS.put("read_only", List.of("read_only", "readOnly", "readonly"));
    }

    @Override
    public Map<String, Object> toPayload() {
        if (!(body instanceof Map<?, ?> raw)) {
            throw new UseCaseFailure(PREFIX + "the request body must be a JSON object");
        }
        Map<String, Object> fields = canonicalize(raw, FIELDS, "");
        Object kindValue = fields.get("kind");
        if (kindValue == null) {
            throw new UseCaseFailure(PREFIX + "field 'kind' is required");
        }
        String rawKind = requireString(kindValue, "kind");
        String kind = Py.strip(rawKind).toLowerCase(Locale.ROOT);
        Map<String, Object> payload = new LinkedHashMap<>();
        if (kind.equals("local")) {
            checkTypes(fields);
            payload.put("kind", "local");
            return payload;
        }
        if (!kind.equals("docker")) {
            throw new UseCaseFailure("Unsupported destination kind: " + Py.repr(rawKind) + ". Use 'local' or 'docker'.");
        }
        checkTypes(fields);
        payload.put("kind", "docker");
        Object image = fields.get("image");
        payload.put("image", image == null ? "" : Py.strip((String) image));
        for (String key : List.of("container_name", "profile", "workdir")) {
            Object value = fields.get(key);
            if (value != null && !Py.isBlank((String) value)) {
                payload.put(key, Py.strip((String) value));
            }
        }
        if (fields.get("env_passthrough") instanceof List<?> patterns) {
            List<String> kept = new ArrayList<>();
            for (Object pattern : patterns) {
                if (!Py.isBlank((String) pattern)) {
                    kept.add(Py.strip((String) pattern));
                }
            }
            if (!kept.isEmpty()) {
                payload.put("env_passthrough", kept);
            }
        }
        if (fields.get("env") instanceof Map<?, ?> env && !env.isEmpty()) {
            payload.put("env", new LinkedHashMap<>(env));
        }
        if (fields.get("mounts") instanceof List<?> mounts) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < mounts.size(); i++) {
                Map<String, Object> mount = canonicalize((Map<?, ?>) mounts.get(i), MOUNT_FIELDS, "mounts[" + i + "].");
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("source", mount.getOrDefault("source", ""));
                item.put("target", mount.getOrDefault("target", ""));
                if (mount.get("read_only") != null) {
                    item.put("read_only", mount.get("read_only"));
                }
                items.add(item);
            }
            payload.put("mounts", items);
        }
        return payload;
    }

    /** Maps every accepted spelling to its canonical key; nulls count as absent. */
    private static Map<String, Object> canonicalize(Map<?, ?> raw, Map<String, List<String>> spellings, String where) {
        Map<String, String> canonicalOf = new LinkedHashMap<>();
        spellings.forEach((canonical, names) -> names.forEach(name -> canonicalOf.put(name, canonical)));
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, String> spelledAs = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : raw.entrySet()) {
            String name = String.valueOf(entry.getKey());
            String canonical = canonicalOf.get(name);
            if (canonical == null) {
                throw new UseCaseFailure(PREFIX + "unknown field " + Py.repr(where + name)
                        + "; accepted: " + String.join(", ", canonicalOf.keySet()));
            }
            if (entry.getValue() == null) {
                continue;
            }
            String previous = spelledAs.putIfAbsent(canonical, name);
            if (previous != null) {
                throw new UseCaseFailure(PREFIX + "fields " + Py.repr(where + previous) + " and "
                        + Py.repr(where + name) + " both set " + Py.repr(where + canonical) + "; give only one");
            }
            fields.put(canonical, entry.getValue());
        }
        return fields;
    }

    private static void checkTypes(Map<String, Object> fields) {
        for (String key : List.of("image", "container_name", "workdir", "profile")) {
            if (fields.get(key) != null) {
                requireString(fields.get(key), key);
            }
        }
        Object patterns = fields.get("env_passthrough");
        if (patterns != null) {
            if (!(patterns instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
                throw new UseCaseFailure(PREFIX + "field 'env_passthrough' must be a list of strings");
            }
        }
        Object env = fields.get("env");
        if (env != null) {
            if (!(env instanceof Map<?, ?> map) || !map.values().stream().allMatch(String.class::isInstance)) {
                throw new UseCaseFailure(PREFIX + "field 'env' must be an object of string values");
            }
        }
        Object mounts = fields.get("mounts");
        if (mounts != null) {
            if (!(mounts instanceof List<?> list)) {
                throw new UseCaseFailure(PREFIX + "field 'mounts' must be a list of objects");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> mount)) {
                    throw new UseCaseFailure(PREFIX + "mounts[" + i + "] must be an object with source/target");
                }
                Map<String, Object> item = canonicalize(mount, MOUNT_FIELDS, "mounts[" + i + "].");
                for (String key : List.of("source", "target")) {
                    if (item.get(key) != null && !(item.get(key) instanceof String)) {
                        throw new UseCaseFailure(PREFIX + "field 'mounts[" + i + "]." + key + "' must be a string");
                    }
                }
                if (item.get("read_only") != null && !(item.get("read_only") instanceof Boolean)) {
                    throw new UseCaseFailure(PREFIX + "mounts[" + i + "].read_only must be a boolean");
                }
            }
        }
    }

    private static String requireString(Object value, String key) {
        if (!(value instanceof String text)) {
            throw new UseCaseFailure(PREFIX + "field " + Py.repr(key) + " must be a string");
        }
        return text;
    }

}
