package dev.atelier.plugins.internal;

import dev.atelier.plugins.PluginCallException;
import dev.atelier.plugins.PluginRegistry;
import dev.atelier.plugins.StorageCalls;
import dev.atelier.spi.storage.StorageBackend;
import dev.atelier.spi.storage.StorageException;
import dev.atelier.spi.storage.StoredObject;
import dev.atelier.spi.tenant.TenantContext;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * What the platform holds of a storage backend: each call goes through the storage {@link PluginRegistry} to the
 * service chosen for the id at that moment, on the caller's thread (a backend bounds its own network calls).
 */
final class BundleStorageBackend implements StorageBackend {

    private final String backendId;
    private final PluginRegistry<StorageBackend, ?> registry;

    BundleStorageBackend(String backendId, PluginRegistry<StorageBackend, ?> registry) {
        this.backendId = backendId;
        this.registry = registry;
    }

    @Override
    public StoredObject put(String key, InputStream content, long length, String contentType, TenantContext tenant)
            throws StorageException {
        return call(backend -> backend.put(key, content, length, contentType, tenant));
    }

    @Override
    public InputStream get(String key, TenantContext tenant) throws StorageException {
        return call(backend -> backend.get(key, tenant));
    }

    @Override
    public Optional<StoredObject> stat(String key, TenantContext tenant) throws StorageException {
        return call(backend -> backend.stat(key, tenant));
    }

    @Override
    public boolean exists(String key, TenantContext tenant) throws StorageException {
        return call(backend -> backend.exists(key, tenant));
    }

    @Override
    public boolean delete(String key, TenantContext tenant) throws StorageException {
        return call(backend -> backend.delete(key, tenant));
    }

    @Override
    public Optional<URI> readUrl(String key, Duration ttl, TenantContext tenant) throws StorageException {
        return call(backend -> backend.readUrl(key, ttl, tenant));
    }

    @Override
    public String toString() {
        return "StorageBackend[" + backendId + "]";
    }

    private <T> T call(StorageCall<T> call) throws StorageException {
        try {
            return registry.call(backendId, null, call::on);
        } catch (PluginCallException e) {
            throw StorageCalls.unwrap(e, backendId);
        }
    }

    @FunctionalInterface
    private interface StorageCall<T> {
        T on(StorageBackend backend) throws StorageException;
    }
}
