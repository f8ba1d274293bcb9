package dev.atelier.plugins.internal;

import dev.atelier.plugins.AppearingService;
import dev.atelier.plugins.CanaryFiles;
import dev.atelier.plugins.PluginKind;
import dev.atelier.plugins.RejectedServiceException;
import dev.atelier.plugins.ServedPlugin;
import dev.atelier.plugins.ServiceIdentity;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.PluginService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the services of one {@link PluginKind} as bundles register and unregister them, reads each once with the
 * kind's reader, and publishes an immutable {@link ServiceChoice} after every change.
 */
public final class KindTracker<S, D> implements ServiceListener {

    private static final Logger LOG = LoggerFactory.getLogger(KindTracker.class);
    /** A description is a constant; waiting long for one would hold up every deployment behind it. */
    private static final Duration MAX_READ_WAIT = Duration.ofSeconds(30);

    private final PluginKind<S, D> kind;
    private final BundleContext context;
    private final PluginCallRunner runner;
    private final BundleActivities activities;
    private final Duration readTimeout;
    private final Map<ServiceReference<?>, TrackedService<S, D>> entries = new HashMap<>();
    private final Map<ServiceReference<?>, String> failures = new HashMap<>();
    private volatile ServiceChoice<S, D> choice = ServiceChoice.empty();

    KindTracker(PluginKind<S, D> kind, BundleContext context, PluginCallRunner runner, BundleActivities activities,
            Duration callTimeout) {
        this.kind = kind;
        this.context = context;
        this.runner = runner;
        this.activities = activities;
        this.readTimeout = callTimeout.compareTo(MAX_READ_WAIT) < 0 ? callTimeout : MAX_READ_WAIT;
    }

    /** Starts listening; call before any plugin bundle starts, so no registration is missed. */
    void open() {
        try {
            context.addServiceListener(this, "(" + Constants.OBJECTCLASS + "=" + kind.spi().getName() + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    PluginKind<S, D> kind() {
        return kind;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void serviceChanged(ServiceEvent event) {
        ServiceReference<S> reference = (ServiceReference<S>) event.getServiceReference();
        switch (event.getType()) {
            case ServiceEvent.REGISTERED -> add(reference);
            case ServiceEvent.UNREGISTERING, ServiceEvent.MODIFIED_ENDMATCH -> remove(reference);
            case ServiceEvent.MODIFIED -> modified(reference);
            default -> {}
        }
    }

    ServiceChoice<S, D> choice() {
        return choice;
    }

    /** Re-decides which service serves each id, for example after a bundle started draining. */
    synchronized void rebuild() {
        choice = ServiceChoice.of(List.copyOf(entries.values()));
    }

    /** The ids a bundle serves through working services. */
    synchronized List<String> idsOf(long bundleId) {
        List<String> ids = new ArrayList<>();
        entries.values().stream().filter(e -> e.bundleId() == bundleId).forEach(e -> ids.add(e.id()));
        return ids;
    }

    /** The id served by one service reference, or null when it is not a working service. */
    synchronized String idOf(ServiceReference<?> reference) {
        TrackedService<S, D> entry = entries.get(reference);
        return entry == null ? null : entry.id();
    }

    /** Why one of the bundle's services of this kind was ignored, or null. */
    synchronized String failureOf(long bundleId) {
        return failures.entrySet().stream()
                .filter(e -> bundleIdOf(e.getKey()) == bundleId)
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Whether the host has finished reading a service (successfully or not). */
    synchronized boolean hasProcessed(ServiceReference<?> reference) {
        return entries.containsKey(reference) || failures.containsKey(reference);
    }

    private void add(ServiceReference<S> reference) {
        Bundle bundle = reference.getBundle();
        S service = bundle == null ? null : context.getService(reference);
        if (service == null) {
            return;
        }
        ClassLoader loader = classLoaderOf(bundle);
        try {
            ServiceIdentity<D> identity = read(reference, bundle, service, loader);
            ServedPlugin<D> served = new ServedPlugin<>(identity.id(), identity.description(),
                    bundle.getSymbolicName(), bundle.getVersion().toString(), describe(service, bundle, loader));
            TrackedService<S, D> entry = new TrackedService<>(reference, service, served, bundle.getBundleId(),
                    ranking(reference), loader, activities.of(bundle.getBundleId()),
                    CanaryFiles.isCanaryLocation(bundle.getLocation()));
            synchronized (this) {
                // The service may have gone while it was read; then it must not come back.
                if (reference.getBundle() != null) {
                    entries.put(reference, entry);
                    rebuild();
                }
            }
            LOG.info("{} {} is served by {} {}", kind.label(), served.id(), served.bundleSymbolicName(),
                    served.bundleVersion());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(reference, bundle, kind.readWhat() + " was interrupted", null);
        } catch (TimeoutException e) {
            fail(reference, bundle, kind.readWhat() + " did not return within " + readTimeout.toSeconds() + " s",
                    null);
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            fail(reference, bundle, cause instanceof RejectedServiceException
                    ? cause.getMessage()
                    : kind.readWhat() + " failed: " + BundleFailure.describe(cause), cause);
        }
    }

    /** Runs the kind's reader: bounded on a worker thread when it calls the plugin, inline when it reads properties. */
    private ServiceIdentity<D> read(ServiceReference<S> reference, Bundle bundle, S service, ClassLoader loader)
            throws InterruptedException, TimeoutException, ExecutionException {
        Map<String, Object> properties = new HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        AppearingService appearing = new AppearingService(bundle.getSymbolicName(), bundle.getVersion().toString(),
                properties);
        if (!kind.readCallsService()) {
            try {
                return kind.reader().read(service, appearing);
            } catch (Exception e) {
                throw new ExecutionException(e);
            }
        }
        return runner.call(loader, () -> kind.reader().read(service, appearing), readTimeout, () -> {});
    }

    /**
     * Reads the settings schema and disclosures a {@link PluginService} declares, bounded like the kind's reader. A
     * plugin that fails to say still serves calls; its settings are then not checked by the host.
     */
    private PluginDescription describe(S service, Bundle bundle, ClassLoader loader) throws InterruptedException {
        if (!(service instanceof PluginService plugin)) {
            return PluginDescription.NONE;
        }
        try {
            PluginDescription description = runner.call(loader, plugin::description, readTimeout, () -> {});
            return description != null ? description : PluginDescription.NONE;
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warn("{} of {} {} could not describe itself; its settings are not checked: {}", kind.label(),
                    bundle.getSymbolicName(), bundle.getVersion(), BundleFailure.describe(cause));
            return PluginDescription.NONE;
        }
    }

    private void fail(ServiceReference<S> reference, Bundle bundle, String reason, Throwable cause) {
        synchronized (this) {
            if (reference.getBundle() != null) {
                failures.put(reference, reason);
            }
        }
        LOG.warn("{} service of {} {} ignored: {}. Fix its {} and redeploy.", kind.label(), bundle.getSymbolicName(),
                bundle.getVersion(), reason, kind.readWhat(),
                cause instanceof RejectedServiceException ? null : cause);
        ungetQuietly(reference);
    }

    private void remove(ServiceReference<S> reference) {
        TrackedService<S, D> removed;
        synchronized (this) {
            removed = entries.remove(reference);
            failures.remove(reference);
            if (removed != null) {
                rebuild();
            }
        }
        if (removed != null) {
            LOG.info("{} {} of {} {} is no longer served", kind.label(), removed.id(),
                    removed.served().bundleSymbolicName(), removed.served().bundleVersion());
            ungetQuietly(reference);
        }
    }

    /**
     * A kind read from properties reads them again (the id may have changed or appeared); a kind read from the plugin
     * keeps what it read and only takes the new ranking.
     */
    private void modified(ServiceReference<S> reference) {
        if (!kind.readCallsService()) {
            remove(reference);
            synchronized (this) {
                failures.remove(reference);
            }
            add(reference);
            return;
        }
        synchronized (this) {
            TrackedService<S, D> entry = entries.get(reference);
            if (entry != null) {
                entries.put(reference, entry.withRanking(ranking(reference)));
                rebuild();
            }
        }
    }

    private void ungetQuietly(ServiceReference<?> reference) {
        try {
            context.ungetService(reference);
        } catch (IllegalStateException | IllegalArgumentException e) {
            LOG.debug("Could not unget a {} service", kind.key(), e);
        }
    }

    private static long bundleIdOf(ServiceReference<?> reference) {
        Object id = reference.getProperty(Constants.SERVICE_BUNDLEID);
        return id instanceof Long value ? value : -1;
    }

    private static int ranking(ServiceReference<?> reference) {
        return reference.getProperty(Constants.SERVICE_RANKING) instanceof Integer value ? value : 0;
    }

    private static ClassLoader classLoaderOf(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        ClassLoader loader = wiring == null ? null : wiring.getClassLoader();
        return loader != null ? loader : KindTracker.class.getClassLoader();
    }
}
