package dev.atelier.plugins;

import dev.atelier.spi.storage.StorageException;

/** Turns a failed call into a storage backend back into what the storage SPI's callers expect. */
public final class StorageCalls {

    private StorageCalls() {}

    /**
     * The backend's own {@link StorageException} (or unchecked exception, rethrown) as it threw it; otherwise a
     * StorageException that says why, for example "Storage backend 'x' is not deployed right now".
     */
    public static StorageException unwrap(PluginCallException e, String backendId) {
        Throwable cause = e.getCause();
        if (e.reason() == PluginCallException.Reason.THREW) {
            if (cause instanceof StorageException reported) {
                return reported;
            }
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
        }
        if (e.reason() == PluginCallException.Reason.NOT_DEPLOYED) {
            return new StorageException("Storage backend '" + backendId + "' is not deployed right now");
        }
        return new StorageException("Storage backend '" + backendId + "': " + e.getMessage(), cause);
    }
}
