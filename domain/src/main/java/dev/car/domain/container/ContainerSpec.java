package dev.car.domain.container;

import dev.car.domain.text.Py;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a managed container must look like and what each exec in it receives. {@code env} holds
 * passthrough values taken from the host followed by explicit values; {@code secretNames} are
 * the passthrough names whose values must never be shown, logged or stored in the container.
 */
public record ContainerSpec(
        String name,
        String image,
        List<MountBinding> mounts,
        Map<String, String> env,
        Set<String> secretNames,
        String workdir) {

    public ContainerSpec {
        mounts = List.copyOf(mounts);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        secretNames = Collections.unmodifiableSet(new LinkedHashSet<>(secretNames));
    }

    /** The env sorted by name (code-point order) with secret values replaced by {@code ***}, for plans and JSON. */
    public Map<String, String> redactedEnv() {
        return redact(env, secretNames);
    }

    /** {@code env} sorted by name (code points), the values of {@code secretNames} as {@code ***}. */
    public static Map<String, String> redact(Map<String, String> env, Set<String> secretNames) {
        Map<String, String> shown = new TreeMap<>(Py.CODE_POINT_ORDER);
        env.forEach((key, value) -> shown.put(key, secretNames.contains(key) ? "***" : value));
        return shown;
    }
}
