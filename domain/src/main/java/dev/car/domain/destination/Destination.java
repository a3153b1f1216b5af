package dev.car.domain.destination;

import java.util.Map;

/** Where a repo's agent backends run. */
public sealed interface Destination permits LocalDestination, DockerDestination {

    String KIND_LOCAL = "local";
    String KIND_DOCKER = "docker";

    String kind();

    /** The canonical mapping stored in the manifest and printed as JSON, keys in contract order. */
    Map<String, Object> toMap();
}
