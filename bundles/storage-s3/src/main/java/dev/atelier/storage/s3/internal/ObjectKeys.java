package dev.atelier.storage.s3.internal;

import dev.atelier.spi.storage.StorageException;
import java.util.regex.Pattern;

/**
 * Names of objects in the bucket: {@code <prefix><tenantId>/<key>}. The tenant's id keeps two tenants that share a
 * bucket and prefix apart even when the host hands both the same key.
 */
final class ObjectKeys {

    static final int MAX_KEY_LENGTH = 512;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9/._\\-]+");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._\\-]+");

    private ObjectKeys() {}

    /** The object name of {@code key} for the tenant, after checking both. */
    static String objectName(String prefix, String tenantId, String key) throws StorageException {
        if (tenantId == null || !SEGMENT.matcher(tenantId).matches() || isDots(tenantId)) {
            throw new StorageException("Tenant id '" + tenantId + "' cannot name a folder in the bucket");
        }
        checkKey(key);
        return prefix + tenantId + "/" + key;
    }

    /**
     * Refuses keys the SPI does not allow, and {@code .}/{@code ..} and empty segments: HTTP clients and some
     * S3-compatible services normalise such paths, which could reach another tenant's objects.
     */
    static void checkKey(String key) throws StorageException {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new StorageException("Key must have 1 to " + MAX_KEY_LENGTH + " characters: " + shorten(key));
        }
        if (!ALLOWED.matcher(key).matches()) {
            throw new StorageException("Key may hold only letters, digits and / . _ -: " + shorten(key));
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || isDots(segment)) {
                throw new StorageException("Key has an empty, '.' or '..' segment, or starts or ends with '/': " + key);
            }
        }
    }

    /** The configured prefix as {@code a/b/}, or empty; checked like a key. */
    static String prefix(String configured) throws StorageException {
        String trimmed = configured.trim();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return "";
        }
        try {
            checkKey(trimmed);
        } catch (StorageException e) {
            throw new StorageException("S3 storage setting 'prefix' is not a plain folder path: " + e.getMessage());
        }
        return trimmed + "/";
    }

    private static boolean isDots(String segment) {
        return segment.equals(".") || segment.equals("..");
    }

    private static String shorten(String key) {
        if (key == null) {
            return "null";
        }
        return key.length() <= 80 ? "'" + key + "'" : "'" + key.substring(0, 80) + "...' (" + key.length() + " chars)";
    }
}
