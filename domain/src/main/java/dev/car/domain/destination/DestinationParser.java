package dev.car.domain.destination;

import dev.car.domain.text.Py;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates a raw destination value (maps, lists, strings, booleans and numbers as a
 * YAML or JSON load produces them). Docker field errors accumulate in a fixed order so that users
 * see every problem at once, with the reference tool's exact messages.
 */
public final class DestinationParser {

    /** The top-level docker keys that are validated; every other key is kept as an extra. */
    public static final List<String> DOCKER_FIELDS =
            List.of("kind", "image", "container_name", "mounts", "env_passthrough", "workdir", "profile", "env");

    /** Docker keys without which a docker destination is invalid. */
    public static final List<String> DOCKER_REQUIRED_FIELDS = List.of("kind", "image");

    /** Docker keys that may be left out (null counts as absent). */
    public static final List<String> DOCKER_OPTIONAL_FIELDS = optionalFields();

    public static final List<String> SUPPORTED_KINDS = List.of(Destination.KIND_LOCAL, Destination.KIND_DOCKER);

    private static final Set<String> KNOWN = Set.copyOf(DOCKER_FIELDS);

    private DestinationParser() {
    }

    /** A loop, not a stream: every run that reads a manifest initialises this class. */
    private static List<String> optionalFields() {
        List<String> optional = new ArrayList<>();
        for (String field : DOCKER_FIELDS) {
            if (!DOCKER_REQUIRED_FIELDS.contains(field)) {
                optional.add(field);
            }
        }
        return List.copyOf(optional);
    }

    public static ParsedDestination parse(Object value) {
        return parse(value, "destination");
    }

    public static ParsedDestination parse(Object value, String context) {
        String prefix = context + ": ";
        Map<String, Object> config = DestinationPayloads.normalize(value);
        if (config == null) {
            return ParsedDestination.invalid(List.of(prefix + "expected a mapping with non-empty 'kind'"));
        }
        String kind = Py.strip((String) config.get("kind")).toLowerCase(Locale.ROOT);
        if (kind.equals(Destination.KIND_LOCAL)) {
            return ParsedDestination.valid(LocalDestination.INSTANCE);
        }
        if (!kind.equals(Destination.KIND_DOCKER)) {
            return ParsedDestination.invalid(List.of(prefix + "unsupported destination kind '" + kind + "'"));
        }
        return parseDocker(config, prefix);
    }

    private static ParsedDestination parseDocker(Map<String, Object> config, String prefix) {
        List<String> errors = new ArrayList<>();

        String image = Py.nonBlankString(config.get("image"));
        if (image == null) {
            errors.add(prefix + "docker destination requires non-empty 'image'");
        }

        String containerName = null;
        Object rawName = config.get("container_name");
        if (rawName != null) {
            containerName = Py.nonBlankString(rawName);
            if (containerName == null) {
                errors.add(prefix + "optional 'container_name' must be a non-empty string");
            }
        }

        List<Mount> mounts = parseMounts(config.get("mounts"), prefix, errors);
        List<String> passthrough = parsePassthrough(config.get("env_passthrough"), prefix, errors);

        String workdir = null;
        Object rawWorkdir = config.get("workdir");
        if (rawWorkdir != null) {
            workdir = Py.nonBlankString(rawWorkdir);
            if (workdir == null) {
                errors.add(prefix + "optional 'workdir' must be a non-empty string");
            }
        }

        String profile = null;
        Object rawProfile = config.get("profile");
        if (rawProfile != null) {
            String stripped = Py.nonBlankString(rawProfile);
            if (stripped == null) {
                errors.add(prefix + "optional 'profile' must be a non-empty string");
            } else {
                String lowered = stripped.toLowerCase(Locale.ROOT);
                if (DockerProfile.find(lowered).isEmpty()) {
                    errors.add(prefix + "unsupported docker profile '" + lowered + "'");
                } else {
                    profile = lowered;
                }
            }
        }

        Map<String, String> env = parseEnv(config.get("env"), prefix, errors);

        Map<String, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : config.entrySet()) {
            if (!KNOWN.contains(entry.getKey())) {
                extra.put(entry.getKey(), entry.getValue());
            }
        }

        if (!errors.isEmpty()) {
            return ParsedDestination.invalid(errors);
        }
        return ParsedDestination.valid(
                new DockerDestination(image, containerName, mounts, passthrough, workdir, profile, env, extra));
    }

    private static List<Mount> parseMounts(Object raw, String prefix, List<String> errors) {
        List<Mount> mounts = new ArrayList<>();
        if (raw == null) {
            return mounts;
        }
        if (!(raw instanceof List<?> items)) {
            errors.add(prefix + "optional 'mounts' must be a list");
            return mounts;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                errors.add(prefix + "mounts[" + i + "] must be an object with source/target");
                continue;
            }
            String source = Py.nonBlankString(item.get(Mount.SOURCE));
            if (source == null) {
                errors.add(prefix + "mounts[" + i + "].source must be a non-empty string");
                continue;
            }
            String target = Py.nonBlankString(item.get(Mount.TARGET));
            if (target == null) {
                errors.add(prefix + "mounts[" + i + "].target must be a non-empty string");
                continue;
            }
            Object flag = readOnlyFlag(item);
            if (!(flag instanceof Boolean readOnly)) {
                errors.add(prefix + "mounts[" + i + "].read_only must be a boolean");
                continue;
            }
            mounts.add(new Mount(source, target, readOnly));
        }
        return mounts;
    }

    /**
     * {@code read_only} when present and non-null; otherwise {@code readOnly} when present (even
     * null); otherwise {@code readonly} when present; default false. A null alias is not a boolean.
     */
    private static Object readOnlyFlag(Map<?, ?> item) {
        Object value = item.get(Mount.READ_ONLY);
        if (value != null) {
            return value;
        }
        for (String alias : Mount.READ_ONLY_ALIASES) {
            if (item.containsKey(alias)) {
                return item.get(alias);
            }
        }
        return Boolean.FALSE;
    }

    private static List<String> parsePassthrough(Object raw, String prefix, List<String> errors) {
        List<String> patterns = new ArrayList<>();
        if (raw == null) {
            return patterns;
        }
        if (!(raw instanceof List<?> items)) {
            errors.add(prefix + "optional 'env_passthrough' must be a list");
            return patterns;
        }
        for (int i = 0; i < items.size(); i++) {
            String pattern = Py.nonBlankString(items.get(i));
            if (pattern == null) {
                errors.add(prefix + "env_passthrough[" + i + "] must be a non-empty string");
            } else {
                patterns.add(pattern);
            }
        }
        return patterns;
    }

    private static Map<String, String> parseEnv(Object raw, String prefix, List<String> errors) {
        Map<String, String> env = new LinkedHashMap<>();
        if (raw == null) {
            return env;
        }
        if (!(raw instanceof Map<?, ?> entries)) {
            errors.add(prefix + "optional 'env' must be an object");
            return env;
        }
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            String key = Py.nonBlankString(entry.getKey());
            if (key == null) {
                errors.add(prefix + "env keys must be non-empty strings");
                continue;
            }
            if (!(entry.getValue() instanceof String value)) {
                errors.add(prefix + "env[" + Py.repr(entry.getKey()) + "] must be a string value");
                continue;
            }
            env.put(key, value);
        }
        return env;
    }

    /**
     * Write validation: the canonical mapping to store, or the errors. A failed write changes nothing.
     */
    public static WriteValidation validateForWrite(Object value, String context) {
        ParsedDestination parsed = parse(value, context);
        if (!parsed.valid()) {
            return new WriteValidation(null, parsed.errors());
        }
        Map<String, Object> normalized = DestinationPayloads.normalize(parsed.destination().toMap());
        if (normalized == null) {
            return new WriteValidation(null, List.of(context + ": invalid destination payload"));
        }
        return new WriteValidation(normalized, List.of());
    }

    /** Result of write validation: {@code normalized} is non-null exactly when {@code errors} is empty. */
    public record WriteValidation(Map<String, Object> normalized, List<String> errors) {
        public WriteValidation {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }
}
