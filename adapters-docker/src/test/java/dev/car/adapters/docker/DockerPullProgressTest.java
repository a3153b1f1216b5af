package dev.car.adapters.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Pull progress lines, without an engine: the pull of this environment has no registry to reach. */
class DockerPullProgressTest {
    private final List<String> lines = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final PullProgress progress = new PullProgress(lines::add, clock::get);

    @Test
    void reportsReadableDeduplicatedAndThrottledLines() {
        progress.update("latest", "Pulling from library/busybox", null, null);
        progress.update("3f4d90098f5b", "Pulling fs layer", null, null);
        progress.update("3f4d90098f5b", "Waiting", null, null);
        progress.update("3f4d90098f5b", "Waiting", null, null);
        progress.update("3f4d90098f5b", "Downloading", 12_100_000L, 40_300_000L);
        clock.addAndGet(100_000_000L);
        progress.update("3f4d90098f5b", "Downloading", 13_000_000L, 40_300_000L);
        clock.addAndGet(PullProgress.PROGRESS_INTERVAL_NANOS);
        progress.update("3f4d90098f5b", "Downloading", 30_000_000L, 40_300_000L);
        progress.update("3f4d90098f5b", "Downloading", 40_300_000L, 40_300_000L);
        progress.update("3f4d90098f5b", "Download complete", null, null);
        progress.update("3f4d90098f5b", "Extracting", 512L, 40_300_000L);
        progress.update("3f4d90098f5b", "Pull complete", null, null);
        progress.update(null, "Digest: sha256:abc", null, null);
        progress.update(null, "Status: Downloaded newer image for busybox:latest", null, null);
        progress.update(null, " ", null, null);

        assertEquals(List.of(
                "latest: Pulling from library/busybox",
                "3f4d90098f5b: Pulling fs layer",
                "3f4d90098f5b: Waiting",
                "3f4d90098f5b: Downloading 12.1 MB/40.3 MB",
                "3f4d90098f5b: Downloading 30.0 MB/40.3 MB",
                "3f4d90098f5b: Downloading 40.3 MB/40.3 MB",
                "3f4d90098f5b: Download complete",
                "3f4d90098f5b: Extracting 512 B/40.3 MB",
                "3f4d90098f5b: Pull complete",
                "Digest: sha256:abc",
                "Status: Downloaded newer image for busybox:latest"), lines);
    }

    @Test
    void formatsSizesInDecimalUnits() {
        assertEquals("999 B", PullProgress.bytes(999));
        assertEquals("1.5 kB", PullProgress.bytes(1_500));
        assertEquals("2.0 GB", PullProgress.bytes(2_000_000_000L));
    }
}
