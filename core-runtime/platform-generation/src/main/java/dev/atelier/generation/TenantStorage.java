package dev.atelier.generation;

import dev.atelier.plugins.TenantBindings;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.plugins.BoundPlugin;
import dev.atelier.plugins.PluginCallException;
import dev.atelier.plugins.PluginKinds;
import dev.atelier.plugins.StorageCalls;
import dev.atelier.plugins.StorageRegistry;
import dev.atelier.spi.storage.StorageBackend;
import dev.atelier.spi.storage.StorageException;
import dev.atelier.spi.storage.StoredObject;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The storage plugin a tenant chose ({@code storage: {plugin: ...}} in its settings), with the tenant's settings for
 * it and the request's or job's correlation id passed into every call. Keys are always built here, under the
 * tenant's id, so no request can name another tenant's object.
 */
public final class TenantStorage {

    /** The backend used when a tenant names none. */
    public static final String DEFAULT_BACKEND = PluginKinds.STORAGE.defaultPlugin();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final StorageRegistry registry;

    public TenantStorage(StorageRegistry registry) {
        this.registry = registry;
    }

    /** An output of a job: {@code <tenant>/outputs/<jobId>-<n>.<ext>}. */
    public static String outputKey(Tenant tenant, String jobId, int index, String extension) {
        return tenant.id() + "/outputs/" + id(jobId) + "-" + index + "." + extension;
    }

    /** The thumbnail (or video poster) of an output. */
    public static String thumbnailKey(Tenant tenant, String jobId, int index) {
        return tenant.id() + "/outputs/" + id(jobId) + "-" + index + "-thumb.jpg";
    }

    /** An uploaded input. */
    public static String uploadKey(Tenant tenant, String uploadId, String extension) {
        return tenant.id() + "/uploads/" + id(uploadId) + "." + extension;
    }

    /** Whether {@code key} lies in the tenant's space (a signed media URL must name the host's tenant). */
    public static boolean belongsTo(Tenant tenant, String key) {
        return key.startsWith(tenant.id() + "/") && !key.contains("..");
    }

    public StoredObject put(Tenant tenant, String key, InputStream content, long length, String contentType)
            throws StorageException {
        return call(tenant, (backend, context) -> backend.put(key, content, length, contentType, context));
    }

    public InputStream get(Tenant tenant, String key) throws StorageException {
        return call(tenant, (backend, context) -> backend.get(key, context));
    }

    public Optional<StoredObject> stat(Tenant tenant, String key) throws StorageException {
        return call(tenant, (backend, context) -> backend.stat(key, context));
    }

    public boolean delete(Tenant tenant, String key) throws StorageException {
        return call(tenant, (backend, context) -> backend.delete(key, context));
    }

    /** A URL of the backend itself (S3 presigned), or empty when the platform must serve the object. */
    public Optional<URI> readUrl(Tenant tenant, String key, Duration ttl) throws StorageException {
        return call(tenant, (backend, context) -> backend.readUrl(key, ttl, context));
    }

    /** Whether the tenant's storage plugin is deployed right now. */
    public boolean available(Tenant tenant) {
        return registry.bind(TenantBindings.of(tenant)).available();
    }

    private <T> T call(Tenant tenant, BoundPlugin.TenantCall<StorageBackend, T> call) throws StorageException {
        BoundPlugin<StorageBackend> bound = registry.bind(TenantBindings.of(tenant));
        try {
            return bound.call(call);
        } catch (PluginCallException e) {
            throw StorageCalls.unwrap(e, bound.plugin());
        }
    }

    private static String id(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an id: " + id);
        }
        return id;
    }
}
