package dev.atelier.plugins.internal;

import dev.atelier.spi.model.GenerationModel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** Decides when a freshly started bundle is really serving: its services registered and its models described. */
final class ServiceReadiness {

    /** How long a new version may take to register its services before its update counts as failed. */
    static final Duration SERVICE_WAIT = Duration.ofSeconds(5);

    private final ModelTracker tracker;

    ServiceReadiness(ModelTracker tracker) {
        this.tracker = tracker;
    }

    /**
     * Waits until the new version serves what the old one did: models if the old one had models, any service
     * otherwise. Services often appear a moment after start() (Declarative Services).
     */
    Optional<BundleFailure> awaitServices(Bundle fresh, Bundle old) {
        boolean oldHadModels = !tracker.modelIdsOf(old.getBundleId()).isEmpty();
        boolean oldHadServices = oldHadModels || hasServices(old);
        if (!oldHadServices) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + SERVICE_WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            boolean settled = descriptorsRead(fresh);
            boolean serving = oldHadModels ? !tracker.modelIdsOf(fresh.getBundleId()).isEmpty() : hasServices(fresh);
            if (serving && settled) {
                return Optional.empty();
            }
            String failure = tracker.failureOf(fresh.getBundleId());
            if (settled && failure != null) {
                return Optional.of(new BundleFailure(failure, "Fix the model's descriptor() and redeploy."));
            }
            if (!sleepBriefly()) {
                break;
            }
        }
        String failure = tracker.failureOf(fresh.getBundleId());
        return Optional.of(new BundleFailure(
                failure != null ? failure : "it registered no services within " + SERVICE_WAIT.toSeconds() + " s",
                "Check that the bundle registers its services when started (Declarative Services components)."));
    }

    /** Bounded wait until the tracker has read every model descriptor of {@code bundle}. */
    void awaitDescriptors(Bundle bundle) {
        long deadline = System.nanoTime() + SERVICE_WAIT.toNanos();
        while (!descriptorsRead(bundle) && System.nanoTime() - deadline < 0 && sleepBriefly()) {
            // Listener threads are still reading descriptors.
        }
    }

    private boolean descriptorsRead(Bundle bundle) {
        var references = registeredServices(bundle);
        for (var reference : references) {
            Object classes = reference.getProperty(Constants.OBJECTCLASS);
            boolean isModel = classes instanceof String[] names
                    && List.of(names).contains(GenerationModel.class.getName());
            if (isModel && !tracker.hasProcessed(reference)) {
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
