package dev.atelier.plugins;

import dev.atelier.core.deployments.BundleCanaryStore;
import dev.atelier.core.deployments.BundleCanaryStore.Canary;
import dev.atelier.plugins.internal.DeployFolderWatcher;
import dev.atelier.plugins.internal.InvalidJarException;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Canaries of plugin bundles across the cluster: a new jar of a bundle runs beside its current version on every node
 * (as {@code <symbolic-name>~canary.jar} in the deploy folder) and serves the calls its plan routes to it — one tenant,
 * a share of the jobs, or both. It ends by promotion (its jar becomes the bundle's newest revision everywhere), by an
 * operator's rollback, or automatically when its error rate on a node passes the threshold.
 *
 * <p>Why this is safe for jobs: routing only picks which version a model call goes to; holding, capturing and releasing
 * credits stay with the job, so a failed canary call fails or retries its job exactly as a failed call of the current
 * version would. When a canary ends, routing to it stops first and its jar is removed after, so calls already running
 * in it finish (the host drains the bundle) and nothing is cut off.
 */
public final class BundleCanaries implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BundleCanaries.class);

    /**
     * When a canary is rolled back automatically.
     *
     * @param minCalls calls the canary must have served on a node before its error rate counts
     * @param maxErrorPercent the error rate (percent of calls) above which it is rolled back
     */
    public record Thresholds(int minCalls, int maxErrorPercent) {

        /** At least 10 calls, more than 20 % of them failed. */
        public static final Thresholds DEFAULT = new Thresholds(10, 20);

        boolean exceededBy(Totals canary) {
            return canary.calls() >= minCalls && canary.errors() * 100 > (long) maxErrorPercent * canary.calls();
        }
    }

    /** Calls of one side of a comparison on this node since the canary started. */
    public record Totals(long calls, long errors, double meanMillis) {

        /** Errors per call in percent, 0 without calls. */
        public double errorPercent() {
            return calls == 0 ? 0 : 100.0 * errors / calls;
        }
    }

    /** A running canary beside the current version, as this node has counted them. */
    public record Comparison(Canary canary, Totals current, Totals candidate) {}

    /** Why a canary could not be started, promoted or rolled back; the message is written for an operator. */
    public static final class CanaryException extends Exception {
        private static final long serialVersionUID = 1L;

        /** Whether the request itself was wrong (not a bundle jar, wrong bundle) rather than in conflict with state. */
        private final boolean invalid;

        CanaryException(String message, boolean invalid) {
            super(message);
            this.invalid = invalid;
        }

        public boolean invalid() {
            return invalid;
        }
    }

    private final BundleCanaryStore store;
    private final ClusterBundles cluster;
    private final PluginHost host;
    private final Path deployDir;
    private final Thresholds thresholds;
    private final Set<Long> counted = new HashSet<>();
    private final RepeatingPass passes = new RepeatingPass("atelier-bundle-canaries", this::syncNow,
            "The canaries could not be brought in step with the cluster this time");

    public BundleCanaries(BundleCanaryStore store, ClusterBundles cluster, PluginHost host, Path deployDir,
            Thresholds thresholds) {
        this.store = store;
        this.cluster = cluster;
        this.host = host;
        this.deployDir = deployDir;
        this.thresholds = thresholds;
    }

    /**
     * Starts a canary of the bundle {@code symbolicName}, on every node.
     *
     * @param jar the canary's jar, a build of that bundle, already bounded in size by the caller
     * @param tenantId the tenant whose calls all go to it, or null
     * @param percent the share (0 to 100) of other jobs that go to it
     * @throws CanaryException when it is not a jar of that bundle, the bundle is not deployed, or it already has a
     *     canary
     */
    public Canary start(String symbolicName, byte[] jar, String tenantId, int percent, String startedBy)
            throws CanaryException {
        if (tenantId == null && percent <= 0) {
            throw new CanaryException("Say whom the canary serves: a tenant, a percentage of jobs, or both.", true);
        }
        JarFacts facts;
        String sha;
        try {
            Path staged = Files.createTempFile(deployDir, ".canary-", ".tmp");
            try {
                Files.write(staged, jar);
                facts = JarInspector.inspect(staged);
                sha = DeployFolderWatcher.sha256(staged);
            } finally {
                Files.deleteIfExists(staged);
            }
        } catch (InvalidJarException e) {
            throw new CanaryException("That file is not a bundle Atelier can deploy: " + e.getMessage() + ".", true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stage the canary jar: " + e.getMessage(), e);
        }
        String name = facts.symbolicName();
        if (!name.equals(symbolicName)) {
            throw new CanaryException("That jar is bundle '" + name + "', not '" + symbolicName + "'.", true);
        }
        // Only model calls are routed per tenant and job; a canary of another kind would never be called.
        if (host.models().list().stream().noneMatch(model -> name.equals(model.bundleSymbolicName()))) {
            throw new CanaryException("No model bundle '" + name + "' is serving; deploy it first, a canary is"
                    + " compared with the version that runs.", true);
        }
        Canary canary = store.start(name, facts.version(), sha, jar, tenantId, percent, startedBy)
                .orElseThrow(() -> new CanaryException("'" + name + "' already has a canary; promote it or roll it"
                        + " back first.", false));
        LOG.info("Canary of {} {} started by {} (tenant {}, {} % of jobs)", name, facts.version(), startedBy,
                tenantId == null ? "none" : tenantId, percent);
        syncNow();
        return canary;
    }

    /** Makes the running canary of {@code symbolicName} the bundle's current version on every node. */
    public Canary promote(String symbolicName, String by) throws CanaryException {
        Canary canary = running(symbolicName);
        byte[] jar = store.content(canary.id())
                .orElseThrow(() -> new CanaryException("The canary of '" + symbolicName + "' just ended.", false));
        // Published first: if the node stops between the two steps, the canary still runs and promoting again is
        // harmless (the repository ignores a jar it already has as newest).
        cluster.publish(symbolicName, canary.version(), canary.sha256(), jar, by);
        store.end(canary.id(), "promoted by " + by);
        LOG.info("Canary of {} {} promoted by {}", symbolicName, canary.version(), by);
        syncNow();
        return canary;
    }

    /** Ends the bundle's canary if one runs, for example because the bundle itself is being removed. */
    public void endIfRunning(String symbolicName, String by) {
        store.running().stream().filter(c -> c.symbolicName().equals(symbolicName)).findFirst().ifPresent(canary -> {
            if (store.end(canary.id(), "rolled back by " + by + " (bundle removed)")) {
                syncNow();
            }
        });
    }

    /** Ends the running canary of {@code symbolicName}; the current version serves everyone again. */
    public Canary rollBack(String symbolicName, String by) throws CanaryException {
        Canary canary = running(symbolicName);
        store.end(canary.id(), "rolled back by " + by);
        LOG.info("Canary of {} {} rolled back by {}", symbolicName, canary.version(), by);
        syncNow();
        return canary;
    }

    /** The running canary of {@code symbolicName} with this node's counts of it and of the current version. */
    public Optional<Comparison> comparison(String symbolicName) {
        return store.running().stream().filter(c -> c.symbolicName().equals(symbolicName)).findFirst()
                .map(this::compare);
    }

    /** The bundle's running canary or, if none runs, its last ended one (promoted or rolled back, and why). */
    public Optional<Canary> latest(String symbolicName) {
        return store.latest(symbolicName);
    }

    /**
     * Brings this node in step with the cluster's canaries: routes, canary jars in the deploy folder, and the
     * automatic rollback of a canary past the threshold.
     */
    public synchronized void syncNow() {
        List<Canary> running = rollBackFailing(store.running());
        Map<String, CanaryPlan> plans = new HashMap<>();
        for (Canary canary : running) {
            if (counted.add(canary.id())) {
                // The comparison starts with the canary: both sides count over the same window.
                host.callStats().reset(canary.symbolicName());
            }
            plans.put(canary.symbolicName(), new CanaryPlan(canary.symbolicName(), canary.version(),
                    canary.sha256(), canary.tenantId(), canary.percent()));
        }
        counted.retainAll(running.stream().map(Canary::id).toList());
        // Routes change before files: a canary being removed takes no new call before its jar goes.
        host.canaryRoutes().set(plans);
        try {
            for (Canary canary : running) {
                place(canary);
            }
            removeEnded(plans.keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not bring the canary jars in step: " + e.getMessage(), e);
        }
    }

    /** Passes every {@code interval} on a daemon thread until closed; a failed pass is logged and tried again. */
    public void start(Duration interval) {
        passes.start(interval);
    }

    @Override
    public void close() {
        passes.close();
    }

    private Canary running(String symbolicName) throws CanaryException {
        return store.running().stream().filter(c -> c.symbolicName().equals(symbolicName)).findFirst()
                .orElseThrow(() -> new CanaryException("'" + symbolicName + "' has no canary running.", false));
    }

    /** The running canaries minus those this node's counts roll back now. */
    private List<Canary> rollBackFailing(List<Canary> running) {
        return running.stream().filter(canary -> {
            if (!counted.contains(canary.id())) {
                return true;
            }
            Totals totals = compare(canary).candidate();
            if (!thresholds.exceededBy(totals)) {
                return true;
            }
            String outcome = String.format(Locale.ROOT,
                    "rolled back automatically: %d of %d calls failed (%.0f %%, above %d %%)", totals.errors(),
                    totals.calls(), totals.errorPercent(), thresholds.maxErrorPercent());
            if (store.end(canary.id(), outcome)) {
                LOG.warn("Canary of {} {} {}", canary.symbolicName(), canary.version(), outcome);
            }
            return false;
        }).toList();
    }

    private Comparison compare(Canary canary) {
        List<PluginCallStats.Snapshot> stats = host.callStats().of(canary.symbolicName());
        return new Comparison(canary, totals(stats, false), totals(stats, true));
    }

    private static Totals totals(List<PluginCallStats.Snapshot> stats, boolean canary) {
        long calls = 0;
        long errors = 0;
        double millis = 0;
        for (PluginCallStats.Snapshot s : stats) {
            if (s.key().canary() == canary) {
                calls += s.calls();
                errors += s.errors();
                millis += s.meanMillis() * s.calls();
            }
        }
        return new Totals(calls, errors, calls == 0 ? 0 : millis / calls);
    }

    /** Writes the canary's jar into the deploy folder unless it is there already (atomically, staged dot-named). */
    private void place(Canary canary) throws IOException {
        Path target = deployDir.resolve(CanaryFiles.fileName(canary.symbolicName()));
        if (Files.exists(target) && canary.sha256().equals(DeployFolderWatcher.sha256(target))) {
            return;
        }
        Optional<byte[]> jar = store.content(canary.id());
        if (jar.isEmpty()) {
            return;
        }
        Path staged = Files.createTempFile(deployDir, ".canary-", ".tmp");
        try {
            Files.write(staged, jar.get());
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staged);
        }
        LOG.info("Installed the canary of {} {} as {}", canary.symbolicName(), canary.version(), target.getFileName());
    }

    /** Deletes canary jars of bundles with no running canary; the host drains and uninstalls them. */
    private void removeEnded(Set<String> runningBundles) throws IOException {
        try (Stream<Path> files = Files.list(deployDir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (CanaryFiles.isCanary(name) && !runningBundles.contains(
                        name.substring(0, name.length() - CanaryFiles.SUFFIX.length()))) {
                    Files.deleteIfExists(file);
                    LOG.info("Removed the canary jar {}: its canary ended", name);
                }
            }
        }
    }
}
