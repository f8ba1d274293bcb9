package dev.atelier.model.procedural.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Glowing gas clouds drifting along a few filaments, crossed by dark dust, with a star field and bright stars. In a
 * video the view drifts slowly into the clouds (the stars, nearer, faster) and the stars twinkle.
 */
final class Nebula implements Composition {

    // Clouds are soft, so they are painted at a quarter of the size and scaled up: same look, far less filling.
    private static final int CLOUD_SCALE = 4;

    @Override
    public List<Layer> layers(Canvas c) {
        List<Layer> layers = new ArrayList<>();
        layers.add(Layer.of("Opening the void", canvas -> {
            canvas.g().setColor(Palette.mix(canvas.palette().darkest(), Color.BLACK, 0.65));
            canvas.g().fill(new Rectangle2D.Double(0, 0, canvas.width(), canvas.height()));
        }));
        layers.add(Layer.of("Gathering gas", this::clouds));
        layers.add(Layer.of("Scattering stars", this::stars));
        layers.add(Layer.of("Lighting stars", this::brightStars));
        return layers;
    }

    private void clouds(Canvas c) {
        int w = Math.max(1, c.width() / CLOUD_SCALE);
        int h = Math.max(1, c.height() / CLOUD_SCALE);
        double unit = Math.min(w, h);
        BufferedImage cloud = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = cloud.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int filaments = 2 + c.random().nextInt(3);
            for (int f = 0; f < filaments; f++) {
                double x = c.between(0.15, 0.85) * w;
                double y = c.between(0.15, 0.85) * h;
                double heading = c.between(0, 2 * Math.PI);
                Color color = c.palette().get(1 + f % 4);
                for (int i = 0; i < 34; i++) {
                    heading += c.between(-0.5, 0.5);
                    x += Math.cos(heading) * unit * 0.045;
                    y += Math.sin(heading) * unit * 0.045;
                    double r = unit * c.between(0.06, 0.24);
                    Color tint = Palette.mix(color, c.palette().lightest(), c.between(0.1, 0.6));
                    blob(g, x, y, r, tint, c.between(0.22, 0.42));
                    if (i % 6 == 0) {
                        blob(g, x, y, r * 0.4, Palette.mix(tint, Color.WHITE, 0.5), 0.35);
                    }
                }
            }
            int lanes = 3 + c.random().nextInt(4);
            for (int i = 0; i < lanes; i++) {
                double r = unit * c.between(0.05, 0.16);
                blob(g, c.between(0, w), c.between(0, h), r, Palette.mix(c.palette().darkest(), Color.BLACK, 0.7),
                        c.between(0.25, 0.5));
            }
        } finally {
            g.dispose();
        }
        Object interpolation = c.g().getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        c.g().setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        // Zooming in slowly: the clouds grow about the centre.
        double dx = c.width() * c.time() * 0.012;
        double dy = c.height() * c.time() * 0.012;
        c.g().drawImage(cloud, (int) Math.round(-dx), (int) Math.round(-dy), (int) Math.round(c.width() + 2 * dx),
                (int) Math.round(c.height() + 2 * dy), null);
        c.g().setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                interpolation == null ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : interpolation);
    }

    private static void blob(Graphics2D g, double x, double y, double r, Color color, double alpha) {
        g.setPaint(new RadialGradientPaint((float) x, (float) y, (float) r, new float[] {0f, 0.4f, 1f},
                new Color[] {Palette.withAlpha(color, alpha), Palette.withAlpha(color, alpha * 0.45),
                        Palette.withAlpha(color, 0)}));
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
    }

    private void stars(Canvas c) {
        int count = (int) (c.width() * (double) c.height() / 1800);
        double scale = c.unit() / 1024.0;
        for (int i = 0; i < count; i++) {
            double r = (0.35 + Math.pow(c.random().nextDouble(), 4) * 1.4) * scale;
            double x = zoom(c, c.random().nextDouble() * c.width(), c.width());
            double y = zoom(c, c.random().nextDouble() * c.height(), c.height());
            Color tint = Palette.mix(Color.WHITE, c.palette().lightest(), c.random().nextDouble() * 0.5);
            double twinkle = c.swing(1.2 + (i * 0.618034 % 1) * 3, 0.5);
            c.g().setColor(Palette.withAlpha(tint, c.between(0.3, 0.95) * twinkle));
            c.g().fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }
    }

    /** Where a star at {@code position} along a side of {@code length} is once the view has zoomed in. */
    private static double zoom(Canvas c, double position, double length) {
        if (c.time() == 0) {
            return position;
        }
        return length / 2 + (position - length / 2) * (1 + c.time() * 0.04);
    }

    private void brightStars(Canvas c) {
        int count = 2 + c.random().nextInt(4);
        for (int i = 0; i < count; i++) {
            double x = zoom(c, c.between(0.05, 0.95) * c.width(), c.width());
            double y = zoom(c, c.between(0.05, 0.95) * c.height(), c.height());
            double r = c.unit() * c.between(0.004, 0.009) * c.swing(2 + i * 0.7, 0.2);
            Color tint = Palette.mix(Color.WHITE, c.palette().get(3), 0.25);
            blob(c.g(), x, y, (float) (r * 9), tint, 0.45);
            double spike = r * c.between(10, 22);
            c.g().setStroke(new java.awt.BasicStroke((float) Math.max(1, r * 0.35)));
            c.g().setPaint(new RadialGradientPaint((float) x, (float) y, (float) spike, new float[] {0f, 1f},
                    new Color[] {Palette.withAlpha(Color.WHITE, 0.8), Palette.withAlpha(Color.WHITE, 0)}));
            c.g().draw(new Line2D.Double(x - spike, y, x + spike, y));
            c.g().draw(new Line2D.Double(x, y - spike, x, y + spike));
            c.g().setColor(Color.WHITE);
            c.g().fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }
    }
}
