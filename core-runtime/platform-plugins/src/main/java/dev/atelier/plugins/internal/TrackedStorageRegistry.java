package dev.atelier.plugins.internal;

import dev.atelier.plugins.BoundPlugin;
import dev.atelier.plugins.PluginBindings;
import dev.atelier.plugins.PluginRegistry;
import dev.atelier.plugins.StorageRegistry;
import dev.atelier.spi.storage.StorageBackend;
import java.util.List;
import java.util.Optional;

/** {@link StorageRegistry} over the storage {@link PluginRegistry}: hands out backends that call through it. */
public final class TrackedStorageRegistry implements StorageRegistry {

    private final PluginRegistry<StorageBackend, ?> backends;

    public TrackedStorageRegistry(PluginRegistry<StorageBackend, ?> backends) {
        this.backends = backends;
    }

    @Override
    public Optional<StorageBackend> find(String backendId) {
        return backends.find(backendId).map(served -> new BundleStorageBackend(backendId, backends));
    }

    @Override
    public List<String> ids() {
        return backends.ids();
    }

    @Override
    public BoundPlugin<StorageBackend> bind(PluginBindings bindings) {
        // The storage kind has a default plugin, so every tenant is bound to one.
        return backends.bind(bindings).orElseThrow();
    }
}
