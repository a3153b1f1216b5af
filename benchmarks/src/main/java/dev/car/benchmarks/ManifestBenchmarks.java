package dev.car.benchmarks;

import dev.car.adapters.yaml.YamlManifestStore;
import dev.car.application.port.out.HubLocation;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.ManifestCodec;
import dev.car.domain.manifest.RepoEntry;
import dev.car.domain.repo.PathCanonicalizer;
import dev.car.domain.resolution.DestinationResolver;
import dev.car.domain.resolution.Resolution;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * In-process hot paths on hubs of 10 and 10,000 repos: loading the manifest (YAML and codec),
 * encoding it back, and resolving every repo's effective destination. Each should grow linearly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ManifestBenchmarks {

    @Param({"10", "10000"})
    int repos;

    private HubLocation hub;
    private YamlManifestStore store;
    private Manifest manifest;
    private Object document;

    @Setup
    public void setUp() throws IOException {
        Path root = LargeHub.create(repos);
        hub = HubLocation.withDefaultManifest(root);
        store = new YamlManifestStore(PathCanonicalizer.LEXICAL);
        manifest = store.load(hub);
        document = ManifestCodec.encode(manifest);
    }

    @Benchmark
    public Manifest loadYamlManifest() {
        return store.load(hub);
    }

    @Benchmark
    public Manifest decodeDocument() {
        return ManifestCodec.decode(document, hub.root(), PathCanonicalizer.LEXICAL);
    }

    /** What {@code destination set} costs in the store: load under the lock, write, read back, replace. */
    @Benchmark
    public Manifest rewriteYamlManifest() {
        return store.update(hub, current -> current);
    }

    @Benchmark
    public Map<Object, Object> encodeManifest() {
        return ManifestCodec.encode(manifest);
    }

    @Benchmark
    public void resolveEveryRepo(Blackhole sink) {
        Map<String, RepoEntry> byId = manifest.reposById();
        for (RepoEntry repo : manifest.repos()) {
            Resolution resolution = DestinationResolver.resolve(repo, byId);
            sink.consume(resolution);
            sink.consume(manifest.issuesFor(repo.id()));
        }
    }
}
