package dev.atelier.spi.model;

import java.io.IOException;
import java.io.InputStream;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An uploaded image or video given to a model as input. The host has already checked its type by content and stripped
 * its metadata. Implemented by the host.
 */
@ProviderType
public interface InputMedia {

    /** {@link MediaKind#IMAGE} or {@link MediaKind#VIDEO}. */
    MediaKind kind();

    /** The checked media type, for example {@code image/png} or {@code video/mp4}. */
    String mediaType();

    /** Size in bytes. */
    long size();

    /** Opens the content; the caller closes the stream. May be called more than once. */
    InputStream open() throws IOException;
}
