package dev.car.domain.destination;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A bind mount as configured (templates such as {@code ${HOME}} not yet expanded). */
public record Mount(String source, String target, boolean readOnly) {

    public Mount {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("source", source);
        map.put("target", target);
        if (readOnly) {
            map.put("read_only", true);
        }
        return map;
    }
}
