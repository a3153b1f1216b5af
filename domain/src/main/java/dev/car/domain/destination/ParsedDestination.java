package dev.car.domain.destination;

import java.util.List;

/** Outcome of parsing: an invalid config falls back to local and carries every error found. */
public record ParsedDestination(Destination destination, boolean valid, List<String> errors) {

    public ParsedDestination {
        errors = List.copyOf(errors);
    }

    static ParsedDestination valid(Destination destination) {
        return new ParsedDestination(destination, true, List.of());
    }

    static ParsedDestination invalid(List<String> errors) {
        return new ParsedDestination(LocalDestination.INSTANCE, false, errors);
    }
}
