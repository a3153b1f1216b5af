package dev.car.domain.resolution;

import dev.car.domain.destination.Destination;
import java.util.List;

/** The effective destination of a repo, its source, and the problems met on the way. */
public record Resolution(Destination destination, DestinationSource source, List<String> issues) {
    public Resolution {
        issues = List.copyOf(issues);
    }
}
