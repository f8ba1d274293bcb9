package dev.atelier.plugins.testbundles;

import dev.atelier.spi.plugin.DataCategory;
import dev.atelier.spi.plugin.DataProcessorDisclosure;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.Setting;
import dev.atelier.spi.plugin.SettingsSchema;
import dev.atelier.spi.storage.ObjectNotFoundException;
import dev.atelier.spi.storage.StorageBackend;
import dev.atelier.spi.storage.StorageException;
import dev.atelier.spi.storage.StoredObject;
import dev.atelier.spi.tenant.TenantContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A storage backend in memory. Besides what was put, it answers a few keys about itself: {@code about/version} (the
 * bundle version it was registered with), {@code about/tccl} ({@code bundle} when the calling thread's context class
 * loader is this bundle's, else {@code other}) and {@code about/storage-dir} (the framework property
 * {@code atelier.storage.local.dir}, or {@code none}). It declares one setting, {@code region}, and a processor.
 */
public final class MemoryStorage implements StorageBackend {

    private record Entry(byte[] content, StoredObject object) {}

    private final String version;
    private final String storageDir;
    private final Map<String, Entry> objects = new ConcurrentHashMap<>();

    public MemoryStorage(String version, String storageDir) {
        this.version = version;
        this.storageDir = storageDir;
    }

    @Override
    public PluginDescription description() {
        return new PluginDescription(SettingsSchema.of(Setting.choice("region", "eu", "us").required()),
                List.of(new DataProcessorDisclosure("Memory Ltd", "Memory", Set.of(DataCategory.UPLOADED_MEDIA),
                        "Keeps uploads in memory", "European Union", null)));
    }

    @Override
    public StoredObject put(String key, InputStream content, long length, String contentType, TenantContext tenant)
            throws StorageException {
        try {
            byte[] bytes = content.readAllBytes();
            StoredObject object = new StoredObject(key, bytes.length, contentType, Instant.now());
            objects.put(tenant.tenantId() + "/" + key, new Entry(bytes, object));
            return object;
        } catch (IOException e) {
            throw new StorageException("could not read the content of " + key, e);
        }
    }

    @Override
    public InputStream get(String key, TenantContext tenant) throws StorageException {
        String answer = switch (key) {
            case "about/version" -> version;
            case "about/tccl" -> Thread.currentThread().getContextClassLoader() == MemoryStorage.class.getClassLoader()
                    ? "bundle" : "other";
            case "about/storage-dir" -> storageDir == null ? "none" : storageDir;
            default -> null;
        };
        if (answer != null) {
            return new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8));
        }
        Entry entry = objects.get(tenant.tenantId() + "/" + key);
        if (entry == null) {
            throw new ObjectNotFoundException(key);
        }
        return new ByteArrayInputStream(entry.content());
    }

    @Override
    public Optional<StoredObject> stat(String key, TenantContext tenant) {
        return Optional.ofNullable(objects.get(tenant.tenantId() + "/" + key)).map(Entry::object);
    }

    @Override
    public boolean delete(String key, TenantContext tenant) {
        return objects.remove(tenant.tenantId() + "/" + key) != null;
    }

    @Override
    public Optional<URI> readUrl(String key, Duration ttl, TenantContext tenant) {
        return Optional.empty();
    }
}
