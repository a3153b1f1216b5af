package dev.car.application.repo;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code car hub repo list}: every repo with its effective destination. Reads only. */
public interface ListReposUseCase {

    RepoListing list(Optional<Path> hubPath);

    /** The repos in manifest order, plus issues not tied to any repo (malformed entries). */
    record RepoListing(Path hubRoot, List<RepoRow> rows, List<String> orphanIssues) {
        public RepoListing {
            rows = List.copyOf(rows);
            orphanIssues = List.copyOf(orphanIssues);
        }
    }
}
