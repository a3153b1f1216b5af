package dev.car.adapters.yaml;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * PyYAML's YAML 1.1 implicit typing. SnakeYAML's resolver agrees on booleans ({@code yes/no/on/off}),
 * ints ({@code 0x10}, {@code 0o17}, {@code 1_000}, {@code 1:30}), nulls ({@code ~}) and timestamps,
 * but its float pattern also accepts {@code 1e3}, {@code -.5} and {@code 1.5e3}, which PyYAML reads
 * as strings. The Python tool reads the same manifests, so both must see the same types.
 *
 * <p>PyYAML also resolves a lone {@code =} to its {@code value} tag and then refuses to load it, so
 * the string {@code "="} must be written quoted; car itself reads a plain {@code =} as that string.
 */
final class PyYamlResolver extends Resolver {

    private static final String BOOL_FIRST = "yYnNtTfFoO";
    private static final String INT_FIRST = "-+0123456789";
    private static final String FLOAT_FIRST = "-+0123456789.";
    private static final String MERGE_FIRST = "<";
    private static final String NULL_FIRST = "~nN\0";
    private static final String TIMESTAMP_FIRST = "0123456789";
    private static final String VALUE_FIRST = "=";
    /**
     * Every character an implicitly typed scalar can start with: a scalar starting with another one
     * is a string. A constant, so that asking does not initialise SnakeYAML's resolver.
     */
    static final String FIRST_CHARACTERS = BOOL_FIRST + INT_FIRST + FLOAT_FIRST + MERGE_FIRST + NULL_FIRST
            + TIMESTAMP_FIRST + VALUE_FIRST;

    static final Tag VALUE_TAG = new Tag(Tag.PREFIX + "value");

    /** PyYAML's float: a dot is required, an exponent needs a sign, a leading-dot float has no sign. */
    static final Pattern PYYAML_FLOAT = Pattern.compile("^(?:"
            + "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
            + "|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)"
            + "|\\.(?:nan|NaN|NAN)"
            + ")$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOL, BOOL_FIRST, 10);
        // INT before FLOAT: the sexagesimal float pattern also matches some ints.
        addImplicitResolver(Tag.INT, INT, INT_FIRST);
        addImplicitResolver(Tag.FLOAT, PYYAML_FLOAT, FLOAT_FIRST);
        addImplicitResolver(Tag.MERGE, MERGE, MERGE_FIRST, 10);
        addImplicitResolver(Tag.NULL, NULL, NULL_FIRST, 10);
        // EMPTY matches only "", which resolve() looks up under '\0'; registered for every first
        // character instead, it would run its regex on nearly every plain scalar.
        addImplicitResolver(Tag.NULL, EMPTY, "\0", 10);
        addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP, TIMESTAMP_FIRST, 50);
        addImplicitResolver(VALUE_TAG, VALUE, VALUE_FIRST, 10);
    }
}
