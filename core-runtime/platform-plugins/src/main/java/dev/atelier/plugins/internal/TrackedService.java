package dev.atelier.plugins.internal;

import dev.atelier.plugins.ServedPlugin;
import org.osgi.framework.ServiceReference;

/** One registered service of a kind, with what the host learned when it appeared. */
record TrackedService<S, D>(
        ServiceReference<S> reference,
        S service,
        ServedPlugin<D> served,
        long bundleId,
        int ranking,
        ClassLoader bundleLoader,
        BundleActivity activity) {

    String id() {
        return served.id();
    }

    TrackedService<S, D> withRanking(int newRanking) {
        return new TrackedService<>(reference, service, served, bundleId, newRanking, bundleLoader, activity);
    }
}
