package dev.atelier.model.procedural.internal;

import dev.atelier.spi.model.InputMedia;
import dev.atelier.spi.testkit.TestMedia;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;

/** Input pictures for the tests, drawn rather than shipped. */
final class TestImages {

    private TestImages() {}

    /** A picture with light and shade: a diagonal gradient with a bright disc and a dark one. */
    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x203040), width, height, new Color(0xd0c0a0)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(width * 0.1, height * 0.1, width * 0.35, height * 0.35));
        g.setColor(Color.BLACK);
        g.fill(new Ellipse2D.Double(width * 0.55, height * 0.5, width * 0.35, height * 0.35));
        g.dispose();
        return image;
    }

    static InputMedia png(BufferedImage image) {
        return TestMedia.upload("image/png", TestMedia.encode(image, "png"));
    }

    static InputMedia jpeg(BufferedImage image) {
        return TestMedia.upload("image/jpeg", TestMedia.encode(image, "jpg"));
    }
}
