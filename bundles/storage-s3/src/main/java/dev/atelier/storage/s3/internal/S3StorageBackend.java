package dev.atelier.storage.s3.internal;

import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.storage.ObjectNotFoundException;
import dev.atelier.spi.storage.StorageBackend;
import dev.atelier.spi.storage.StorageException;
import dev.atelier.spi.storage.StoredObject;
import dev.atelier.spi.tenant.TenantContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Keeps objects in an S3 bucket (AWS S3 or any S3-compatible service: Cloudflare R2, MinIO, S3Proxy) under
 * {@code <prefix><tenantId>/<key>}. The bucket, service and credentials are the tenant's settings (see
 * {@link S3Settings}), read in every call; clients are cached per distinct settings.
 *
 * <p>Objects up to {@link #SINGLE_PUT_LIMIT} are uploaded with one streamed PutObject, larger ones (and those of
 * unknown length) in parts of {@link #PART_SIZE}, one part held in memory at a time so each can be retried. S3 makes
 * an object visible only when its upload completes, so a failed put leaves no partial object; a failed multipart
 * upload is aborted so its parts are not kept (and billed).
 */
@Component(service = StorageBackend.class, property = StorageBackend.BACKEND_ID + "=" + S3StorageBackend.ID)
public final class S3StorageBackend implements StorageBackend, AutoCloseable {

    /** The backend id tenants choose this backend by. */
    public static final String ID = "s3";

    static final long SINGLE_PUT_LIMIT = 16L * 1024 * 1024;
    static final int PART_SIZE = 8 * 1024 * 1024;
    /** S3 refuses presigned URLs valid for longer. */
    static final Duration MAX_URL_TTL = Duration.ofDays(7);

    private static final System.Logger LOG = System.getLogger(S3StorageBackend.class.getName());
    private static final int MAX_PARTS = 10_000;

    private final S3Clients clients;

    /** Component constructor: cheap, no network; clients are built on first use. */
    public S3StorageBackend() {
        this(new S3Clients());
    }

    S3StorageBackend(S3Clients clients) {
        this.clients = clients;
    }

    /** The settings tenants give this backend, and Amazon as the processor of the media it stores. */
    @Override
    public PluginDescription description() {
        return S3Settings.DESCRIPTION;
    }

    @Override
    public StoredObject put(String key, InputStream content, long length, String contentType, TenantContext tenant)
            throws StorageException {
        if (contentType == null || contentType.isBlank()) {
            throw new StorageException("No content type for " + key);
        }
        return call(tenant, key, "store", (settings, name, lease) -> {
            if (length >= 0 && length <= SINGLE_PUT_LIMIT) {
                ExactLengthInputStream exact = new ExactLengthInputStream(content, length);
                try {
                    lease.client().putObject(b -> b.bucket(settings.bucket()).key(name).contentType(contentType)
                            .contentLength(length), RequestBody.fromInputStream(exact, length));
                } catch (RuntimeException e) {
                    // After the content failed the SDK may retry and then report that it could not re-read it;
                    // the cause that matters is the content's own failure.
                    if (exact.failure() != null) {
                        throw exact.failure();
                    }
                    throw e;
                }
                return new StoredObject(key, length, contentType, Instant.now());
            }
            InputStream in = length >= 0 ? new ExactLengthInputStream(content, length) : content;
            return putInParts(key, name, in, length, contentType, settings, lease, tenant);
        });
    }

    @Override
    public InputStream get(String key, TenantContext tenant) throws StorageException {
        return call(tenant, key, "read", (settings, name, lease) -> {
            try {
                return lease.client().getObject(b -> b.bucket(settings.bucket()).key(name),
                        ResponseTransformer.toInputStream());
            } catch (NoSuchKeyException e) {
                throw new ObjectNotFoundException(key);
            }
        });
    }

    @Override
    public Optional<StoredObject> stat(String key, TenantContext tenant) throws StorageException {
        return call(tenant, key, "describe", (settings, name, lease) -> head(key, name, settings, lease));
    }

    @Override
    public boolean delete(String key, TenantContext tenant) throws StorageException {
        return call(tenant, key, "delete", (settings, name, lease) -> {
            // S3 answers a delete of a missing object like any other: ask first to tell the host what happened.
            if (head(key, name, settings, lease).isEmpty()) {
                return false;
            }
            lease.client().deleteObject(b -> b.bucket(settings.bucket()).key(name));
            return true;
        });
    }

    @Override
    public Optional<URI> readUrl(String key, Duration ttl, TenantContext tenant) throws StorageException {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new StorageException("A read URL needs a positive ttl, not " + ttl + " (key " + key + ")");
        }
        Duration valid = ttl.compareTo(MAX_URL_TTL) > 0 ? MAX_URL_TTL : ttl;
        // Presigning never goes to the network, and S3 counts validity in whole seconds: round up, never past 7 days.
        Duration seconds = Duration.ofSeconds(Math.max(1, valid.getSeconds()));
        return call(tenant, key, "sign a read URL for", (settings, name, lease) -> {
            var presigned = lease.presigner().presignGetObject(b -> b.signatureDuration(seconds)
                    .getObjectRequest(r -> r.bucket(settings.bucket()).key(name)));
            try {
                return Optional.of(presigned.url().toURI());
            } catch (URISyntaxException e) {
                throw new StorageException("The signed read URL of " + key + " is not a URI: " + e.getMessage());
            }
        });
    }

    /** Closes every client. */
    @Deactivate
    @Override
    public void close() {
        clients.close();
    }

    private StoredObject putInParts(String key, String name, InputStream in, long length, String contentType,
            S3Settings settings, S3Clients.Lease lease, TenantContext tenant) throws IOException, StorageException {
        int partSize = partSize(length);
        byte[] buffer = new byte[partSize];
        int first = readFully(in, buffer);
        if (first < partSize) {
            // Unknown length and small after all: one PutObject.
            lease.client().putObject(b -> b.bucket(settings.bucket()).key(name).contentType(contentType)
                    .contentLength((long) first), RequestBody.fromContentProvider(
                            () -> new ByteArrayInputStream(buffer, 0, first), first, contentType));
            return new StoredObject(key, first, contentType, Instant.now());
        }
        String uploadId = lease.client().createMultipartUpload(b -> b.bucket(settings.bucket()).key(name)
                .contentType(contentType)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long total = 0;
            int n = first;
            while (n > 0) {
                if (parts.size() == MAX_PARTS) {
                    throw new StorageException("Object " + key + " of tenant " + tenant.tenantId() + " has more than "
                            + MAX_PARTS + " parts of " + partSize + " bytes, the most S3 takes");
                }
                int partNumber = parts.size() + 1;
                int size = n;
                String eTag = lease.client().uploadPart(b -> b.bucket(settings.bucket()).key(name).uploadId(uploadId)
                        .partNumber(partNumber).contentLength((long) size), RequestBody.fromContentProvider(
                                () -> new ByteArrayInputStream(buffer, 0, size), size, "application/octet-stream"))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
                total += size;
                n = size < partSize ? 0 : readFully(in, buffer);
            }
            lease.client().completeMultipartUpload(b -> b.bucket(settings.bucket()).key(name).uploadId(uploadId)
                    .multipartUpload(u -> u.parts(parts)));
            return new StoredObject(key, total, contentType, Instant.now());
        } catch (IOException | StorageException | RuntimeException e) {
            abort(key, name, uploadId, settings, lease, tenant);
            throw e;
        }
    }

    private static void abort(String key, String name, String uploadId, S3Settings settings, S3Clients.Lease lease,
            TenantContext tenant) {
        try {
            lease.client().abortMultipartUpload(b -> b.bucket(settings.bucket()).key(name).uploadId(uploadId));
        } catch (SdkException e) {
            // The object itself never appeared; only the parts uploaded so far stay until a lifecycle rule ends them.
            LOG.log(System.Logger.Level.WARNING, "Could not abort the failed upload of {0} for {1} ({2}, {3}): {4}",
                    key, tenant.tenantId(), settings.where(), tenant.correlationId(), e.getMessage());
        }
    }

    /** Parts large enough for the whole object to fit in S3's 10,000, and never smaller than {@link #PART_SIZE}. */
    static int partSize(long length) {
        if (length < 0) {
            return PART_SIZE;
        }
        long needed = (length + MAX_PARTS - 1) / MAX_PARTS;
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(PART_SIZE, needed));
    }

    private static Optional<StoredObject> head(String key, String name, S3Settings settings, S3Clients.Lease lease) {
        try {
            HeadObjectResponse head = lease.client().headObject(b -> b.bucket(settings.bucket()).key(name));
            String type = head.contentType() != null ? head.contentType() : "application/octet-stream";
            Instant modified = head.lastModified() != null ? head.lastModified() : Instant.EPOCH;
            return Optional.of(new StoredObject(key, head.contentLength(), type, modified));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            // A HEAD answer has no body, so the SDK cannot always tell the missing key by its error code.
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static int readFully(InputStream in, byte[] buffer) throws IOException {
        int total = 0;
        while (total < buffer.length) {
            int n = in.read(buffer, total, buffer.length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private interface S3Call<T> {
        T run(S3Settings settings, String objectName, S3Clients.Lease lease) throws IOException, StorageException;
    }

    /**
     * Runs a call with the tenant's settings and clients, with this bundle's class loader as context class loader
     * (the SDK finds its parts through it; the host sets it too, other callers may not), and turns the SDK's
     * failures into {@link StorageException}s that say what failed where.
     */
    private <T> T call(TenantContext tenant, String key, String action, S3Call<T> call) throws StorageException {
        S3Settings settings = S3Settings.of(tenant);
        String name = ObjectKeys.objectName(settings.prefix(), tenant.tenantId(), key);
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        thread.setContextClassLoader(S3StorageBackend.class.getClassLoader());
        try (S3Clients.Lease lease = clients.lease(settings.client())) {
            return call.run(settings, name, lease);
        } catch (StorageException e) {
            throw e;
        } catch (S3Exception e) {
            throw new StorageException(failure(action, key, tenant, settings) + ": S3 answered " + e.statusCode()
                    + " " + errorCode(e) + hint(e), e);
        } catch (SdkClientException e) {
            Throwable cause = e.getCause();
            String reason = cause instanceof IOException && e.getMessage().contains(cause.getMessage())
                    ? e.getMessage() : e.getMessage() + (cause != null ? " (" + cause.getMessage() + ")" : "");
            throw new StorageException(failure(action, key, tenant, settings) + ": " + reason, e);
        } catch (IOException | UncheckedIOException e) {
            throw new StorageException(failure(action, key, tenant, settings) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new StorageException(failure(action, key, tenant, settings) + ": " + e, e);
        } finally {
            thread.setContextClassLoader(caller);
        }
    }

    private static String failure(String action, String key, TenantContext tenant, S3Settings settings) {
        return "Could not " + action + " " + key + " for tenant " + tenant.tenantId() + " in " + settings.where()
                + " (" + tenant.correlationId() + ")";
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                ? e.awsErrorDetails().errorCode() : "";
    }

    /** What an operator should look at for the usual refusals. */
    private static String hint(S3Exception e) {
        String code = errorCode(e);
        String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? " (" + e.awsErrorDetails().errorMessage() + ")" : "";
        return message + switch (code) {
            case "NoSuchBucket" -> ": the bucket does not exist; create it or fix the tenant's 'bucket' setting";
            case "InvalidAccessKeyId", "SignatureDoesNotMatch" ->
                    ": check the tenant's access_key_id and secret_access_key (and region)";
            case "AccessDenied" -> ": the access key may not do this in the bucket (or the tenant's access_key_id, "
                    + "secret_access_key or region are wrong)";
            case "PermanentRedirect", "AuthorizationHeaderMalformed" ->
                    ": the bucket is in another region; fix the tenant's 'region' setting";
            default -> switch (e.statusCode()) {
                case 301 -> ": the bucket is in another region; fix the tenant's 'region' setting";
                // Answers to HEAD have no body, hence no error code.
                case 403 -> ": check the tenant's access_key_id, secret_access_key and region, and that the key may "
                        + "read the bucket";
                default -> "";
            };
        };
    }
}
