package dev.car.domain.container;

import dev.car.domain.destination.DockerDestination;
import dev.car.domain.destination.DockerProfile;
import dev.car.domain.destination.Mount;
import dev.car.domain.text.Py;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges a docker destination with its profile into a {@link ContainerSpec}. Pure: the host
 * environment and home folder are passed in.
 */
public final class ContainerSpecBuilder {
    private ContainerSpecBuilder() {
    }

    /**
     * @param repoRoot canonical absolute repo root
     * @param hostEnv the host environment passthrough patterns are matched against
     * @param home the host user's home folder for {@code ${HOME}}
     */
    public static ContainerSpec build(DockerDestination destination, String repoRoot,
                                      Map<String, String> hostEnv, String home) {
        String name = destination.containerName() != null
                ? destination.containerName()
                : WorkspaceIds.defaultContainerName(repoRoot);
        DockerProfile profile = DockerProfile.find(destination.profile()).orElse(null);
        return build(name, destination.image(), repoRoot, profile, destination.mounts(),
                destination.envPassthrough(), destination.env(), hostEnv, home, destination.workdir());
    }

    public static ContainerSpec build(String name, String image, String repoRoot, DockerProfile profile,
                                      List<Mount> userMounts, List<String> userPatterns,
                                      Map<String, String> explicitEnv, Map<String, String> hostEnv,
                                      String home, String workdir) {
        if (name == null || Py.isBlank(name)) {
            throw new IllegalArgumentException("container name is required");
        }
        if (image == null || Py.isBlank(image)) {
            throw new IllegalArgumentException("docker image is required");
        }
        Templates templates = new Templates(repoRoot, home);

        List<MountBinding> mounts = finalMounts(repoRoot, mergeMounts(profile, userMounts, templates));

        List<String> patterns = new ArrayList<>();
        if (profile != null) {
            patterns.addAll(profile.defaultEnvPassthrough());
        }
        patterns.addAll(userPatterns);
        Map<String, String> env = new LinkedHashMap<>(passthrough(patterns, hostEnv));
        Set<String> secrets = new LinkedHashSet<>(env.keySet());
        explicitEnv.forEach((rawKey, value) -> {
            if (rawKey == null || value == null || Py.isBlank(rawKey)) {
                return;
            }
            String key = Py.strip(rawKey);
            env.put(key, value);
            secrets.remove(key);
        });

        String effectiveWorkdir = workdir != null && !Py.isBlank(workdir) ? templates.expand(Py.strip(workdir)) : repoRoot;
        return new ContainerSpec(Py.strip(name), Py.strip(image), mounts, env, secrets, effectiveWorkdir);
    }

    /** Profile defaults first, then user mounts; a repeated (source, target) replaces the earlier one in place. */
    private static List<MountBinding> mergeMounts(DockerProfile profile, List<Mount> userMounts, Templates templates) {
        List<Mount> candidates = new ArrayList<>();
        if (profile != null) {
            candidates.addAll(profile.defaultMounts());
        }
        candidates.addAll(userMounts);
        Map<List<String>, MountBinding> merged = new LinkedHashMap<>();
        for (Mount mount : candidates) {
            if (Py.isBlank(mount.source()) || Py.isBlank(mount.target())) {
                continue;
            }
            String source = templates.expand(Py.strip(mount.source()));
            String target = templates.expand(Py.strip(mount.target()));
            merged.put(List.of(source, target), new MountBinding(source, target, mount.readOnly()));
        }
        return new ArrayList<>(merged.values());
    }

    /** The repo root always comes first, read-write; exact duplicates are dropped. */
    private static List<MountBinding> finalMounts(String repoRoot, List<MountBinding> merged) {
        LinkedHashSet<MountBinding> mounts = new LinkedHashSet<>();
        mounts.add(new MountBinding(repoRoot, repoRoot, false));
        mounts.addAll(merged);
        return new ArrayList<>(mounts);
    }

    /** Host variables, in ascending code-point order of their names, whose whole name matches any pattern. */
    public static Map<String, String> passthrough(List<String> rawPatterns, Map<String, String> hostEnv) {
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String pattern : rawPatterns) {
            if (pattern != null && !Py.isBlank(pattern)) {
                unique.add(Py.strip(pattern));
            }
        }
        Map<String, String> selected = new LinkedHashMap<>();
        if (unique.isEmpty()) {
            return selected;
        }
        List<EnvPattern> compiled = unique.stream().map(EnvPattern::compile).toList();
        List<String> names = new ArrayList<>();
        for (String name : hostEnv.keySet()) {
            if (name != null) {
                names.add(name);
            }
        }
        names.sort(Py.CODE_POINT_ORDER);
        for (String key : names) {
            String value = hostEnv.get(key);
            if (value != null && compiled.stream().anyMatch(p -> p.matches(key))) {
                selected.put(key, value);
            }
        }
        return selected;
    }
}
