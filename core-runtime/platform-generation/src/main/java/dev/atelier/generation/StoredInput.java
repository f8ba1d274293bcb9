package dev.atelier.generation;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.spi.model.InputMedia;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;

/** An upload handed to a model: opened from the tenant's storage when the model reads it. */
record StoredInput(TenantStorage storage, Tenant tenant, Upload upload) implements InputMedia {

    @Override
    public MediaKind kind() {
        return upload.kind();
    }

    @Override
    public String mediaType() {
        return upload.mediaType();
    }

    @Override
    public long size() {
        return upload.size();
    }

    @Override
    public InputStream open() throws IOException {
        try {
            return storage.get(tenant, upload.storageKey());
        } catch (StorageException e) {
            throw new IOException("The input " + upload.id() + " could not be read from storage", e);
        }
    }
}
