package dev.atelier.model.procedural.internal;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Curtains of polar light over a dark, starry sky and a mountain silhouette. In a video the curtains wander and
 * shimmer and the stars twinkle.
 */
final class Aurora implements Composition {

    @Override
    public List<Layer> layers(Canvas c) {
        List<Layer> layers = new ArrayList<>();
        layers.add(Layer.of("Darkening the sky", this::sky));
        layers.add(Layer.of("Scattering stars", this::stars));
        int curtains = 3 + c.random().nextInt(2);
        for (int i = 0; i < curtains; i++) {
            Ridge path = new Ridge(c.random(), c.between(0.8, 1.6), 3);
            Ridge reach = new Ridge(c.random(), c.between(2, 5), 3);
            double base = c.between(0.38, 0.62) * c.height();
            Color color = c.palette().get(2 + c.random().nextInt(3));
            double strength = c.between(0.35, 0.6);
            layers.add(Layer.of("Weaving light " + (i + 1) + " of " + curtains,
                    canvas -> curtain(canvas, path, reach, base, color, strength)));
        }
        Ridge far = new Ridge(c.random(), 2.5, 5);
        Ridge near = new Ridge(c.random(), 1.8, 5);
        layers.add(Layer.of("Carving mountains", canvas -> {
            mountains(canvas, far, 0.80, 0.10, Palette.mix(canvas.palette().darkest(), Color.BLACK, 0.35));
            mountains(canvas, near, 0.90, 0.08, Palette.mix(canvas.palette().darkest(), Color.BLACK, 0.7));
        }));
        return layers;
    }

    private void sky(Canvas c) {
        Color night = Palette.mix(c.palette().darkest(), Color.BLACK, 0.55);
        Color horizon = Palette.mix(c.palette().darkest(), c.palette().get(1), 0.6);
        c.g().setPaint(new GradientPaint(0, 0, night, 0, c.height(), horizon));
        c.g().fill(new Rectangle2D.Double(0, 0, c.width(), c.height()));
    }

    private void stars(Canvas c) {
        int count = (int) (c.width() * (double) c.height() / 3500);
        double scale = c.unit() / 1024.0;
        for (int i = 0; i < count; i++) {
            double x = c.random().nextDouble() * c.width();
            double y = Math.pow(c.random().nextDouble(), 1.4) * c.height() * 0.85;
            double r = (0.4 + Math.pow(c.random().nextDouble(), 3) * 1.6) * scale;
            double twinkle = c.swing(1.5 + (i * 0.618034 % 1) * 3, 0.6);
            c.g().setColor(Palette.withAlpha(Color.WHITE, c.between(0.25, 0.9) * twinkle));
            c.g().fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }
    }

    private void curtain(Canvas c, Ridge path, Ridge reach, double base, Color color, double strength) {
        double step = Math.max(1, c.width() / 512.0);
        Color glow = Palette.withAlpha(color, strength);
        Color fade = Palette.withAlpha(color, 0);
        for (double x = 0; x < c.width(); x += step) {
            double u = x / c.unit();
            double t = c.time();
            double y = base + path.at(u + t * 0.04) * c.height() * 0.18;
            double shimmer = 0.5 + 0.5 * reach.at(u * 3 + t * 0.35);
            double height = c.unit() * (0.12 + 0.3 * (reach.at(u + t * 0.06) + 1) / 2) * (0.6 + 0.4 * shimmer);
            float alpha = (float) (0.35 + 0.65 * shimmer);
            Color bright = Palette.withAlpha(color, strength * alpha);
            c.g().setPaint(new GradientPaint((float) x, (float) y, bright, (float) x, (float) (y - height), fade));
            c.g().fill(new Rectangle2D.Double(x, y - height, step + 0.5, height));
            double skirt = c.unit() * 0.025;
            c.g().setPaint(new GradientPaint((float) x, (float) y, glow, (float) x, (float) (y + skirt), fade));
            c.g().fill(new Rectangle2D.Double(x, y, step + 0.5, skirt));
        }
    }

    private void mountains(Canvas c, Ridge ridge, double base, double amplitude, Color color) {
        Path2D.Double outline = new Path2D.Double();
        outline.moveTo(0, c.height());
        double step = Math.max(2, c.width() / 256.0);
        for (double x = 0; x <= c.width() + step; x += step) {
            outline.lineTo(x, c.height() * (base - amplitude * (ridge.at(x / c.unit()) + 0.5)));
        }
        outline.lineTo(c.width() + step, c.height());
        outline.closePath();
        c.g().setColor(color);
        c.g().fill(outline);
    }
}
