package dev.atelier.plugins.internal;

import dev.atelier.spi.storage.StorageBackend;
import org.osgi.framework.ServiceReference;

/** One registered StorageBackend service with the id and ranking it declared. */
record StorageEntry(
        ServiceReference<StorageBackend> reference,
        StorageBackend backend,
        String backendId,
        long bundleId,
        int ranking,
        ClassLoader bundleLoader,
        BundleActivity activity) {

    StorageEntry withProperties(String newBackendId, int newRanking) {
        return new StorageEntry(reference, backend, newBackendId, bundleId, newRanking, bundleLoader, activity);
    }
}
