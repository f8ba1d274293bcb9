package dev.atelier.plugins.internal;

import dev.atelier.plugins.StorageRegistry;
import dev.atelier.spi.storage.StorageBackend;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Follows StorageBackend services as bundles register and unregister them and chooses one per backend id.
 *
 * <p>Unlike models there is no descriptor to read, so the choice is made on every lookup from the few entries there
 * are; that way a bundle starting to drain is passed over at once without the retirement having to tell this class.
 */
public final class StorageTracker implements ServiceListener, StorageRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(StorageTracker.class);
    private static final String FILTER = "(" + Constants.OBJECTCLASS + "=" + StorageBackend.class.getName() + ")";
    // Trap 7: the registration order means nothing, so the choice is explicit: ranking first, then the newest bundle.
    private static final Comparator<StorageEntry> PREFERENCE =
            Comparator.comparingInt(StorageEntry::ranking).thenComparingLong(StorageEntry::bundleId);

    private final BundleContext context;
    private final BundleActivities activities;
    private final Map<ServiceReference<?>, StorageEntry> entries = new HashMap<>();

    public StorageTracker(BundleContext context, BundleActivities activities) {
        this.context = context;
        this.activities = activities;
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
        ServiceReference<StorageBackend> reference = (ServiceReference<StorageBackend>) event.getServiceReference();
        switch (event.getType()) {
            case ServiceEvent.REGISTERED -> add(reference);
            case ServiceEvent.UNREGISTERING, ServiceEvent.MODIFIED_ENDMATCH -> remove(reference);
            case ServiceEvent.MODIFIED -> modified(reference);
            default -> {}
        }
    }

    @Override
    public Optional<StorageBackend> find(String backendId) {
        return chosen(backendId).map(entry -> new BundleStorageBackend(backendId, this::chosen));
    }

    @Override
    public synchronized List<String> ids() {
        return entries.values().stream()
                .filter(e -> !e.activity().isClosed())
                .map(StorageEntry::backendId)
                .distinct()
                .sorted()
                .toList();
    }

    /** The service serving {@code backendId} right now. */
    synchronized Optional<StorageEntry> chosen(String backendId) {
        List<StorageEntry> candidates = entries.values().stream()
                .filter(e -> e.backendId().equals(backendId) && !e.activity().isClosed())
                .toList();
        List<StorageEntry> serving = candidates.stream().filter(e -> !e.activity().isDraining()).toList();
        return (serving.isEmpty() ? candidates : serving).stream().max(PREFERENCE);
    }

    private void add(ServiceReference<StorageBackend> reference) {
        String backendId = backendIdOf(reference);
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return;
        }
        if (backendId == null) {
            LOG.warn("Storage backend of {} {} ignored: it has no service property {}. Register it with that "
                    + "property naming the backend.", bundle.getSymbolicName(), bundle.getVersion(),
                    StorageBackend.BACKEND_ID);
            return;
        }
        StorageBackend backend = context.getService(reference);
        if (backend == null) {
            return;
        }
        StorageEntry entry = new StorageEntry(reference, backend, backendId, bundle.getBundleId(), ranking(reference),
                classLoaderOf(bundle), activities.of(bundle.getBundleId()));
        synchronized (this) {
            entries.put(reference, entry);
        }
        LOG.info("Storage backend {} is served by {} {}", backendId, bundle.getSymbolicName(), bundle.getVersion());
    }

    private void remove(ServiceReference<StorageBackend> reference) {
        StorageEntry removed;
        synchronized (this) {
            removed = entries.remove(reference);
        }
        if (removed != null) {
            Bundle bundle = reference.getBundle();
            LOG.info("Storage backend {} of {} is no longer served", removed.backendId(),
                    bundle == null ? "bundle " + removed.bundleId() : bundle.getSymbolicName() + " " + bundle.getVersion());
            try {
                context.ungetService(reference);
            } catch (IllegalStateException | IllegalArgumentException e) {
                LOG.debug("Could not unget a storage service", e);
            }
        }
    }

    private void modified(ServiceReference<StorageBackend> reference) {
        String backendId = backendIdOf(reference);
        boolean known;
        synchronized (this) {
            StorageEntry entry = entries.get(reference);
            known = entry != null;
            if (known && backendId != null) {
                entries.put(reference, entry.withProperties(backendId, ranking(reference)));
            }
        }
        if (!known && backendId != null) {
            add(reference);
        } else if (known && backendId == null) {
            remove(reference);
        }
    }

    private static String backendIdOf(ServiceReference<?> reference) {
        Object id = reference.getProperty(StorageBackend.BACKEND_ID);
        return id instanceof String value && !value.isBlank() ? value : null;
    }

    private static int ranking(ServiceReference<?> reference) {
        return reference.getProperty(Constants.SERVICE_RANKING) instanceof Integer value ? value : 0;
    }

    private static ClassLoader classLoaderOf(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        ClassLoader loader = wiring == null ? null : wiring.getClassLoader();
        return loader != null ? loader : StorageTracker.class.getClassLoader();
    }
}
