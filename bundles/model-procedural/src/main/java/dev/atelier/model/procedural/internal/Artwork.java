package dev.atelier.model.procedural.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Random;

/**
 * One picture being drawn: the prompt, seed and style fix every random choice, the size only the resolution, so the
 * same request always draws the same picture and a larger size draws the same composition in more detail. A video draws
 * one artwork per frame, the same request at a later time.
 */
final class Artwork implements AutoCloseable {

    private final BufferedImage image;
    private final Graphics2D graphics;
    private final Canvas canvas;
    private final List<Layer> layers;

    Artwork(String prompt, long seed, Style style, int width, int height) {
        this(prompt, seed, style, width, height, 0);
    }

    /** A frame of a video at {@code time} seconds; every frame of the same request makes the same random choices. */
    Artwork(String prompt, long seed, Style style, int width, int height, double time) {
        Random random = new Random(entropy(prompt, seed, style));
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        graphics.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        this.canvas = new Canvas(graphics, width, height, Palette.forPrompt(prompt, random), random, time);
        this.layers = style.composition().layers(canvas);
    }

    /** The layers to draw, bottom first. */
    List<Layer> layers() {
        return layers;
    }

    /** Draws one of {@link #layers()}; layers must be drawn in order, each once. */
    void paint(Layer layer) {
        layer.paint(canvas);
    }

    BufferedImage image() {
        return image;
    }

    @Override
    public void close() {
        graphics.dispose();
    }

    /** The random seed of a picture: the first 8 bytes of a SHA-256 over everything that chooses it. */
    static long entropy(String prompt, long seed, Style style) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("atelier-procedural/1".getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(prompt.strip().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            sha256.update(style.id().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha256.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
