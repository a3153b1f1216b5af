package dev.car.adapters.yaml;

/** Why bytes are not a usable YAML document, as one line without the file name (callers add it). */
final class YamlProblem extends Exception {
    private static final long serialVersionUID = 1L;

    YamlProblem(String message) {
        super(message);
    }
}
