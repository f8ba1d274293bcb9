package dev.atelier.plugins.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** Decides when a freshly started bundle is really serving: its services registered and read by their kinds. */
final class ServiceReadiness {

    /** How long a new version may take to register its services before its update counts as failed. */
    static final Duration SERVICE_WAIT = Duration.ofSeconds(5);

    private final DeclaredKinds kinds;

    ServiceReadiness(DeclaredKinds kinds) {
        this.kinds = kinds;
    }

    /**
     * Waits until the new version serves every kind the old one did (any service when the old one served no declared
     * kind). Services often appear a moment after start() (Declarative Services).
     */
    Optional<BundleFailure> awaitServices(Bundle fresh, Bundle old) {
        List<KindTracker<?, ?>> oldKinds = kinds.servedBy(old.getBundleId());
        if (oldKinds.isEmpty() && !hasServices(old)) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + SERVICE_WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            boolean settled = allRead(fresh);
            boolean serving = oldKinds.isEmpty()
                    ? hasServices(fresh)
                    : oldKinds.stream().allMatch(t -> !t.idsOf(fresh.getBundleId()).isEmpty());
            if (serving && settled) {
                return Optional.empty();
            }
            String failure = kinds.failureOf(fresh.getBundleId());
            if (settled && failure != null) {
                return Optional.of(new BundleFailure(failure, "Fix the service and redeploy."));
            }
            if (!sleepBriefly()) {
                break;
            }
        }
        String failure = kinds.failureOf(fresh.getBundleId());
        return Optional.of(new BundleFailure(
                failure != null ? failure : "it registered no services within " + SERVICE_WAIT.toSeconds() + " s",
                "Check that the bundle registers its services when started (Declarative Services components)."));
    }

    /** Bounded wait until the trackers have read every service of {@code bundle} (model descriptors, say). */
    void awaitRead(Bundle bundle) {
        long deadline = System.nanoTime() + SERVICE_WAIT.toNanos();
        while (!allRead(bundle) && System.nanoTime() - deadline < 0 && sleepBriefly()) {
            // Listener threads are still reading services.
        }
    }

    private boolean allRead(Bundle bundle) {
        for (var reference : registeredServices(bundle)) {
            if (!kinds.hasProcessed(reference)) {
                return false;
            }
        }
        return true;
    }

    static boolean hasServices(Bundle bundle) {
        return registeredServices(bundle).length > 0;
    }

    static ServiceReference<?>[] registeredServices(Bundle bundle) {
        try {
            var references = bundle.getRegisteredServices();
            return references == null ? new ServiceReference<?>[0] : references;
        } catch (IllegalStateException uninstalled) {
            return new ServiceReference<?>[0];
        }
    }

    private static boolean sleepBriefly() {
        try {
            TimeUnit.MILLISECONDS.sleep(10);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
