package dev.atelier.generation;

import dev.atelier.generation.jobs.Job;
import dev.atelier.generation.jobs.Output;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.media.CheckedImage;
import dev.atelier.media.InspectedMedia;
import dev.atelier.media.MediaBusyException;
import dev.atelier.media.MediaInspector;
import dev.atelier.media.MediaRejectedException;
import dev.atelier.media.PosterFrames;
import dev.atelier.media.Thumbnails;
import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.storage.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a model's outputs into the tenant's storage before the job may succeed (provider URLs and temp files do not
 * last), each checked like an upload (recognised by its bytes, decoded, within size limits, metadata dropped) and
 * with a thumbnail (images, from the decode that checked them) or poster frame (videos). All or nothing: if one output fails, those stored are deleted.
 *
 * @param storage the tenant's storage plugin the outputs are copied into
 * @param inspector recognises and decodes each output
 * @param posters takes a video's poster frame
 * @param maxBytes the largest output accepted
 */
record OutputStore(TenantStorage storage, MediaInspector inspector, PosterFrames posters, long maxBytes) {

    private static final Logger LOG = LoggerFactory.getLogger(OutputStore.class);
    static final int THUMBNAIL_SIDE = 384;

    /** The model's output is not what it declared, too large, or unreadable. */
    static final class RejectedOutputException extends Exception {
        RejectedOutputException(String message) {
            super(message);
        }
    }

    /** The node's decode budget stayed taken: the output may be fine, so the job can be tried again. */
    static final class BusyException extends Exception {
        BusyException(String message) {
            super(message);
        }
    }

    /** The tenant's storage did not take the output. */
    static final class StorageUnavailableException extends Exception {
        StorageUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A worker waits this long for the decode budget; it is no person at an upload button. */
    private static final Duration DECODE_WAIT = Duration.ofMinutes(1);

    List<Output> store(Tenant tenant, Job job, GenerationResult result)
            throws RejectedOutputException, StorageUnavailableException, BusyException {
        List<Output> stored = new ArrayList<>();
        try {
            int index = 0;
            for (GeneratedMedia media : result.outputs()) {
                stored.add(storeOne(tenant, job, index++, media, stored));
            }
            return stored;
        } catch (RejectedOutputException | StorageUnavailableException | BusyException | RuntimeException e) {
            deleteQuietly(tenant, stored);
            throw e;
        }
    }

    private Output storeOne(Tenant tenant, Job job, int index, GeneratedMedia media, List<Output> stored)
            throws RejectedOutputException, StorageUnavailableException, BusyException {
        try {
            return media.kind() == MediaKind.IMAGE ? storeImage(tenant, job, index, media)
                    : storeVideo(tenant, job, index, media);
        } catch (MediaRejectedException e) {
            throw new RejectedOutputException(e.getMessage());
        } catch (MediaBusyException e) {
            throw new BusyException(e.getMessage());
        } catch (StorageException e) {
            throw new StorageUnavailableException(e.getMessage(), e);
        } catch (IOException e) {
            throw new RejectedOutputException("unreadable output: " + e.getMessage());
        }
    }

    // An image is checked in memory, and its thumbnail comes from the decode that checked it: no temporary files, no
    // second decode. A small image is its own thumbnail (CheckedImage#thumbnail), and only one file is written.
    private Output storeImage(Tenant tenant, Job job, int index, GeneratedMedia media)
            throws IOException, RejectedOutputException, MediaRejectedException, MediaBusyException,
            StorageException {
        CheckedImage checked = inspector.inspectGeneratedImage(read(media), DECODE_WAIT, THUMBNAIL_SIDE);
        String key = TenantStorage.outputKey(tenant, job.id(), index, Uploads.extension(checked.mediaType()));
        storage.put(tenant, key, new ByteArrayInputStream(checked.bytes()), checked.bytes().length,
                checked.mediaType());
        String thumbnailKey = checked.thumbnail() == null ? key : TenantStorage.thumbnailKey(tenant, job.id(), index);
        if (checked.thumbnail() != null) {
            try {
                storage.put(tenant, thumbnailKey, new ByteArrayInputStream(checked.thumbnail()),
                        checked.thumbnail().length, Thumbnails.thumbnailMediaType());
            } catch (StorageException | RuntimeException e) {
                deleteKey(tenant, key); // not yet in `stored`: nobody else would remove it
                throw e;
            }
        }
        return new Output(key, checked.mediaType(), checked.bytes().length, checked.width(), checked.height(), null,
                thumbnailKey);
    }

    private Output storeVideo(Tenant tenant, Job job, int index, GeneratedMedia media)
            throws IOException, RejectedOutputException, MediaRejectedException, MediaBusyException,
            StorageException {
        Path raw = null;
        InspectedMedia checked = null;
        try {
            raw = copy(media);
            checked = inspector.inspect(raw, DECODE_WAIT);
            if (!checked.kind().name().equals(media.kind().name())) {
                throw new RejectedOutputException("declared " + media.kind() + " but the bytes are "
                        + checked.mediaType());
            }
            String key = TenantStorage.outputKey(tenant, job.id(), index, Uploads.extension(checked.mediaType()));
            try (InputStream in = Files.newInputStream(checked.sanitizedFile())) {
                storage.put(tenant, key, in, checked.size(), checked.mediaType());
            }
            String thumbnailKey;
            try {
                thumbnailKey = thumbnail(tenant, job, index, checked);
            } catch (IOException | StorageException | MediaBusyException | RuntimeException e) {
                deleteKey(tenant, key); // not yet in `stored`: nobody else would remove it
                throw e;
            }
            return new Output(key, checked.mediaType(), checked.size(), checked.width(), checked.height(),
                    checked.durationMillis(), thumbnailKey);
        } finally {
            deleteTemp(raw);
            deleteTemp(checked == null ? null : checked.sanitizedFile());
        }
    }

    // A video's poster frame that cannot be decoded within its bounds is an IOException: the output is refused.
    private String thumbnail(Tenant tenant, Job job, int index, InspectedMedia media)
            throws IOException, StorageException, MediaBusyException {
        Optional<byte[]> bytes = posters.of(media.sanitizedFile(), THUMBNAIL_SIDE, DECODE_WAIT);
        if (bytes.isEmpty()) {
            return null;
        }
        String key = TenantStorage.thumbnailKey(tenant, job.id(), index);
        storage.put(tenant, key, new ByteArrayInputStream(bytes.get()), bytes.get().length,
                Thumbnails.thumbnailMediaType());
        return key;
    }

    // Bounded read: a model that returns gigabytes is refused without filling the heap.
    private byte[] read(GeneratedMedia media) throws IOException, RejectedOutputException {
        if (media.size() > maxBytes) {
            throw new RejectedOutputException("output of " + media.size() + " bytes exceeds " + maxBytes);
        }
        try (InputStream in = media.open()) {
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8) + 1);
            if (bytes.length > maxBytes) {
                throw new RejectedOutputException("output larger than " + maxBytes + " bytes");
            }
            return bytes;
        }
    }

    // Bounded copy: a model that returns gigabytes is refused without filling the disk.
    private Path copy(GeneratedMedia media) throws IOException, RejectedOutputException {
        if (media.size() > maxBytes) {
            throw new RejectedOutputException("output of " + media.size() + " bytes exceeds " + maxBytes);
        }
        Path file = Files.createTempFile("atelier-output-", media.kind() == MediaKind.VIDEO ? ".video" : ".image");
        try (InputStream in = media.open(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > maxBytes) {
                    throw new RejectedOutputException("output larger than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RejectedOutputException e) {
            deleteTemp(file);
            throw e;
        }
        return file;
    }

    void deleteQuietly(Tenant tenant, List<Output> outputs) {
        for (Output output : outputs) {
            deleteKey(tenant, output.key());
            if (output.thumbnailKey() != null && !output.thumbnailKey().equals(output.key())) {
                deleteKey(tenant, output.thumbnailKey());
            }
        }
    }

    private void deleteKey(Tenant tenant, String key) {
        try {
            storage.delete(tenant, key);
        } catch (StorageException | RuntimeException e) {
            LOG.warn("Tenant {}: could not delete {}: {}", tenant.slug(), key, e.getMessage());
        }
    }

    private static void deleteTemp(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not delete temporary file {}: {}", file, e.toString());
            }
        }
    }
}
