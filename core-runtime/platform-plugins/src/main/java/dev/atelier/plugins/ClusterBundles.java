package dev.atelier.plugins;

import dev.atelier.core.deployments.BundleRepository;
import dev.atelier.core.deployments.BundleRepository.Revision;
import dev.atelier.plugins.internal.InvalidJarException;
import dev.atelier.plugins.internal.JarDigests;
import dev.atelier.plugins.internal.JarFacts;
import dev.atelier.plugins.internal.JarInspector;
import dev.atelier.plugins.internal.RepeatingPass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's deploy folder and the cluster's {@link BundleRepository} equal, both ways, so a bundle deployed on
 * any node runs on every node: a jar put in (or removed from) this node's folder, by hand or through the operator API,
 * is written to the repository; a revision another node wrote is written into this folder, where the plugin host
 * installs it as it installs any jar (blue/green, as on one node).
 *
 * <p>Why a record of the last pass ({@code stateFile}): a jar that differs from the repository is either a change made
 * here (publish it) or a stale copy of an older revision (replace it). The record of what this node last had in step
 * with the repository tells the two apart. A node without one (new, or its data folder wiped) takes the repository's
 * jars for every bundle the repository knows, so a node that joins later runs what the cluster runs, whatever its
 * shipped deploy folder holds; bundles the repository does not know yet are published.
 */
public final class ClusterBundles implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterBundles.class);

    /** A jar in the folder: its file, content hash and bundle facts. */
    private record LocalJar(String fileName, String sha256, JarFacts facts, long modified) {}

    private final BundleRepository repository;
    private final Path deployDir;
    private final SyncState state;
    private final String node;
    private final Map<String, LocalJar> inspected = new HashMap<>();
    private final RepeatingPass passes = new RepeatingPass("atelier-cluster-bundles", this::syncNow,
            "The deploy folder could not be brought in step with the cluster this time");

    /**
     * @param stateFile where this node keeps the record of its last pass (in its data folder)
     * @param node names this node in the repository's history
     */
    public ClusterBundles(BundleRepository repository, Path deployDir, Path stateFile, String node) {
        this.repository = repository;
        this.deployDir = deployDir;
        this.state = new SyncState(stateFile);
        this.node = node;
        // Beside the sync record: the jars' hashes by file identity, so a restart need not read them all again.
        JarDigests.keepIn(stateFile.resolveSibling("deploy-digests.properties"));
    }

    /** Brings the folder and the repository in step once; call before the plugin host first reads the folder. */
    public synchronized void syncNow() {
        try {
            Optional<Map<String, String>> synced = state.load();
            Map<String, LocalJar> local = scan();
            Map<String, Revision> cluster = new HashMap<>();
            repository.latest().forEach(revision -> cluster.put(revision.symbolicName(), revision));
            Set<String> settled = new HashSet<>();
            // What the folder holds after this pass, from what this pass saw and wrote: a jar dropped in while it
            // ran is not in it, so the next pass sees that jar as a change made here and publishes it.
            Map<String, String> inStep = new HashMap<>();
            for (LocalJar jar : local.values()) {
                settled.add(jar.facts().symbolicName());
                reconcile(jar, cluster.get(jar.facts().symbolicName()), synced)
                        .ifPresent(sha -> inStep.put(jar.fileName(), entry(jar.facts().symbolicName(), sha)));
            }
            Set<String> present = jarNames();
            synced.ifPresent(previous -> publishRemovals(previous, present, cluster, settled));
            for (Revision revision : cluster.values()) {
                if (!revision.removed() && settled.add(revision.symbolicName())) {
                    String fileName = revision.symbolicName() + ".jar";
                    download(revision, fileName);
                    inStep.put(fileName, entry(revision.symbolicName(), revision.sha256()));
                }
            }
            state.save(inStep);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not bring the deploy folder in step with the cluster: "
                    + e.getMessage(), e);
        }
    }

    /** Passes every {@code interval} on a daemon thread until closed; a failed pass is logged and tried again. */
    public void start(Duration interval) {
        passes.start(interval);
    }

    /**
     * Makes the jar the bundle ran before its current one the cluster's newest revision, and this node's at once.
     *
     * @return the revision rolled back to; empty when the bundle has no earlier, different jar
     */
    public Optional<Revision> rollBack(String symbolicName, String operator) {
        Optional<Revision> back = repository.rollBack(symbolicName, operator);
        back.ifPresent(revision -> syncNow());
        return back;
    }

    /**
     * Makes the newest retained jar of {@code version} the cluster's newest revision, and this node's at once.
     *
     * @return the revision the bundle runs afterwards; empty when no jar of that version is retained
     */
    public Optional<Revision> rollBackTo(String symbolicName, String version, String operator) {
        Optional<Revision> back = repository.rollBackTo(symbolicName, version, operator);
        back.ifPresent(revision -> syncNow());
        return back;
    }

    /**
     * Makes {@code jar} the bundle's newest revision on every node (as a deploy on this node would), and this node's at
     * once; used to promote a canary.
     */
    public void publish(String symbolicName, String version, String sha256, byte[] jar, String by) {
        repository.put(symbolicName, version, sha256, jar, by);
        syncNow();
    }

    /** The jars the cluster keeps for {@code symbolicName}, newest first; empty for a bundle it never knew. */
    public List<BundleRepository.RetainedVersion> versions(String symbolicName) {
        return repository.versions(symbolicName);
    }

    @Override
    public void close() {
        passes.close();
    }

    /**
     * One jar of the folder against the cluster's latest revision of its bundle.
     *
     * @return the content hash the jar's file holds afterwards; empty when it was deleted
     */
    private Optional<String> reconcile(LocalJar jar, Revision cluster, Optional<Map<String, String>> synced)
            throws IOException {
        if (cluster != null && jar.sha256().equals(cluster.sha256())) {
            return Optional.of(jar.sha256());
        }
        boolean changedHere = synced.isPresent() && !Optional.ofNullable(synced.get().get(jar.fileName()))
                .map(recorded -> SyncState.Entry.parse(recorded).sha256()).orElse("").equals(jar.sha256());
        if (cluster == null || changedHere) {
            byte[] content = Files.readAllBytes(deployDir.resolve(jar.fileName()));
            Revision stored = repository.put(jar.facts().symbolicName(), jar.facts().version(), jar.sha256(), content,
                    node);
            LOG.info("Published {} {} to the cluster as revision {}", jar.facts().symbolicName(),
                    jar.facts().version(), stored.revision());
            return Optional.of(jar.sha256());
        }
        if (cluster.removed()) {
            Files.deleteIfExists(deployDir.resolve(jar.fileName()));
            LOG.info("Removed {}: the cluster removed bundle {}", jar.fileName(), jar.facts().symbolicName());
            return Optional.empty();
        }
        download(cluster, jar.fileName());
        return Optional.of(cluster.sha256());
    }

    /**
     * Jars in step at the last pass and gone from the folder since: removed here, so removed from the cluster. A file
     * still there but unreadable as a bundle (being copied in by hand) is not a removal.
     */
    private void publishRemovals(Map<String, String> previous, Set<String> present, Map<String, Revision> cluster,
            Set<String> settled) {
        previous.forEach((fileName, fingerprint) -> {
            SyncState.Entry entry = SyncState.Entry.parse(fingerprint);
            Revision current = cluster.get(entry.symbolicName());
            if (present.contains(fileName) || settled.contains(entry.symbolicName()) || current == null
                    || !entry.sha256().equals(current.sha256())) {
                return;
            }
            if (repository.remove(entry.symbolicName(), node)) {
                LOG.info("Removed bundle {} from the cluster: its jar left this node's deploy folder",
                        entry.symbolicName());
            }
            settled.add(entry.symbolicName());
        });
    }

    /** Writes a revision's jar into the folder atomically (staged under a dot-name the plugin host ignores). */
    private void download(Revision revision, String fileName) throws IOException {
        Optional<byte[]> content = repository.content(revision.revision());
        if (content.isEmpty()) {
            return;
        }
        Path staged = Files.createTempFile(deployDir, ".cluster-", ".tmp");
        try {
            Files.write(staged, content.get());
            Files.move(staged, deployDir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staged);
        }
        LOG.info("Installed {} {} (cluster revision {}) as {}", revision.symbolicName(), revision.version(),
                revision.revision(), fileName);
    }

    /**
     * The folder's jars by file name, one per bundle (the newest file when several hold one bundle; the plugin host
     * settles those). Files that are not bundles are left to the plugin host, which reports them.
     */
    private Map<String, LocalJar> scan() throws IOException {
        Map<String, LocalJar> byBundle = new HashMap<>();
        try (Stream<Path> files = Files.list(deployDir)) {
            for (Path file : files.filter(ClusterBundles::isJar).toList()) {
                inspect(file).ifPresent(jar -> byBundle.merge(jar.facts().symbolicName(), jar,
                        (a, b) -> a.modified() >= b.modified() ? a : b));
            }
        }
        Map<String, LocalJar> byFile = new HashMap<>();
        byBundle.values().forEach(jar -> byFile.put(jar.fileName(), jar));
        return byFile;
    }

    private Set<String> jarNames() throws IOException {
        try (Stream<Path> files = Files.list(deployDir)) {
            return new HashSet<>(files.filter(ClusterBundles::isJar).map(f -> f.getFileName().toString()).toList());
        }
    }

    /** The jar's facts, hashed again only when its size or time changed. */
    private Optional<LocalJar> inspect(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        long modified = Files.getLastModifiedTime(file).toMillis() ^ (Files.size(file) << 20);
        LocalJar known = inspected.get(fileName);
        if (known != null && known.modified() == modified) {
            return Optional.of(known);
        }
        try {
            LocalJar jar = new LocalJar(fileName, JarDigests.sha256(file), JarInspector.inspect(file),
                    modified);
            inspected.put(fileName, jar);
            return Optional.of(jar);
        } catch (InvalidJarException | java.nio.file.NoSuchFileException notABundle) {
            return Optional.empty();
        }
    }

    /** A bundle's current jar: canary jars are kept in step by {@link BundleCanaries}, not published as revisions. */
    private static boolean isJar(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jar") && !name.startsWith(".") && !CanaryFiles.isCanary(name)
                && Files.isRegularFile(file);
    }

    private static String entry(String symbolicName, String sha256) {
        return new SyncState.Entry(symbolicName, sha256).format();
    }
}
