package dev.atelier.spi.storage;

import java.time.Instant;
import java.util.Objects;

/** Facts about a stored object. Immutable. */
public final class StoredObject {

    private final String key;
    private final long size;
    private final String contentType;
    private final Instant lastModified;

    public StoredObject(String key, long size, String contentType, Instant lastModified) {
        this.key = Objects.requireNonNull(key, "key");
        this.size = size;
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.lastModified = Objects.requireNonNull(lastModified, "lastModified");
    }

    public String key() {
        return key;
    }

    /** Size in bytes. */
    public long size() {
        return size;
    }

    public String contentType() {
        return contentType;
    }

    public Instant lastModified() {
        return lastModified;
    }

    @Override
    public String toString() {
        return "StoredObject[" + key + ", " + size + " bytes, " + contentType + "]";
    }
}
