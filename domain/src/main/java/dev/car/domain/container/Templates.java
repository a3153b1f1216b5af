package dev.car.domain.container;

/** The only two templates a destination may use; a plain string replace, nothing else expands. */
public record Templates(String repoRoot, String home) {

    public String expand(String value) {
        return value.replace("${REPO_ROOT}", repoRoot).replace("${HOME}", home);
    }
}
