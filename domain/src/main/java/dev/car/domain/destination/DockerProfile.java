package dev.car.domain.destination;

import dev.car.domain.text.Py;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A docker profile: defaults it contributes and what preflight requires in the container.
 * Paths may hold {@code ${HOME}} and {@code ${REPO_ROOT}} templates.
 */
public record DockerProfile(
        String name,
        List<String> requiredBinaries,
        List<Mount> defaultMounts,
        List<String> defaultEnvPassthrough,
        List<String> requiredAuthFiles) {

    public static final DockerProfile FULL_DEV = new DockerProfile(
            "full-dev",
            List.of("codex", "opencode", "python3", "git", "rg", "bash", "node", "pnpm"),
            List.of(new Mount("${HOME}/.codex", "${HOME}/.codex", false),
                    new Mount("${HOME}/.local/share/opencode", "${HOME}/.local/share/opencode", false)),
            List.of("CAR_*", "OPENAI_API_KEY", "CODEX_HOME", "OPENCODE_SERVER_USERNAME", "OPENCODE_SERVER_PASSWORD"),
            List.of("${HOME}/.codex/auth.json", "${HOME}/.local/share/opencode/auth.json"));

    public static final List<DockerProfile> SUPPORTED = List.of(FULL_DEV);

    public DockerProfile {
        requiredBinaries = List.copyOf(requiredBinaries);
        defaultMounts = List.copyOf(defaultMounts);
        defaultEnvPassthrough = List.copyOf(defaultEnvPassthrough);
        requiredAuthFiles = List.copyOf(requiredAuthFiles);
    }

    /** Looks a profile up by name, stripped (Python {@code str.strip()}) and case-insensitive. */
    public static Optional<DockerProfile> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = Py.strip(name).toLowerCase(Locale.ROOT);
        return SUPPORTED.stream().filter(p -> p.name().equals(key)).findFirst();
    }
}
