package dev.car.domain.destination;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Run inside a managed container. Optional strings are null when absent; collections are never
 * null. {@code extra} holds unknown top-level keys, kept unvalidated in input order.
 */
public record DockerDestination(
        String image,
        String containerName,
        List<Mount> mounts,
        List<String> envPassthrough,
        String workdir,
        String profile,
        Map<String, String> env,
        Map<String, Object> extra) implements Destination {

    public DockerDestination {
        Objects.requireNonNull(image, "image");
        mounts = List.copyOf(mounts);
        envPassthrough = List.copyOf(envPassthrough);
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public static DockerDestination ofImage(String image) {
        return new DockerDestination(image, null, List.of(), List.of(), null, null, Map.of(), Map.of());
    }

    @Override
    public String kind() {
        return KIND_DOCKER;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", KIND_DOCKER);
        map.put("image", image);
        if (containerName != null && !containerName.isEmpty()) {
            map.put("container_name", containerName);
        }
        if (!mounts.isEmpty()) {
            List<Object> items = new ArrayList<>();
            for (Mount mount : mounts) {
                items.add(mount.toMap());
            }
            map.put("mounts", items);
        }
        if (!envPassthrough.isEmpty()) {
            map.put("env_passthrough", new ArrayList<>(envPassthrough));
        }
        if (workdir != null && !workdir.isEmpty()) {
            map.put("workdir", workdir);
        }
        if (profile != null && !profile.isEmpty()) {
            map.put("profile", profile);
        }
        if (!env.isEmpty()) {
            map.put("env", new LinkedHashMap<>(env));
        }
        map.putAll(extra);
        return map;
    }
}
