package dev.atelier.generation;

import dev.atelier.core.ids.UuidV7;
import dev.atelier.core.ratelimit.RateLimiter;
import dev.atelier.core.ratelimit.RateLimits;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.media.InspectedMedia;
import dev.atelier.media.MediaBusyException;
import dev.atelier.media.MediaInspector;
import dev.atelier.media.MediaRejectedException;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inputs users upload for image-to-image and video models. Each file is recognised by its bytes, decoded and
 * re-encoded without metadata ({@link MediaInspector}) before anything is stored; the row is written only after the
 * object is stored, and an object whose row could not be written is deleted again, so nothing is orphaned. Unused
 * uploads expire. Each user may send so many uploads a minute and keep so many unused ones (count and bytes,
 * {@link MediaSettings}); the quota is checked before the body is read and again, under a per-user lock, when the
 * row is written.
 */
public final class Uploads {

    private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);

    private final DataSource dataSource;
    private final TenantStorage storage;
    private final MediaInspector inspector;
    private final Clock clock;
    private final GenerationSettings settings;
    private final MediaSettings limits;
    private final AccountRateLimits rate;
    private final UuidV7 ids;

    /**
     * @param limiter counts uploads per account ({@link RateLimits#UPLOAD}); shared by every node when it is Redis's
     */
    public Uploads(DataSource dataSource, TenantStorage storage, MediaInspector inspector, Clock clock,
            GenerationSettings settings, MediaSettings limits, RateLimiter limiter) {
        this.dataSource = dataSource;
        this.storage = storage;
        this.inspector = inspector;
        this.clock = clock;
        this.settings = settings;
        this.limits = limits;
        this.rate = new AccountRateLimits(limiter);
        this.ids = new UuidV7(clock, new java.security.SecureRandom());
    }

    /**
     * Counts one upload against the user's rate limit and checks their quota of unused uploads; call it before the
     * upload's body is read, so a refused upload costs nothing.
     *
     * @throws InvalidGenerationException 429 with {@code Retry-After} when the user uploads too fast or already keeps
     *     their quota of unused uploads
     */
    public void admit(Tenant tenant, String accountId) {
        rate.check(tenant, RateLimits.UPLOAD, accountId, "You are uploading files faster than this site allows."
                + " Please wait a moment and try again.");
        withinQuota(unused(tenant.id(), accountId), 1); // any upload adds at least a byte
    }

    /**
     * Checks and keeps an uploaded file (the caller deletes {@code file} afterwards).
     *
     * @throws InvalidGenerationException 413 or 415 with a message for the user, 429 when it would exceed the user's
     *     quota of unused uploads, 503 when storage is unavailable or too many files are being decoded at once
     */
    public Upload create(Tenant tenant, String accountId, Path file) throws IOException {
        InspectedMedia media;
        try {
            media = inspector.inspect(file);
        } catch (MediaRejectedException e) {
            throw new InvalidGenerationException(e.status(), e.status() == 413 ? "Content Too Large"
                    : "Unsupported Media Type", e.getMessage(), List.of(new InvalidGenerationException.FieldError(
                            "file", e.getMessage())));
        } catch (MediaBusyException e) {
            throw InvalidGenerationException.retryLater(503, e.getMessage(), e.retryAfterSeconds());
        }
        try {
            return store(tenant, accountId, media);
        } finally {
            Files.deleteIfExists(media.sanitizedFile());
        }
    }

    /**
     * Checks and keeps an uploaded file read from {@code in} (a multipart part of the API or the create form); an
     * empty body is refused as a field error on {@code file}.
     */
    public Upload create(Tenant tenant, String accountId, InputStream in) throws IOException {
        Path temp = Files.createTempFile("atelier-upload-", ".bin");
        try {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(temp) == 0) {
                throw InvalidGenerationException.field("file", "The file is empty.");
            }
            return create(tenant, accountId, temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** What a user keeps unused: how many uploads, their bytes, and when the first of them expires. */
    private record Unused(int count, long bytes, Instant firstExpiry) {}

    private Unused unused(String tenantId, String accountId) {
        try (Connection c = dataSource.getConnection()) {
            return unused(c, tenantId, accountId);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count unused uploads", e);
        }
    }

    private Unused unused(Connection c, String tenantId, String accountId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT count(*), COALESCE(sum(size), 0), min(expires_at)"
                + " FROM upload WHERE tenant_id = ? AND account_id = ? AND used_at IS NULL AND expires_at > ?")) {
            q.setString(1, tenantId);
            q.setString(2, accountId);
            q.setTimestamp(3, Timestamp.from(clock.instant()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                Timestamp first = rs.getTimestamp(3);
                return new Unused(rs.getInt(1), rs.getLong(2), first == null ? null : first.toInstant());
            }
        }
    }

    // One more upload of `adding` bytes must keep the user within both quotas; the answer says when room comes back.
    private void withinQuota(Unused unused, long adding) {
        if (unused.count() + 1 <= limits.maxUnusedUploads() && unused.bytes() + adding <= limits.maxUnusedBytes()) {
            return;
        }
        long wait = unused.firstExpiry() == null ? 60
                : Math.max(1, Duration.between(clock.instant(), unused.firstExpiry()).toSeconds());
        throw InvalidGenerationException.retryLater(429, "You already have " + unused.count() + " uploaded files ("
                + megabytes(unused.bytes()) + ") that no generation has used yet; this site keeps at most "
                + limits.maxUnusedUploads() + " files or " + megabytes(limits.maxUnusedBytes()) + " per person."
                + " Use them in a generation, or wait until they expire (" + settings.uploadLifetime().toHours()
                + " hours after upload).", wait);
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private Upload store(Tenant tenant, String accountId, InspectedMedia media) throws IOException {
        String id = "upl_" + ids.next().toString().replace("-", "");
        String key = TenantStorage.uploadKey(tenant, id, extension(media.mediaType()));
        Instant now = clock.instant();
        Upload upload = new Upload(id, tenant.id(), accountId, key, MediaKind.valueOf(media.kind().name()),
                media.mediaType(), media.size(), media.width(), media.height(), media.durationMillis(), now,
                now.plus(settings.uploadLifetime()));
        try (InputStream in = Files.newInputStream(media.sanitizedFile())) {
            storage.put(tenant, key, in, media.size(), media.mediaType());
        } catch (StorageException e) {
            LOG.error("Tenant {}: storing an upload failed: {}", tenant.slug(), e.getMessage());
            throw new InvalidGenerationException(503, "Service Unavailable",
                    "Your file could not be stored right now. Please try again in a moment.", List.of());
        }
        try {
            insertWithinQuota(upload);
        } catch (InvalidGenerationException e) {
            deleteQuietly(tenant, key);
            throw e;
        } catch (SQLException | RuntimeException e) {
            deleteQuietly(tenant, key);
            throw new IllegalStateException("Could not record upload " + id, e);
        }
        LOG.info("Tenant {}: upload {} stored ({} {}, {} bytes)", tenant.slug(), id, media.kind(), media.mediaType(),
                media.size());
        return upload;
    }

    /** The upload with this id of this user, if it is still kept. */
    public Optional<Upload> find(String tenantId, String accountId, String uploadId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT * FROM upload WHERE tenant_id = ? AND account_id = ?"
                        + " AND id = ? AND expires_at > ?")) {
            q.setString(1, tenantId);
            q.setString(2, accountId);
            q.setString(3, uploadId);
            q.setTimestamp(4, Timestamp.from(clock.instant()));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read upload " + uploadId, e);
        }
    }

    /** Keeps the uploads a job uses for as long as the job's record exists (they are no longer "unused"). */
    public void markUsed(String tenantId, List<String> uploadIds) {
        if (uploadIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement u = c.prepareStatement("UPDATE upload SET used_at = ?, expires_at = 'infinity'"
                        + " WHERE tenant_id = ? AND id = ANY (?)")) {
            u.setTimestamp(1, Timestamp.from(clock.instant()));
            u.setString(2, tenantId);
            u.setArray(3, c.createArrayOf("text", uploadIds.toArray()));
            u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark uploads used", e);
        }
    }

    /** Every upload of an account (for erasing its data). */
    public List<Upload> ofAccount(String tenantId, String accountId) {
        return list("SELECT * FROM upload WHERE tenant_id = ? AND account_id = ? ORDER BY created_at", q -> {
            q.setString(1, tenantId);
            q.setString(2, accountId);
        });
    }

    /** Removes an upload's row and object. */
    public void delete(Tenant tenant, Upload upload) {
        deleteQuietly(tenant, upload.storageKey());
        try (Connection c = dataSource.getConnection();
                PreparedStatement d = c.prepareStatement("DELETE FROM upload WHERE tenant_id = ? AND id = ?")) {
            d.setString(1, tenant.id());
            d.setString(2, upload.id());
            d.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete upload " + upload.id(), e);
        }
    }

    /** Expired, unused uploads (for the sweeper), at most {@code limit}. */
    public List<Upload> expired(int limit) {
        return list("SELECT * FROM upload WHERE expires_at <= ? ORDER BY expires_at LIMIT ?", q -> {
            q.setTimestamp(1, Timestamp.from(clock.instant()));
            q.setInt(2, limit);
        });
    }

    private interface Parameters {
        void set(PreparedStatement query) throws SQLException;
    }

    private List<Upload> list(String sql, Parameters parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            parameters.set(q);
            List<Upload> uploads = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    uploads.add(row(rs));
                }
            }
            return uploads;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list uploads", e);
        }
    }

    private void deleteQuietly(Tenant tenant, String key) {
        try {
            storage.delete(tenant, key);
        } catch (StorageException | RuntimeException e) {
            LOG.warn("Tenant {}: could not delete {}: {}", tenant.slug(), key, e.getMessage());
        }
    }

    // Uploads of one user that finish together take turns here, so together they cannot pass the quota.
    private void insertWithinQuota(Upload u) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement(
                        "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                    lock.setString(1, "upload-quota:" + u.tenantId() + ":" + u.accountId());
                    lock.execute();
                }
                withinQuota(unused(c, u.tenantId(), u.accountId()), u.size());
                insert(c, u);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static void insert(Connection c, Upload u) throws SQLException {
        try (PreparedStatement i = c.prepareStatement("INSERT INTO upload (id, tenant_id, account_id, storage_key,"
                        + " media_kind, media_type, size, width, height, duration_ms, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            i.setString(1, u.id());
            i.setString(2, u.tenantId());
            i.setString(3, u.accountId());
            i.setString(4, u.storageKey());
            i.setString(5, u.kind().name());
            i.setString(6, u.mediaType());
            i.setLong(7, u.size());
            i.setInt(8, u.width());
            i.setInt(9, u.height());
            i.setObject(10, u.durationMillis());
            i.setTimestamp(11, Timestamp.from(u.createdAt()));
            i.setTimestamp(12, Timestamp.from(u.expiresAt()));
            i.executeUpdate();
        }
    }

    private static Upload row(ResultSet rs) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        return new Upload(rs.getString("id"), rs.getString("tenant_id"), rs.getString("account_id"),
                rs.getString("storage_key"), MediaKind.valueOf(rs.getString("media_kind")),
                rs.getString("media_type"), rs.getLong("size"), rs.getInt("width"), rs.getInt("height"),
                (Long) rs.getObject("duration_ms"), rs.getTimestamp("created_at").toInstant(),
                expires == null ? Instant.MAX : expires.toInstant());
    }

    static String extension(String mediaType) {
        return switch (mediaType) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            case "image/webp" -> "webp";
            case "video/mp4" -> "mp4";
            case "video/webm" -> "webm";
            default -> "bin";
        };
    }
}
