package dev.atelier.plugins;

import dev.atelier.spi.storage.StorageBackend;
import java.util.List;
import java.util.Optional;

/**
 * The storage backends deployed right now. Thread-safe.
 *
 * <p>A backend is a {@link StorageBackend} service with the service property
 * {@value dev.atelier.spi.storage.StorageBackend#BACKEND_ID}; services without it are ignored. When several services
 * declare the same id, one is chosen exactly as for models: services of a bundle that is draining (being replaced or
 * removed) only if nothing else offers the id, then the highest {@code service.ranking}, then the most recently
 * installed bundle.
 */
public interface StorageRegistry {

    /**
     * The backend registered under {@code backendId}, or empty when no bundle serves that id.
     *
     * <p>The returned object calls the plugin on the caller's thread with the plugin bundle's class loader as thread
     * context class loader, and counts each call on the bundle, so a bundle being replaced finishes its running calls
     * before it is uninstalled. Each call goes to the service chosen for {@code backendId} at that moment: a handle kept
     * across a blue/green update reaches the new version; once no bundle serves the id, its calls throw
     * {@link dev.atelier.spi.storage.StorageException} saying so.
     */
    Optional<StorageBackend> find(String backendId);

    /** The ids of the backends being served, sorted. */
    List<String> ids();

    /**
     * The backend a tenant bound under {@code storage} in its settings, or the default {@code local}, with the
     * tenant's settings for it; see {@link PluginRegistry#bind(PluginBindings)}.
     */
    BoundPlugin<StorageBackend> bind(PluginBindings bindings);
}
