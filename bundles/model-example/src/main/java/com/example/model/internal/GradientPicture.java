package com.example.model.internal;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Two colours chosen from the prompt, drawn as a diagonal gradient and encoded as PNG with the JRE alone. */
final class GradientPicture {

    private static final float WARM_HUE = 0.0f;
    private static final float COOL_HUE = 0.5f;

    private final Color from;
    private final Color to;

    private GradientPicture(Color from, Color to) {
        this.from = from;
        this.to = to;
    }

    /** The same prompt and palette always give the same colours, so the same request gives the same picture. */
    static GradientPicture forPrompt(String prompt, String palette) {
        CRC32 crc = new CRC32();
        crc.update(prompt.getBytes(StandardCharsets.UTF_8));
        long hash = crc.getValue();
        float base = "cool".equals(palette) ? COOL_HUE : WARM_HUE;
        // Each palette keeps to a third of the colour wheel; the prompt picks where in it.
        float first = base + (hash & 0xFF) / 255f / 3f;
        float second = base + ((hash >> 8) & 0xFF) / 255f / 3f;
        return new GradientPicture(Color.getHSBColor(first, 0.6f, 0.95f), Color.getHSBColor(second, 0.8f, 0.55f));
    }

    byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setPaint(new GradientPaint(0, 0, from, width, height, to));
            graphics.fillRect(0, 0, width, height);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            // Writing to memory does not fail for want of space; anything else is a bug, not the user's doing.
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
