package dev.car.adapters.yaml;

import dev.car.application.port.out.HubLocation;
import dev.car.application.port.out.ManifestStore;
import dev.car.domain.manifest.Manifest;
import dev.car.domain.manifest.ManifestCodec;
import dev.car.domain.manifest.ManifestException;
import dev.car.domain.repo.PathCanonicalizer;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The hub manifest as a YAML file. Reads never create or change anything. Updates hold the
 * manifest's lock across read-modify-write and replace the file atomically, so concurrent
 * {@code set}s on different repos all survive and a crash never leaves a truncated manifest.
 * Every failure is a {@link ManifestException} with one line that starts with the file's path.
 */
public final class YamlManifestStore implements ManifestStore {

    private final PathCanonicalizer canonicalizer;

    public YamlManifestStore(PathCanonicalizer canonicalizer) {
        this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
    }

    @Override
    public Manifest load(HubLocation hub) {
        return load(hub, null);
    }

    /** Decodes only the repo's entries and its base's: a large hub's other entries cost a query most of its time. */
    @Override
    public Manifest loadFor(HubLocation hub, String repoId) {
        return load(hub, repoId);
    }

    /** The whole manifest, or with {@code repoId} what a query about that repo reads of it. */
    private Manifest load(HubLocation hub, String repoId) {
        Path file = hub.manifestPath();
        try {
            return read(hub, file, repoId);
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot read: " + IoErrors.describe(e), e);
        }
    }

    @Override
    public boolean exists(HubLocation hub) {
        return Files.exists(hub.manifestPath());
    }

    @Override
    @SuppressWarnings("try") // the lock is held by the try block, never referenced inside it
    public Manifest update(HubLocation hub, UnaryOperator<Manifest> change) {
        Path file = hub.manifestPath();
        try {
            Path target = writeTarget(file);
            try (ManifestLock lock = ManifestLock.acquire(target)) {
                Manifest current = read(hub, target, null);
                Manifest next = Objects.requireNonNull(change.apply(current), "the change returned no manifest");
                Map<Object, Object> document = ManifestCodec.encode(next);
                byte[] bytes = render(file, document);
                // Load the exact bytes back before they replace anything: what is returned is what a
                // later load sees, and content that would not survive the trip is never written.
                Object reloaded = parse(file, bytes, "cannot be written: ");
                if (!YamlValues.sameValue(document, reloaded)) {
                    throw new ManifestException(file + ": cannot be written without changing its values");
                }
                Manifest stored = decode(file, reloaded, hub, null);
                AtomicFiles.replace(target, bytes);
                return stored;
            }
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot update: " + IoErrors.describe(e), e);
        }
    }

    /** The header line, then the document as PyYAML's {@code safe_dump(sort_keys=False)} would write it. */
    private static byte[] render(Path file, Map<Object, Object> document) {
        try {
            return SafeYaml.encodeStrictUtf8(Manifest.HEADER + "\n" + SafeYaml.dump(document));
        } catch (YAMLException e) {
            throw new ManifestException(file + ": cannot be written: " + SafeYaml.oneLine(String.valueOf(e.getMessage())), e);
        } catch (CharacterCodingException e) {
            throw new ManifestException(file + ": cannot be written: text that is not valid Unicode", e);
        }
    }

    /** Creates the folder; a symlinked manifest is replaced at its real location, so the link survives. */
    private static Path writeTarget(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path target = absolute.getParent().toRealPath().resolve(absolute.getFileName());
        return Files.isSymbolicLink(target) ? target.toRealPath() : target;
    }

    private Manifest read(HubLocation hub, Path source, String repoId) throws IOException {
        Object document = readDocument(hub, source);
        return document == NO_FILE ? Manifest.empty() : decode(hub.manifestPath(), document, hub, repoId);
    }

    /** Marks a manifest file that does not exist, which reads as an empty manifest. */
    private static final Object NO_FILE = new Object();

    /** The parsed document of {@code source}, or {@link #NO_FILE}. */
    private static Object readDocument(HubLocation hub, Path source) throws IOException {
        Path file = hub.manifestPath();
        long size;
        try {
            size = Files.size(source);
        } catch (NoSuchFileException e) {
            return NO_FILE;
        }
        if (size > SafeYaml.MAX_BYTES) {
            throw new ManifestException(file + ": " + SafeYaml.TOO_LARGE);
        }
        byte[] bytes = AtomicFiles.readIfExists(source, SafeYaml.MAX_BYTES);
        if (bytes == null) {
            return NO_FILE;
        }
        return parse(file, bytes, "");
    }

    private static Object parse(Path file, byte[] bytes, String context) {
        try {
            return SafeYaml.parse(bytes);
        } catch (YamlProblem e) {
            throw new ManifestException(file + ": " + context + e.getMessage(), e);
        }
    }

    /** The whole manifest, or with {@code repoId} only what a query about that repo reads. */
    private Manifest decode(Path file, Object document, HubLocation hub, String repoId) {
        try {
            return repoId == null ? ManifestCodec.decode(document, hub.root(), canonicalizer)
                    : ManifestCodec.decodeFor(document, hub.root(), canonicalizer, repoId);
        } catch (ManifestException e) {
            throw new ManifestException(file + ": " + e.getMessage(), e);
        }
    }
}
