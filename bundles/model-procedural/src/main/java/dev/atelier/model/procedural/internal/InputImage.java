package dev.atelier.model.procedural.internal;

import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.InputMedia;
import dev.atelier.spi.model.MediaKind;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An uploaded picture used as the base of the art: decoded with ImageIO (PNG, JPEG, GIF, BMP), then scaled to cover the
 * requested size and cropped to it about its centre, like a photo filling a frame.
 */
final class InputImage {

    /** Larger uploads are refused before decoding: their pixels alone would take hundreds of megabytes. */
    static final long MAX_PIXELS = 50_000_000L;

    private InputImage() {}

    /** The first image among the request's inputs, decoded, or empty for a text-only request. */
    static Optional<BufferedImage> first(GenerationRequest request) throws GenerationException {
        for (InputMedia input : request.inputs()) {
            if (input.kind() == MediaKind.IMAGE) {
                return Optional.of(decode(input));
            }
        }
        return Optional.empty();
    }

    static BufferedImage decode(InputMedia input) throws GenerationException {
        try (InputStream in = input.open(); ImageInputStream images = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = images == null ? null : ImageIO.getImageReaders(images);
            if (readers == null || !readers.hasNext()) {
                throw unreadable(null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(images, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new GenerationException(GenerationException.Kind.INVALID_INPUT,
                            "The input image is too large; use one of at most " + MAX_PIXELS / 1_000_000
                                    + " megapixels.");
                }
                BufferedImage image = reader.read(0);
                if (image.getWidth() <= 0 || image.getHeight() <= 0) {
                    throw unreadable(null);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO reports broken files as IIOException, and some as runtime exceptions of its plugins.
            throw unreadable(e);
        }
    }

    /**
     * The picture scaled to cover {@code width} x {@code height} and cropped to it about its centre, as an opaque RGB
     * image. Large reductions go in halving steps so the result stays smooth rather than grainy.
     */
    static BufferedImage cover(BufferedImage source, int width, int height) {
        double scale = Math.max(width / (double) source.getWidth(), height / (double) source.getHeight());
        BufferedImage image = source;
        // Halve while more than twice too large: bilinear sampling in one step would skip most pixels.
        while (scale < 0.5) {
            int w = Math.max(1, image.getWidth() / 2);
            int h = Math.max(1, image.getHeight() / 2);
            scale *= image.getWidth() / (double) w;
            image = scaled(image, w, h);
        }
        double scaledWidth = image.getWidth() * scale;
        double scaledHeight = image.getHeight() * scale;
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = result.createGraphics();
        try {
            quality(g);
            int x = (int) Math.round((width - scaledWidth) / 2);
            int y = (int) Math.round((height - scaledHeight) / 2);
            g.drawImage(image, x, y, (int) Math.ceil(scaledWidth), (int) Math.ceil(scaledHeight), null);
        } finally {
            g.dispose();
        }
        return result;
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = result.createGraphics();
        try {
            quality(g);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return result;
    }

    private static void quality(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    private static GenerationException unreadable(Exception cause) {
        return new GenerationException(GenerationException.Kind.INVALID_INPUT,
                "The input image could not be read; use a PNG or JPEG picture.", cause);
    }
}
