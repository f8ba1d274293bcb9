package dev.atelier.plugins.internal;

import dev.atelier.plugins.ServedPlugin;
import org.osgi.framework.ServiceReference;

/**
 * One registered service of a kind, with what the host learned when it appeared; {@code canary} when its bundle is a
 * canary jar, which serves only the calls routed to it.
 */
record TrackedService<S, D>(
        ServiceReference<S> reference,
        S service,
        ServedPlugin<D> served,
        long bundleId,
        int ranking,
        ClassLoader bundleLoader,
        BundleActivity activity,
        boolean canary) {

    String id() {
        return served.id();
    }

    TrackedService<S, D> withRanking(int newRanking) {
        return new TrackedService<>(reference, service, served, bundleId, newRanking, bundleLoader, activity, canary);
    }
}
