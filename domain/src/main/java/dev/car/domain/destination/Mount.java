package dev.car.domain.destination;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A bind mount as configured (templates such as {@code ${HOME}} not yet expanded). */
public record Mount(String source, String target, boolean readOnly) {

    public static final String SOURCE = "source";
    public static final String TARGET = "target";
    /** The canonical read-only key, the only spelling car writes. */
    public static final String READ_ONLY = "read_only";
    /** Spellings also accepted on read, after {@link #READ_ONLY}, in this order of precedence. */
    public static final List<String> READ_ONLY_ALIASES = List.of("readOnly", "readonly");

    /** Mount keys that must be non-blank strings. */
    public static final List<String> REQUIRED_FIELDS = List.of(SOURCE, TARGET);
    /** Mount keys that may be left out; {@code read_only} defaults to false. */
    public static final List<String> OPTIONAL_FIELDS = List.of(READ_ONLY);

    public Mount {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(SOURCE, source);
        map.put(TARGET, target);
        if (readOnly) {
            map.put(READ_ONLY, true);
        }
        return map;
    }
}
