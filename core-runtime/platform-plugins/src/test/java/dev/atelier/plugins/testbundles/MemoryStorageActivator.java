package dev.atelier.plugins.testbundles;

import dev.atelier.spi.storage.StorageBackend;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Registers a {@link MemoryStorage}. Manifest headers steer it: {@code Storage-Id} (the backend id; when the header is
 * missing the service has no id property at all) and {@code Storage-Ranking} (service.ranking).
 */
public final class MemoryStorageActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Dictionary<String, String> headers = context.getBundle().getHeaders();
        Dictionary<String, Object> properties = new Hashtable<>();
        if (headers.get("Storage-Id") != null) {
            properties.put(StorageBackend.BACKEND_ID, headers.get("Storage-Id"));
        }
        if (headers.get("Storage-Ranking") != null) {
            properties.put(Constants.SERVICE_RANKING, Integer.valueOf(headers.get("Storage-Ranking")));
        }
        MemoryStorage storage = new MemoryStorage(context.getBundle().getVersion().toString(),
                context.getProperty("atelier.storage.local.dir"));
        context.registerService(StorageBackend.class, storage, properties);
    }

    @Override
    public void stop(BundleContext context) {
        // The framework unregisters the service.
    }
}
