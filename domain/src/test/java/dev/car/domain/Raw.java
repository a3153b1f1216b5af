package dev.car.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds raw values as a YAML or JSON load produces them: mutable, insertion-ordered and
 * null-friendly (unlike {@code Map.of} / {@code List.of}).
 */
public final class Raw {
    private Raw() {
    }

    /** A {@link LinkedHashMap} from alternating keys and values; keys may be any object or null. */
    public static Map<Object, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("odd number of arguments");
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** An {@link ArrayList} that may hold nulls. */
    public static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }
}
