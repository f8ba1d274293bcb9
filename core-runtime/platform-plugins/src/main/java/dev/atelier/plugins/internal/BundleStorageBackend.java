package dev.atelier.plugins.internal;

import dev.atelier.spi.storage.ObjectNotFoundException;
import dev.atelier.spi.storage.StorageBackend;
import dev.atelier.spi.storage.StorageException;
import dev.atelier.spi.storage.StoredObject;
import dev.atelier.spi.tenant.TenantContext;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the platform holds of a storage backend: each call goes to the service chosen for the id at that moment, runs
 * with that bundle's class loader as context class loader (SDKs embedded in bundles load their parts through it) and
 * is counted on the bundle, so a bundle being replaced is not uninstalled under a running call.
 */
final class BundleStorageBackend implements StorageBackend {

    // A closed bundle leaves the choice right after closing; a few retries bridge that moment.
    private static final int MAX_ATTEMPTS = 100;

    private final String backendId;
    private final Function<String, Optional<StorageEntry>> chooser;

    BundleStorageBackend(String backendId, Function<String, Optional<StorageEntry>> chooser) {
        this.backendId = backendId;
        this.chooser = chooser;
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
        StorageEntry entry = enter();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(entry.bundleLoader());
        long started = System.nanoTime();
        boolean failed = true;
        try {
            T result = call.on(entry.backend());
            failed = false;
            return result;
        } catch (ObjectNotFoundException e) {
            // Asking for a missing object is an answer, not a failure of the backend.
            failed = false;
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
            entry.activity().exit();
            entry.activity().record(System.nanoTime() - started, failed);
        }
    }

    private StorageEntry enter() throws StorageException {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<StorageEntry> entry = chooser.apply(backendId);
            if (entry.isEmpty()) {
                break;
            }
            if (entry.get().activity().tryEnter()) {
                return entry.get();
            }
            Thread.onSpinWait();
        }
        throw new StorageException("Storage backend '" + backendId + "' is not deployed right now");
    }

    @FunctionalInterface
    private interface StorageCall<T> {
        T on(StorageBackend backend) throws StorageException;
    }
}
