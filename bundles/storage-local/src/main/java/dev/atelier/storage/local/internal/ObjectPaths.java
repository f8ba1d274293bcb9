package dev.atelier.storage.local.internal;

import dev.atelier.spi.storage.StorageException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Turns a tenant id and an object key into a file under the storage folder. Only keys of the SPI's alphabet with
 * plain segments are accepted, and the resolved path is checked to lie inside the tenant's folder, so no key can reach
 * another tenant's files or anything outside the storage folder.
 */
final class ObjectPaths {

    static final int MAX_KEY_LENGTH = 512;
    /** File systems allow 255 bytes per name; the content type sidecar adds 5 characters. */
    static final int MAX_SEGMENT_LENGTH = 250;
    /** Marks the sidecar and temporary files; keys cannot contain it, so those files never collide with an object. */
    static final char MARK = '~';

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9/._-]+");
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final Path root;

    ObjectPaths(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** The file of {@code key} for {@code tenantId}. */
    Path file(String tenantId, String key) throws StorageException {
        Path tenantDir = tenantDir(tenantId);
        checkKey(key);
        Path file = tenantDir.resolve(key).normalize();
        if (!file.startsWith(tenantDir) || file.equals(tenantDir)) {
            throw new StorageException("Key " + key + " leaves the tenant's folder");
        }
        return file;
    }

    /** Where the content type of {@code file} is kept. */
    static Path typeFile(Path file) {
        return file.resolveSibling(file.getFileName() + String.valueOf(MARK) + "type");
    }

    private Path tenantDir(String tenantId) throws StorageException {
        if (tenantId == null || !TENANT_ID.matcher(tenantId).matches() || tenantId.equals(".")
                || tenantId.equals("..")) {
            throw new StorageException("Tenant id " + tenantId + " cannot name a folder");
        }
        return root.resolve(tenantId);
    }

    private static void checkKey(String key) throws StorageException {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new StorageException("Key must have 1 to " + MAX_KEY_LENGTH + " characters: " + describe(key));
        }
        if (!KEY.matcher(key).matches()) {
            throw new StorageException("Key may contain only letters, digits and / . _ -: " + describe(key));
        }
        if (key.startsWith("/")) {
            throw new StorageException("Key must not start with /: " + key);
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new StorageException("Key has an empty, . or .. segment: " + key);
            }
            if (segment.length() > MAX_SEGMENT_LENGTH) {
                throw new StorageException("Key has a part between slashes longer than " + MAX_SEGMENT_LENGTH
                        + " characters, more than a file name may have: " + describe(key));
            }
        }
    }

    private static String describe(String key) {
        if (key == null) {
            return "null";
        }
        return key.length() > 80 ? key.substring(0, 80) + "... (" + key.length() + " characters)" : key;
    }
}
