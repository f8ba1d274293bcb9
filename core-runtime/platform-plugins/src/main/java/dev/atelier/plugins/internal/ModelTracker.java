package dev.atelier.plugins.internal;

import dev.atelier.plugins.ModelInfo;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.ModelDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows GenerationModel services as bundles register and unregister them, reads each descriptor once, and publishes
 * an immutable {@link ModelSnapshot} after every change.
 */
public final class ModelTracker implements ServiceListener {

    private static final Logger LOG = LoggerFactory.getLogger(ModelTracker.class);
    /** A descriptor is a constant; waiting long for one would hold up every deployment behind it. */
    private static final Duration MAX_DESCRIPTOR_WAIT = Duration.ofSeconds(30);
    private static final String FILTER = "(" + Constants.OBJECTCLASS + "=" + GenerationModel.class.getName() + ")";

    private final BundleContext context;
    private final PluginCallRunner runner;
    private final BundleActivities activities;
    private final Duration descriptorTimeout;
    private final Map<ServiceReference<?>, ModelEntry> entries = new HashMap<>();
    private final Map<ServiceReference<?>, String> failures = new HashMap<>();
    private volatile ModelSnapshot snapshot = ModelSnapshot.EMPTY;

    public ModelTracker(
            BundleContext context, PluginCallRunner runner, BundleActivities activities, Duration callTimeout) {
        this.context = context;
        this.runner = runner;
        this.activities = activities;
        this.descriptorTimeout = callTimeout.compareTo(MAX_DESCRIPTOR_WAIT) < 0 ? callTimeout : MAX_DESCRIPTOR_WAIT;
    }

    /** Starts listening; call before any plugin bundle starts, so no registration is missed. */
    public void open() {
        try {
            context.addServiceListener(this, FILTER);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void serviceChanged(ServiceEvent event) {
        ServiceReference<GenerationModel> reference = (ServiceReference<GenerationModel>) event.getServiceReference();
        switch (event.getType()) {
            case ServiceEvent.REGISTERED -> add(reference);
            case ServiceEvent.UNREGISTERING, ServiceEvent.MODIFIED_ENDMATCH -> remove(reference);
            case ServiceEvent.MODIFIED -> reRank(reference);
            default -> {}
        }
    }

    ModelSnapshot snapshot() {
        return snapshot;
    }

    /** Re-decides which service serves each model, for example after a bundle started draining. */
    synchronized void rebuild() {
        snapshot = ModelSnapshot.of(List.copyOf(entries.values()));
    }

    /** The model ids a bundle serves through working services. */
    synchronized List<String> modelIdsOf(long bundleId) {
        List<String> ids = new ArrayList<>();
        entries.values().stream().filter(e -> e.bundleId() == bundleId).forEach(e -> ids.add(e.modelId()));
        return ids;
    }

    /** The model id served by one service reference, or null when it is not a working model. */
    synchronized String modelIdOf(ServiceReference<?> reference) {
        ModelEntry entry = entries.get(reference);
        return entry == null ? null : entry.modelId();
    }

    /** Why one of the bundle's models was ignored, or null. */
    synchronized String failureOf(long bundleId) {
        return failures.entrySet().stream()
                .filter(e -> bundleIdOf(e.getKey()) == bundleId)
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Whether the host has finished reading a service's descriptor (successfully or not). */
    synchronized boolean hasProcessed(ServiceReference<?> reference) {
        return entries.containsKey(reference) || failures.containsKey(reference);
    }

    private void add(ServiceReference<GenerationModel> reference) {
        Bundle bundle = reference.getBundle();
        GenerationModel model = bundle == null ? null : context.getService(reference);
        if (model == null) {
            return;
        }
        ClassLoader loader = classLoaderOf(bundle);
        long bundleId = bundle.getBundleId();
        try {
            ModelDescriptor descriptor = runner.call(loader, model::descriptor, descriptorTimeout, () -> {});
            Objects.requireNonNull(descriptor, "descriptor() returned null");
            ModelInfo info = new ModelInfo(descriptor, bundle.getSymbolicName(), bundle.getVersion().toString());
            ModelEntry entry = new ModelEntry(
                    reference, model, info, bundleId, ranking(reference), loader, activities.of(bundleId));
            synchronized (this) {
                // The service may have gone while its descriptor was read; then it must not come back.
                if (reference.getBundle() != null) {
                    entries.put(reference, entry);
                    rebuild();
                }
            }
            LOG.info("Model {} {} is served by {} {}", descriptor.id(), descriptor.version(), info.bundleSymbolicName(),
                    info.bundleVersion());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(reference, bundle, "descriptor() was interrupted", null);
        } catch (TimeoutException e) {
            fail(reference, bundle, "descriptor() did not return within " + descriptorTimeout.toSeconds() + " s", null);
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            fail(reference, bundle, "descriptor() failed: " + describe(cause), cause);
        }
    }

    private void fail(ServiceReference<GenerationModel> reference, Bundle bundle, String reason, Throwable cause) {
        synchronized (this) {
            if (reference.getBundle() != null) {
                failures.put(reference, reason);
            }
        }
        LOG.warn("Model service of {} {} ignored: {}. Fix the model's descriptor() and redeploy.",
                bundle.getSymbolicName(), bundle.getVersion(), reason, cause);
        ungetQuietly(reference);
    }

    private void remove(ServiceReference<GenerationModel> reference) {
        ModelEntry removed;
        synchronized (this) {
            removed = entries.remove(reference);
            failures.remove(reference);
            if (removed != null) {
                rebuild();
            }
        }
        if (removed != null) {
            LOG.info("Model {} of {} {} is no longer served", removed.modelId(), removed.info().bundleSymbolicName(),
                    removed.info().bundleVersion());
            ungetQuietly(reference);
        }
    }

    private synchronized void reRank(ServiceReference<GenerationModel> reference) {
        ModelEntry entry = entries.get(reference);
        if (entry != null) {
            entries.put(reference, new ModelEntry(reference, entry.model(), entry.info(), entry.bundleId(),
                    ranking(reference), entry.bundleLoader(), entry.activity()));
            rebuild();
        }
    }

    private void ungetQuietly(ServiceReference<?> reference) {
        try {
            context.ungetService(reference);
        } catch (IllegalStateException | IllegalArgumentException e) {
            LOG.debug("Could not unget a model service", e);
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
        return loader != null ? loader : ModelTracker.class.getClassLoader();
    }

    static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
