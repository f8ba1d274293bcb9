package dev.atelier.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Small JPEG previews of images (poster frames of videos are {@link PosterFrames}). */
public final class Thumbnails {

    private static final float JPEG_QUALITY = 0.85f;

    private Thumbnails() {
    }

    /**
     * A JPEG thumbnail whose longer side is at most {@code maxSide}, from an image file (PNG/JPEG/WebP). An image
     * already that small keeps its size; transparency is shown on white; a JPEG's EXIF orientation is applied.
     *
     * @throws IOException when the file is not a PNG, JPEG or WebP image, or cannot be decoded
     */
    public static byte[] ofImage(Path image, int maxSide) throws IOException {
        requirePositive(maxSide);
        byte[] data = Files.readAllBytes(image);
        UploadFormat format;
        try {
            format = UploadFormat.detect(data, data.length);
        } catch (MediaRejectedException e) {
            throw new IOException("not a PNG, JPEG or WebP image: " + image.getFileName());
        }
        if (format.kind != MediaKind.IMAGE) {
            throw new IOException("not a PNG, JPEG or WebP image: " + image.getFileName());
        }
        BufferedImage decoded;
        ImageReader reader = ImageCodecs.reader(format);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            int longer = Math.max(reader.getWidth(0), reader.getHeight(0));
            // Skipping source pixels while decoding keeps a large image's thumbnail cheap in memory; twice the
            // target size is left for the smooth scaling below.
            int step = Math.max(1, longer / (2 * maxSide));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            decoded = reader.read(0, param);
        } catch (RuntimeException e) {
            throw new IOException("could not decode " + image.getFileName(), e);
        } finally {
            reader.dispose();
        }
        int orientation = format == UploadFormat.JPEG ? JpegStructure.orientation(data) : 1;
        BufferedImage upright = ExifOrientation.apply(ImageCodecs.opaqueRgb(decoded), orientation,
                BufferedImage.TYPE_INT_RGB);
        return jpeg(scaleDown(upright, maxSide));
    }

    /** A JPEG thumbnail of an image already decoded and upright, as {@link #ofImage} makes it. */
    static byte[] of(BufferedImage image, int maxSide) throws IOException {
        requirePositive(maxSide);
        return jpeg(scaleDown(ImageCodecs.opaqueRgb(image), maxSide));
    }

    /** The mediaType of what ofImage and {@link PosterFrames#of} return: {@code image/jpeg}. */
    public static String thumbnailMediaType() {
        return "image/jpeg";
    }

    private static void requirePositive(int maxSide) {
        if (maxSide <= 0) {
            throw new IllegalArgumentException("maxSide must be positive, not " + maxSide);
        }
    }

    /** Halves in steps and then scales the rest of the way, which stays smooth where one bilinear step would alias. */
    static BufferedImage scaleDown(BufferedImage image, int maxSide) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (Math.max(width, height) <= maxSide) {
            return image;
        }
        double scale = (double) maxSide / Math.max(width, height);
        int targetWidth = Math.max(1, (int) Math.round(width * scale));
        int targetHeight = Math.max(1, (int) Math.round(height * scale));
        BufferedImage current = image;
        while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
            current = resize(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        if (current.getWidth() != targetWidth || current.getHeight() != targetHeight) {
            current = resize(current, targetWidth, targetHeight);
        }
        return current;
    }

    private static BufferedImage resize(BufferedImage image, int width, int height) {
        BufferedImage resized = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = resized.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return resized;
    }

    static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageCodecs.writeJpeg(image, JPEG_QUALITY, out);
        }
        return bytes.toByteArray();
    }
}
