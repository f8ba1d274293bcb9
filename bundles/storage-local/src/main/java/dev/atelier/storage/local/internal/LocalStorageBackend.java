package dev.atelier.storage.local.internal;

import dev.atelier.spi.storage.ObjectNotFoundException;
import dev.atelier.spi.storage.StorageBackend;
import dev.atelier.spi.storage.StorageException;
import dev.atelier.spi.storage.StoredObject;
import dev.atelier.spi.tenant.TenantContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLConnection;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Keeps objects as files: {@code <storage folder>/<tenantId>/<key>}, the content type beside each in
 * {@code <file>~type} unless the key's extension names it ({@link #NAMED_TYPES}: {@code .png} and {@code image/png}).
 * The storage folder is the framework property {@value #STORAGE_DIR_PROPERTY} set by the host.
 *
 * <p>A put writes a temporary file in the object's folder and moves it over the object atomically, so readers see the
 * old object or the new one, never part of one, and a failed put leaves nothing behind. {@link #readUrl} is always
 * empty: the platform serves local files itself, through its own signed URLs.
 */
@Component(service = StorageBackend.class, property = StorageBackend.BACKEND_ID + "=" + LocalStorageBackend.ID)
public final class LocalStorageBackend implements StorageBackend {

    /** The backend id tenants choose this backend by. */
    public static final String ID = "local";
    /** Framework property naming the storage folder. */
    public static final String STORAGE_DIR_PROPERTY = "atelier.storage.local.dir";

    private static final System.Logger LOG = System.getLogger(LocalStorageBackend.class.getName());
    private static final String FALLBACK_TYPE = "application/octet-stream";
    private static final int BUFFER_SIZE = 64 * 1024;
    /**
     * The media types the platform's own keys end in, by extension: an object of one of these needs no type file. A
     * fixed table, so that what an object is served as never changes with the JDK's own guesses.
     */
    static final Map<String, String> NAMED_TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg",
            "image/jpeg", "webp", "image/webp", "gif", "image/gif", "mp4", "video/mp4", "webm", "video/webm");

    private final ObjectPaths paths;
    private final KeyLocks locks = new KeyLocks();

    /** Component constructor: the folder comes from the framework property, else {@code storage} in the working dir. */
    @Activate
    public LocalStorageBackend(BundleContext context) {
        this(storageDir(context.getProperty(STORAGE_DIR_PROPERTY)));
    }

    LocalStorageBackend(Path root) {
        this.paths = new ObjectPaths(root);
        LOG.log(System.Logger.Level.INFO, "Local storage keeps objects in {0}", paths.root());
    }

    static Path storageDir(String property) {
        if (property == null || property.isBlank()) {
            Path fallback = Path.of("storage").toAbsolutePath();
            LOG.log(System.Logger.Level.WARNING, "Framework property {0} is not set; keeping objects in {1}. Set it "
                    + "to the platform's storage folder.", STORAGE_DIR_PROPERTY, fallback);
            return fallback;
        }
        return Path.of(property);
    }

    @Override
    public StoredObject put(String key, InputStream content, long length, String contentType, TenantContext tenant)
            throws StorageException {
        if (contentType == null || contentType.isBlank()) {
            throw new StorageException("No content type for " + key);
        }
        Path file = paths.file(tenant.tenantId(), key);
        Path contentTemp = null;
        Path typeTemp = null;
        try {
            Path folder = file.getParent();
            Files.createDirectories(folder);
            // Named apart from the object so a long key still fits; the mark keeps it from ever being an object.
            String prefix = "." + ObjectPaths.MARK;
            contentTemp = Files.createTempFile(folder, prefix, ".part");
            long written = write(content, contentTemp);
            if (length >= 0 && written != length) {
                throw new StorageException("Expected " + length + " bytes for " + key + " but the stream had " + written);
            }
            // A type the object's name already implies is not written down: one file fewer to write per put.
            boolean typeFromName = contentType.equals(namedType(file));
            if (!typeFromName) {
                typeTemp = Files.createTempFile(folder, prefix, ".type.part");
                Files.writeString(typeTemp, contentType, StandardCharsets.UTF_8);
            }
            Lock lock = locks.of(file).writeLock();
            lock.lock();
            try {
                if (typeFromName) {
                    Files.deleteIfExists(ObjectPaths.typeFile(file)); // an earlier put's other type
                } else {
                    Files.move(typeTemp, ObjectPaths.typeFile(file), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(contentTemp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return new StoredObject(key, written, contentType, Files.getLastModifiedTime(file).toInstant());
            } finally {
                lock.unlock();
            }
        } catch (IOException e) {
            throw new StorageException("Could not store " + key + " for " + tenant.tenantId() + ": "
                    + WriteRefusal.reason(e), e);
        } finally {
            deleteQuietly(contentTemp);
            deleteQuietly(typeTemp);
        }
    }

    @Override
    public InputStream get(String key, TenantContext tenant) throws StorageException {
        Path file = paths.file(tenant.tenantId(), key);
        if (!Files.isRegularFile(file)) {
            throw new ObjectNotFoundException(key);
        }
        try {
            // An open file keeps its content when a put replaces it, so reading needs no lock.
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException(key);
        } catch (IOException e) {
            throw new StorageException("Could not read " + key + " for " + tenant.tenantId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StoredObject> stat(String key, TenantContext tenant) throws StorageException {
        Path file = paths.file(tenant.tenantId(), key);
        Lock lock = locks.of(file).readLock();
        lock.lock();
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new StoredObject(key, attributes.size(), contentTypeOf(file),
                    attributes.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException("Could not describe " + key + " for " + tenant.tenantId() + ": "
                    + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean delete(String key, TenantContext tenant) throws StorageException {
        Path file = paths.file(tenant.tenantId(), key);
        Lock lock = locks.of(file).writeLock();
        lock.lock();
        try {
            if (Files.isDirectory(file)) {
                return false;
            }
            boolean deleted = Files.deleteIfExists(file);
            Files.deleteIfExists(ObjectPaths.typeFile(file));
            return deleted;
        } catch (IOException e) {
            throw new StorageException("Could not delete " + key + " for " + tenant.tenantId() + ": "
                    + WriteRefusal.reason(e), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<URI> readUrl(String key, Duration ttl, TenantContext tenant) {
        return Optional.empty();
    }

    private static long write(InputStream content, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(channel)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            long total = 0;
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                out.write(buffer, 0, n);
                total += n;
            }
            // The object must survive a crash once put has returned: its bytes reach the disk before the move.
            channel.force(true);
            return total;
        }
    }

    /** The type recorded at put, or one guessed from the name for a file that was placed by hand. */
    private static String contentTypeOf(Path file) throws IOException {
        try {
            String recorded = Files.readString(ObjectPaths.typeFile(file), StandardCharsets.UTF_8).trim();
            if (!recorded.isEmpty()) {
                return recorded;
            }
        } catch (NoSuchFileException e) {
            // Put wrote none (the name says the type), or the file was placed by hand.
        }
        return guessedType(file);
    }

    private static String guessedType(Path file) {
        String named = namedType(file);
        if (named != null) {
            return named;
        }
        String guessed = URLConnection.guessContentTypeFromName(file.getFileName().toString());
        return guessed != null ? guessed : FALLBACK_TYPE;
    }

    private static String namedType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : NAMED_TYPES.get(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not delete the temporary file {0}: {1}", temp,
                        e.getMessage());
            }
        }
    }
}
