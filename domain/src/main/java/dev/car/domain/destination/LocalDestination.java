package dev.car.domain.destination;

import java.util.LinkedHashMap;
import java.util.Map;

/** Run on the host with the host environment. */
public record LocalDestination() implements Destination {

    public static final LocalDestination INSTANCE = new LocalDestination();

    @Override
    public String kind() {
        return KIND_LOCAL;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", KIND_LOCAL);
        return map;
    }
}
