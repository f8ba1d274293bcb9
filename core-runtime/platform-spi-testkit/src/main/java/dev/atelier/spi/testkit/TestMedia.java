package dev.atelier.spi.testkit;

import dev.atelier.spi.model.InputMedia;
import dev.atelier.spi.model.MediaKind;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Pictures for a model's tests, drawn with Java2D rather than shipped as files, and uploads as the host hands them to
 * a model.
 *
 * <pre>{@code
 * byte[] png = TestMedia.png(96, 64);
 * InputMedia upload = TestMedia.upload("image/png", png);
 * GenerationRequest request = new GenerationRequest("a lighthouse", null, Map.of(), List.of(upload));
 * }</pre>
 */
public final class TestMedia {

    private TestMedia() {}

    /** A real PNG of {@code width} × {@code height} pixels: a diagonal gradient, so that scaling and cropping show. */
    public static byte[] png(int width, int height) {
        return encode(gradient(width, height), "png");
    }

    /** A real JPEG of {@code width} × {@code height} pixels, drawn like {@link #png(int, int)}. */
    public static byte[] jpeg(int width, int height) {
        return encode(gradient(width, height), "jpg");
    }

    /**
     * {@code image} in {@code format}, an ImageIO format name such as {@code png} or {@code jpg}.
     *
     * @throws IllegalStateException when ImageIO has no writer for {@code format}
     */
    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An uploaded picture as the host hands it to a model. The host checks an upload's type by its content first; this
     * one takes {@code mediaType} as given, so a test can also hand a model content that does not match it.
     */
    public static InputMedia upload(String mediaType, byte[] content) {
        return new InputMedia() {
            @Override
            public MediaKind kind() {
                return MediaKind.IMAGE;
            }

            @Override
            public String mediaType() {
                return mediaType;
            }

            @Override
            public long size() {
                return content.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(content);
            }
        };
    }

    private static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x7c3aed), width, height, new Color(0x22d3ee)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }
}
