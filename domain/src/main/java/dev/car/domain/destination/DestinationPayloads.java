package dev.car.domain.destination;

import dev.car.domain.text.Py;
import java.util.LinkedHashMap;
import java.util.Map;

/** The reference's Preserve and Normalize steps on raw destination values. */
public final class DestinationPayloads {
    private DestinationPayloads() {
    }

    /**
     * Copy of a mapping with non-string keys dropped, keys stripped (empty ones dropped) and a
     * string {@code kind} stripped; null when the value is not a mapping. Nested values are untouched.
     */
    public static Map<String, Object> preserve(Object value) {
        if (!(value instanceof Map<?, ?> raw)) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : raw.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                continue;
            }
            String stripped = Py.strip(key);
            if (stripped.isEmpty()) {
                continue;
            }
            copy.put(stripped, entry.getValue());
        }
        if (copy.get("kind") instanceof String kind) {
            copy.put("kind", Py.strip(kind));
        }
        return copy;
    }

    /** Preserve, then require a non-blank string kind; null otherwise. */
    public static Map<String, Object> normalize(Object value) {
        Map<String, Object> preserved = preserve(value);
        if (preserved == null || !(preserved.get("kind") instanceof String kind) || Py.isBlank(kind)) {
            return null;
        }
        preserved.put("kind", Py.strip(kind));
        return preserved;
    }
}
