package dev.atelier.plugins.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Takes a bundle out of service without failing calls: stop routing to it, let running calls finish, uninstall. */
final class BundleRetirement {

    private static final Logger LOG = LoggerFactory.getLogger(BundleRetirement.class);
    private static final long REFRESH_WAIT_SECONDS = 10;

    private final BundleContext context;
    private final DeclaredKinds kinds;
    private final BundleActivities activities;
    private final Duration drainTimeout;

    BundleRetirement(BundleContext context, DeclaredKinds kinds, BundleActivities activities, Duration drainTimeout) {
        this.context = context;
        this.kinds = kinds;
        this.activities = activities;
        this.drainTimeout = drainTimeout;
    }

    /** Drains (bounded by the drain timeout) and then uninstalls {@code bundle}. */
    void retire(Bundle bundle) {
        BundleActivity activity = activities.of(bundle.getBundleId());
        // Draining first lets a replacement take over while this bundle still counts as a fallback...
        activity.startDraining();
        kinds.rebuild();
        // ...then closing makes late arrivals retry on the new snapshot instead of entering.
        activity.close();
        kinds.rebuild();
        try {
            if (!activity.awaitIdle(drainTimeout)) {
                LOG.warn("{} {} still had {} calls running after {} s; uninstalling it anyway",
                        bundle.getSymbolicName(), bundle.getVersion(), activity.inFlight(), drainTimeout.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        uninstall(bundle);
    }

    /** Uninstalls and refreshes at once, so the bundle's class loader and wiring are released. */
    private void uninstall(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("Could not uninstall {} {}: {}", bundle.getSymbolicName(), bundle.getVersion(), e.getMessage());
        }
        activities.forget(bundle.getBundleId());
        refresh(bundle);
    }

    private void refresh(Bundle bundle) {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> done.countDown());
        try {
            if (!done.await(REFRESH_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Refresh after uninstalling {} did not finish within {} s", bundle.getSymbolicName(),
                        REFRESH_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
