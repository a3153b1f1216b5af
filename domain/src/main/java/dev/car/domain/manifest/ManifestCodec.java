package dev.car.domain.manifest;

import dev.car.domain.destination.DestinationParser;
import dev.car.domain.destination.DestinationPayloads;
import dev.car.domain.destination.ParsedDestination;
import dev.car.domain.repo.HubPaths;
import dev.car.domain.repo.PathCanonicalizer;
import dev.car.domain.text.Py;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a loaded manifest document (plain maps, lists and scalars) into a {@link Manifest} and
 * back. Format-neutral: the YAML adapter and the in-memory store share it, so both behave alike.
 */
public final class ManifestCodec {

    private static final Set<String> REPO_KEYS = Set.of("id", "path", "enabled", "auto_run", "kind",
            "display_name", "worktree_of", "branch", "worktree_setup_commands", "archived", "destination");

    private ManifestCodec() {
    }

    /**
     * Decodes a document. Problems with single entries become issues; problems that make the whole
     * manifest unusable throw {@link ManifestException}.
     */
    public static Manifest decode(Object document, Path hubRoot, PathCanonicalizer canonicalizer) {
        Map<?, ?> root = usableRoot(document);
        List<ManifestIssue> issues = new ArrayList<>();
        List<ManifestEntry> entries = new ArrayList<>();
        Object invalidRepos = null;
        Object repos = root.get("repos");
        if (repos instanceof List<?> items) {
            Set<String> seen = new HashSet<>();
            PathCanonicalizer onePass = canonicalizer.forOnePass(); // repos mostly share parent folders
            for (int idx = 0; idx < items.size(); idx++) {
                ManifestEntry entry = decodeEntry(items.get(idx), idx, hubRoot, onePass, issues);
                if (entry instanceof RepoEntry repo && !seen.add(repo.id())) {
                    issues.add(new ManifestIssue(repo.id(),
                            "duplicate repo id '" + repo.id() + "' at repos[" + idx + "]; the first entry is used"));
                }
                entries.add(entry);
            }
        } else if (repos != null) {
            issues.add(new ManifestIssue(ManifestIssue.MANIFEST_SCOPE, "manifest 'repos' must be a list"));
            invalidRepos = repos;
        }
        return new Manifest(entries, invalidRepos, extras(root), issues);
    }

    /**
     * What a query about one repo reads of the manifest: the entries with its id and with its base's
     * id, decoded as {@link #decode} decodes them, with their issues, and the manifest's own issues.
     * So its {@code find}, {@code reposById} and {@code issuesFor} answer for those two ids exactly as
     * the whole manifest's would. Every other entry is only checked for what makes a manifest unusable
     * (an unknown repo kind), so a failure is the one {@link #decode} gives. Decoding a large hub's
     * other entries (their paths canonicalised on disk) took a {@code show} longer than all the rest.
     * Not for saving: the other entries are left out.
     */
    public static Manifest decodeFor(Object document, Path hubRoot, PathCanonicalizer canonicalizer, String repoId) {
        Map<?, ?> root = usableRoot(document);
        Object repos = root.get("repos");
        if (!(repos instanceof List<?> items)) {
            return decode(document, hubRoot, canonicalizer); // no entries to leave out
        }
        String[] ids = new String[items.size()];
        for (int idx = 0; idx < items.size(); idx++) {
            EntryHead head = head(items.get(idx), idx, null);
            ids[idx] = head == null ? null : head.id();
            if (head != null && head.pathText() != null && head.pathText().indexOf('\0') >= 0) {
                Path.of(Py.strip(head.pathText())); // fails the whole decode on a POSIX file system; so it does here
            }
        }
        PathCanonicalizer onePass = canonicalizer.forOnePass();
        List<ManifestIssue> issues = new ArrayList<>();
        Map<Integer, ManifestEntry> decoded = new TreeMap<>();
        RepoEntry repo = decodeWithId(items, ids, repoId, hubRoot, onePass, decoded, issues);
        if (repo != null && repo.isWorktree() && repo.worktreeOf() != null && !repo.worktreeOf().equals(repoId)) {
            decodeWithId(items, ids, repo.worktreeOf(), hubRoot, onePass, decoded, issues);
        }
        return new Manifest(new ArrayList<>(decoded.values()), null, extras(root), issues);
    }

    /**
     * Decodes, in order, the entries whose id is {@code id}, with their issues and the duplicate
     * warnings the whole manifest gives them; the first repo among them, or null.
     */
    private static RepoEntry decodeWithId(List<?> items, String[] ids, String id, Path hubRoot,
                                          PathCanonicalizer canonicalizer, Map<Integer, ManifestEntry> decoded,
                                          List<ManifestIssue> issues) {
        RepoEntry first = null;
        for (int idx = 0; idx < items.size(); idx++) {
            if (!id.equals(ids[idx])) {
                continue;
            }
            ManifestEntry entry = decodeEntry(items.get(idx), idx, hubRoot, canonicalizer, issues);
            if (entry instanceof RepoEntry repo) {
                if (first == null) {
                    first = repo;
                } else {
                    issues.add(new ManifestIssue(repo.id(),
                            "duplicate repo id '" + repo.id() + "' at repos[" + idx + "]; the first entry is used"));
                }
            }
            decoded.put(idx, entry);
        }
        return first;
    }

    /** The document's top-level mapping, once its version is one car reads. */
    private static Map<?, ?> usableRoot(Object document) {
        Map<?, ?> root;
        if (document == null) {
            root = Map.of();
        } else if (document instanceof Map<?, ?> map) {
            root = map;
        } else {
            throw new ManifestException("manifest must be a mapping with 'version' and 'repos', found "
                    + typeName(document));
        }
        Object version = root.get("version");
        if (!isSupportedVersion(version)) {
            throw new ManifestException("Unsupported manifest version " + Py.str(version) + "; expected 3");
        }
        return root;
    }

    private static Map<Object, Object> extras(Map<?, ?> root) {
        Map<Object, Object> extras = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : root.entrySet()) {
            if (!"version".equals(e.getKey()) && !"repos".equals(e.getKey())) {
                extras.put(e.getKey(), e.getValue());
            }
        }
        return extras;
    }

    private static boolean isSupportedVersion(Object version) {
        if (version instanceof Integer || version instanceof Long || version instanceof Short) {
            long v = ((Number) version).longValue();
            return v == 2 || v == 3;
        }
        if (version instanceof BigInteger big) {
            return big.equals(BigInteger.TWO) || big.equals(BigInteger.valueOf(3));
        }
        if (version instanceof Double || version instanceof Float) {
            double v = ((Number) version).doubleValue();
            return v == 2.0 || v == 3.0;
        }
        return false;
    }

    /** What decides whether an entry is a repo: its id, path and kind, checked in this order. */
    private record EntryHead(Map<?, ?> entry, String rawIdText, String id, String pathText, RepoKind kind) {
    }

    /**
     * The entry's id, path and kind; null, with the issue added when {@code issues} is given, for an
     * entry that is not a repo. An unknown kind makes the whole manifest unusable.
     */
    private static EntryHead head(Object raw, int idx, List<ManifestIssue> issues) {
        if (!(raw instanceof Map<?, ?> entry)) {
            addIssue(issues, "<index:" + idx + ">", "repo entry must be an object");
            return null;
        }
        Object rawId = entry.get("id");
        if (!(rawId instanceof String rawIdText) || Py.isBlank(rawIdText)) {
            addIssue(issues, "<index:" + idx + ">", "repo entry requires non-empty string 'id'");
            return null;
        }
        String id = Py.strip(rawIdText);
        Object rawPath = entry.get("path");
        if (!(rawPath instanceof String pathText) || Py.isBlank(pathText)) {
            addIssue(issues, id, "repo '" + rawIdText + "' requires non-empty string 'path'");
            return new EntryHead(entry, rawIdText, id, null, null);
        }
        Object rawKind = entry.get("kind");
        RepoKind kind = RepoKind.fromWire(rawKind).orElse(null);
        if (kind == null) {
            throw new ManifestException(
                    "Invalid manifest repo kind for " + rawIdText + ": " + Py.str(rawKind) + " (expected base|worktree)");
        }
        return new EntryHead(entry, rawIdText, id, pathText, kind);
    }

    private static void addIssue(List<ManifestIssue> issues, String repoId, String message) {
        if (issues != null) {
            issues.add(new ManifestIssue(repoId, message));
        }
    }

    private static ManifestEntry decodeEntry(Object raw, int idx, Path hubRoot, PathCanonicalizer canonicalizer,
                                             List<ManifestIssue> issues) {
        EntryHead head = head(raw, idx, issues);
        if (head == null || head.pathText() == null) {
            return new MalformedEntry(raw);
        }
        Map<?, ?> entry = head.entry();
        String rawIdText = head.rawIdText();
        String id = head.id();
        String pathText = head.pathText();
        RepoKind kind = head.kind();

        boolean hasDestination = entry.containsKey("destination");
        Object destination = null;
        if (hasDestination) {
            Object rawDestination = entry.get("destination");
            ParsedDestination parsed = DestinationParser.parse(rawDestination, "repo '" + rawIdText + "' destination");
            if (parsed.valid()) {
                destination = DestinationPayloads.normalize(parsed.destination().toMap());
            } else {
                destination = rawDestination;
                for (String error : parsed.errors()) {
                    issues.add(new ManifestIssue(id, error));
                }
            }
        }

        Map<Object, Object> extras = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : entry.entrySet()) {
            if (!(e.getKey() instanceof String key && REPO_KEYS.contains(key))) {
                extras.put(e.getKey(), e.getValue());
            }
        }
        List<String> setupCommands = new ArrayList<>();
        Object rawCommands = entry.get("worktree_setup_commands");
        if (rawCommands instanceof List<?> commands) {
            for (Object command : commands) {
                String text = Py.nonBlankString(command);
                if (text != null) {
                    setupCommands.add(text);
                }
            }
        } else if (rawCommands instanceof String single) {
            // The reference iterated a scalar per character; one command is what the user meant.
            if (!Py.isBlank(single)) {
                setupCommands.add(Py.strip(single));
            }
        } else if (rawCommands != null) {
            extras.put("worktree_setup_commands", rawCommands);
        }

        return new RepoEntry(
                id,
                HubPaths.relativize(hubRoot, Py.strip(pathText), canonicalizer),
                entry.containsKey("enabled") ? Py.truthy(entry.get("enabled")) : true,
                Py.truthy(entry.get("auto_run")),
                kind,
                optionalText(entry.get("display_name")),
                optionalText(entry.get("worktree_of")),
                optionalText(entry.get("branch")),
                setupCommands,
                Py.truthy(entry.get("archived")),
                hasDestination,
                destination,
                extras);
    }

    private static String optionalText(Object value) {
        return Py.truthy(value) ? Py.str(value) : null;
    }

    /** The document to store: {@code version: 3}, {@code repos}, then unknown top-level keys. */
    public static Map<Object, Object> encode(Manifest manifest) {
        Map<Object, Object> document = new LinkedHashMap<>();
        document.put("version", Manifest.VERSION);
        if (manifest.invalidRepos() != null) {
            document.put("repos", manifest.invalidRepos());
        } else {
            List<Object> repos = new ArrayList<>(manifest.entries().size());
            for (ManifestEntry entry : manifest.entries()) {
                repos.add(entry instanceof RepoEntry repo ? encodeRepo(repo) : ((MalformedEntry) entry).raw());
            }
            document.put("repos", repos);
        }
        document.putAll(manifest.extras());
        return document;
    }

    public static Map<Object, Object> encodeRepo(RepoEntry repo) {
        Map<Object, Object> out = new LinkedHashMap<>();
        out.put("id", repo.id());
        out.put("path", repo.path());
        out.put("enabled", repo.enabled());
        out.put("auto_run", repo.autoRun());
        out.put("kind", repo.kind().wireName());
        putIfPresent(out, "display_name", repo.displayName());
        putIfPresent(out, "worktree_of", repo.worktreeOf());
        putIfPresent(out, "branch", repo.branch());
        if (!repo.worktreeSetupCommands().isEmpty()) {
            out.put("worktree_setup_commands", new ArrayList<>(repo.worktreeSetupCommands()));
        }
        if (repo.archived()) {
            out.put("archived", true);
        }
        if (repo.hasDestination()) {
            out.put("destination", repo.destination());
        }
        repo.extras().forEach(out::putIfAbsent);
        return out;
    }

    private static void putIfPresent(Map<Object, Object> out, String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.put(key, value);
        }
    }

    private static String typeName(Object value) {
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String) {
            return "a string";
        }
        return "a " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
