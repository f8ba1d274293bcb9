package dev.atelier.spi.storage;

import dev.atelier.spi.tenant.TenantContext;
import dev.atelier.spi.plugin.PluginService;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Keeps objects (uploads, generated images and videos) for tenants.
 *
 * <p>Implemented by plugin bundles, registered as an OSGi service under this interface with the service property
 * {@link #BACKEND_ID}. Implementations must be thread-safe and keep no per-tenant state: the tenant's settings arrive
 * in every call's {@link TenantContext}. Keys are chosen by the host, already scoped by tenant
 * (for example {@code tnt_01J.../outputs/gen_01J....png}); a backend stores them as given and must keep tenants'
 * objects apart if it adds its own prefix.
 *
 * <p>A backend that keeps objects outside the platform (a cloud service) declares its settings and that service's
 * data processing in {@link PluginService#description()}.
 *
 * <p>Every method throws {@link StorageException} when the backend cannot be reached or refuses the call; its message
 * is logged for operators and never shown to end users.
 */
@ConsumerType
public interface StorageBackend extends PluginService {

    /** Service property naming the backend, for example {@code "local"} or {@code "s3"}. Required. */
    String BACKEND_ID = "atelier.storage.id";

    /**
     * Stores an object, replacing any object with the same key. The object is visible to {@link #get} only once this
     * method returns: a failed put leaves no partial object.
     *
     * @param key object key; letters, digits, {@code / . _ -}; at most 512 characters
     * @param content the bytes; read to the end, not closed
     * @param length number of bytes in {@code content}
     * @param contentType media type, for example {@code image/png}
     * @param tenant the tenant and its settings for this backend
     * @return what was stored
     */
    StoredObject put(String key, InputStream content, long length, String contentType, TenantContext tenant)
            throws StorageException;

    /**
     * Opens an object for reading; the caller closes the stream.
     *
     * @throws ObjectNotFoundException when there is no object with that key
     */
    InputStream get(String key, TenantContext tenant) throws StorageException;

    /** Describes an object without reading it, or empty when there is none. */
    Optional<StoredObject> stat(String key, TenantContext tenant) throws StorageException;

    /** Whether an object exists. */
    default boolean exists(String key, TenantContext tenant) throws StorageException {
        return stat(key, tenant).isPresent();
    }

    /**
     * Deletes an object. Deleting a missing object is not an error.
     *
     * @return {@code true} if an object was deleted
     */
    boolean delete(String key, TenantContext tenant) throws StorageException;

    /**
     * A URL from which a browser can read the object until {@code ttl} has passed, or empty when this backend cannot
     * hand out URLs (the host then streams the object itself). For S3 this is a presigned GET URL.
     *
     * @param ttl how long the URL stays valid; the backend may shorten it, never lengthen it
     */
    Optional<URI> readUrl(String key, Duration ttl, TenantContext tenant) throws StorageException;
}
