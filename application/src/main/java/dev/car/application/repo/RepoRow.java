package dev.car.application.repo;

import dev.car.application.destination.DestinationView;
import dev.car.domain.manifest.RepoEntry;

/** One line of {@code car hub repo list}. */
public record RepoRow(RepoEntry repo, DestinationView destination) {
}
