package dev.atelier.plugins.internal;

import dev.atelier.plugins.DeploymentEvent;
import dev.atelier.plugins.DeploymentListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, updates (blue/green) and removes bundles as jars appear, change and disappear in the deploy folder. Runs on
 * the watcher's single thread, so actions never overlap; others only read {@link #files()}.
 */
public final class BundleDeployer implements DeployFolderWatcher.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(BundleDeployer.class);

    private final BundleContext context;
    private final BundleActivities activities;
    private final BundleRetirement retirement;
    private final ServiceReadiness readiness;
    private final DeploymentEvents events;
    private final Map<String, DeployedFile> files = new ConcurrentHashMap<>();
    private final AtomicLong installs = new AtomicLong();

    public BundleDeployer(
            BundleContext context,
            DeclaredKinds kinds,
            BundleActivities activities,
            Duration drainTimeout,
            DeploymentListener listener) {
        this.context = context;
        this.activities = activities;
        this.retirement = new BundleRetirement(context, kinds, activities, drainTimeout);
        this.readiness = new ServiceReadiness(kinds);
        this.events = new DeploymentEvents(listener);
    }

    /** What was done with each jar, by file name. */
    Map<String, DeployedFile> files() {
        return files;
    }

    /** Whether the jar named {@code fileName} with content {@code hash} has been acted on. */
    public boolean hasProcessed(String fileName, String hash) {
        DeployedFile file = files.get(fileName);
        return file != null && file.hash().equals(hash);
    }

    /** Whether nothing is installed from {@code fileName} any more. */
    public boolean isGone(String fileName) {
        return !files.containsKey(fileName);
    }

    /** File names of the jars whose bundle has {@code symbolicName}. */
    public List<String> fileNamesOf(String symbolicName) {
        return files.values().stream()
                .filter(f -> symbolicName.equals(f.symbolicName()))
                .map(DeployedFile::fileName)
                .sorted()
                .toList();
    }

    @Override
    public void added(Path jar, String hash) {
        if (installFresh(jar, hash)) {
            startWaitingBundles();
        }
    }

    @Override
    public void changed(Path jar, String hash) {
        String name = jar.getFileName().toString();
        DeployedFile current = files.get(name);
        if (current == null || current.bundle() == null || current.bundle().getState() != Bundle.ACTIVE) {
            // Nothing is serving from this file, so there is nothing to protect: replace it outright.
            if (current != null && current.bundle() != null) {
                retirement.retire(current.bundle());
            }
            added(jar, hash);
            return;
        }
        updateBlueGreen(jar, hash, current);
    }

    @Override
    public void removed(String fileName) {
        DeployedFile current = files.get(fileName);
        if (current == null) {
            return;
        }
        if (current.bundle() != null) {
            retirement.retire(current.bundle());
        }
        files.remove(fileName);
        LOG.info("Removed {} {} ({} was deleted)", current.symbolicName(), current.version(), fileName);
        events.publish(DeploymentEvent.REMOVED, fileName, current.symbolicName(), current.version(), "removed");
    }

    private boolean installFresh(Path jar, String hash) {
        String name = jar.getFileName().toString();
        JarFacts facts;
        try {
            facts = JarInspector.inspect(jar);
        } catch (InvalidJarException e) {
            reject(new DeployedFile(name, hash, null, null, null, null, Instant.now()), BundleFailure.notInstallable(
                    e.getMessage()));
            return false;
        }
        DeployedFile unInstalled = new DeployedFile(name, hash, null, facts.symbolicName(), facts.version(), null,
                Instant.now());
        Bundle bundle;
        try {
            bundle = install(jar, name);
        } catch (BundleException e) {
            reject(unInstalled, BundleFailure.installFailed(e));
            return false;
        }
        Optional<BundleFailure> failure = start(bundle);
        DeployedFile file = new DeployedFile(name, hash, bundle, facts.symbolicName(), facts.version(), null,
                Instant.now());
        if (failure.isPresent()) {
            reject(file, failure.get());
            return false;
        }
        readiness.awaitRead(bundle);
        files.put(name, file);
        LOG.info("Installed {} {} from {}", facts.symbolicName(), facts.version(), name);
        events.publish(DeploymentEvent.INSTALLED, name, facts.symbolicName(), facts.version(), "installed");
        return true;
    }

    private void updateBlueGreen(Path jar, String hash, DeployedFile current) {
        String name = current.fileName();
        Bundle old = current.bundle();
        JarFacts facts;
        try {
            facts = JarInspector.inspect(jar);
        } catch (InvalidJarException e) {
            keepOld(current, hash, "?", BundleFailure.notInstallable(e.getMessage()));
            return;
        }
        Bundle fresh;
        try {
            fresh = install(jar, name);
        } catch (BundleException e) {
            keepOld(current, hash, facts.version(), BundleFailure.installFailed(e));
            return;
        }
        Optional<BundleFailure> failure = start(fresh).or(() -> readiness.awaitServices(fresh, old));
        if (failure.isPresent()) {
            // Retire rather than uninstall: a service it did register may already be taking calls.
            retirement.retire(fresh);
            keepOld(current, hash, facts.version(), failure.get());
            return;
        }
        // The new version serves now; only then does the old one stop taking calls.
        retirement.retire(old);
        files.put(name, new DeployedFile(name, hash, fresh, facts.symbolicName(), facts.version(), null,
                Instant.now()));
        LOG.info("Updated {} from {} to {}", facts.symbolicName(), current.version(), facts.version());
        events.publish(DeploymentEvent.UPDATED, name, facts.symbolicName(), facts.version(),
                "updated from " + current.version());
        startWaitingBundles();
    }

    private void keepOld(DeployedFile current, String hash, String newVersion, BundleFailure failure) {
        String error = "update to " + newVersion + " failed: " + failure.reason() + "; still serving "
                + current.version();
        files.put(current.fileName(), current.withError(hash, error));
        LOG.warn("{}: {}. {}", current.fileName(), error, failure.hint());
        events.publish(DeploymentEvent.FAILED, current.fileName(), current.symbolicName(), newVersion, error);
    }

    private void reject(DeployedFile file, BundleFailure failure) {
        files.put(file.fileName(), file.withError(file.hash(), failure.reason()));
        LOG.warn("{} is not serving: {}. {}", file.fileName(), failure.reason(), failure.hint());
        events.publish(DeploymentEvent.FAILED, file.fileName(), file.symbolicName(), file.version(), failure.reason());
    }

    private Bundle install(Path jar, String name) throws BundleException {
        // A unique location per install lets the new version sit beside the old one during an update.
        String location = "atelier-deploy:" + name + "#" + installs.incrementAndGet();
        try (InputStream in = Files.newInputStream(jar)) {
            Bundle bundle = context.installBundle(location, in);
            activities.of(bundle.getBundleId());
            return bundle;
        } catch (IOException e) {
            throw new BundleException("could not read " + name + ": " + e.getMessage(), e);
        }
    }

    private Optional<BundleFailure> start(Bundle bundle) {
        if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return Optional.empty();
        }
        try {
            bundle.start();
            return Optional.empty();
        } catch (BundleException e) {
            LOG.debug("Start of {} {} failed", bundle.getSymbolicName(), bundle.getVersion(), e);
            return Optional.of(BundleFailure.startFailed(e));
        } catch (IllegalStateException e) {
            return Optional.of(new BundleFailure("start failed: " + e.getMessage(), "Redeploy the bundle."));
        }
    }

    /** A bundle that failed to resolve may start once another deployment provides what it missed. */
    private void startWaitingBundles() {
        for (DeployedFile file : List.copyOf(files.values())) {
            Bundle bundle = file.bundle();
            if (bundle == null || bundle.getState() != Bundle.INSTALLED || file.lastError() == null
                    || !file.lastError().startsWith("missing requirement")) {
                continue;
            }
            if (start(bundle).isEmpty()) {
                readiness.awaitRead(bundle);
                files.put(file.fileName(), file.withError(file.hash(), null));
                LOG.info("Started {} {}: what it required is deployed now", file.symbolicName(), file.version());
                events.publish(DeploymentEvent.INSTALLED, file.fileName(), file.symbolicName(), file.version(),
                        "started once its requirements were deployed");
            }
        }
    }
}
