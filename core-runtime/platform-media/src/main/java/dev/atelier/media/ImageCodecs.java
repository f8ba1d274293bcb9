package dev.atelier.media;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Finds the image readers and writers by format, never by sniffing: the format has already been decided from the
 * bytes, and a reader chosen by its own sniffing could accept something else.
 */
final class ImageCodecs {

    /**
     * The JDK PNG writer's deflate level is {@code (int) (9 * (1 - quality))}: 0.85 gives level 1, about twice as fast
     * as the default level 4 for files about a fifth larger. Checked images are written on every upload and every
     * generated output, so the time matters more than the bytes.
     */
    private static final float PNG_QUALITY = 0.85f;

    private ImageCodecs() {
    }

    /** A new reader for {@code format}; the caller disposes of it. */
    static ImageReader reader(UploadFormat format) throws IOException {
        String name = switch (format) {
            case PNG -> "png";
            case JPEG -> "jpeg";
            case WEBP -> "webp";
            default -> throw new IllegalArgumentException("not an image format: " + format);
        };
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(name);
        if (readers.hasNext()) {
            return readers.next();
        }
        if (format == UploadFormat.WEBP) {
            // Where the ImageIO registry cannot see the plugin through the service loader (e.g. in an OSGi
            // framework), the reader still works when created directly.
            return new WebPImageReaderSpi().createReaderInstance(null);
        }
        throw new IOException("no image reader for " + name);
    }

    /** A writer for {@code formatName}, if there is one. */
    static Optional<ImageWriter> writer(String formatName) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(formatName);
        return writers.hasNext() ? Optional.of(writers.next()) : Optional.empty();
    }

    /** Writes {@code image} as a baseline JPEG, with no metadata but the JFIF header. */
    static void writeJpeg(BufferedImage image, float quality, ImageOutputStream out) throws IOException {
        ImageWriter writer = writer("jpeg").orElseThrow(() -> new IOException("no JPEG writer"));
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(opaqueRgb(image), null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** Writes {@code image} in {@code formatName} with no metadata: PNG at a fast deflate level, others as default. */
    static void write(BufferedImage image, String formatName, ImageOutputStream out) throws IOException {
        ImageWriter writer = writer(formatName).orElseThrow(() -> new IOException("no " + formatName + " writer"));
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (formatName.equals("png")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(PNG_QUALITY);
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** {@code image} as 8-bit sRGB without alpha; transparent areas become white, as browsers show them on white. */
    static BufferedImage opaqueRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /**
     * {@code image} in sRGB (or grey), keeping alpha. An image decoded in another colour space (from an ICC profile
     * that is about to be dropped) is converted, so its colours survive losing the profile.
     */
    static BufferedImage srgb(BufferedImage image) {
        ColorSpace space = image.getColorModel().getColorSpace();
        if (space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY && space.getNumComponents() == 1
                && image.getType() != BufferedImage.TYPE_CUSTOM) {
            return image;
        }
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = converted.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return converted;
    }
}
