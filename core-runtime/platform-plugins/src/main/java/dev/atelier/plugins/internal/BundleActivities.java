package dev.atelier.plugins.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link BundleActivity} of every installed bundle, by bundle id. */
public final class BundleActivities {

    private final Map<Long, BundleActivity> byBundle = new ConcurrentHashMap<>();

    BundleActivity of(long bundleId) {
        return byBundle.computeIfAbsent(bundleId, id -> new BundleActivity());
    }

    /** The bundle's activity without creating one: status reads must not resurrect uninstalled bundles. */
    BundleActivity peek(long bundleId) {
        return byBundle.get(bundleId);
    }

    void forget(long bundleId) {
        byBundle.remove(bundleId);
    }
}
