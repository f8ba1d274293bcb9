package dev.atelier.model.procedural.internal;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.LinearGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A layered landscape at sunset: graded sky, a glowing sun, ridges fading into haze towards the horizon. In a video the
 * sun sinks slowly and the ridges drift sideways, the nearer ones faster.
 */
final class Dunes implements Composition {

    @Override
    public List<Layer> layers(Canvas c) {
        List<Layer> layers = new ArrayList<>();
        layers.add(Layer.of("Painting the sky", this::sky));
        double sunX = c.between(0.2, 0.8) * c.width();
        double sunY = c.between(0.18, 0.42) * c.height();
        double sunRadius = c.between(0.07, 0.13) * c.unit();
        layers.add(Layer.of("Setting the sun", canvas -> sun(canvas, sunX, sunY, sunRadius)));
        int ridges = 5 + c.random().nextInt(3);
        double roughness = c.between(1.5, 4.0);
        for (int i = 0; i < ridges; i++) {
            Ridge ridge = new Ridge(c.random(), roughness + i * 0.4, 4);
            double depth = (i + 1.0) / ridges;
            layers.add(Layer.of("Raising ridge " + (i + 1) + " of " + ridges,
                    canvas -> ridge(canvas, ridge, depth, ridges)));
        }
        return layers;
    }

    private void sky(Canvas c) {
        Palette p = c.palette();
        c.g().setPaint(new LinearGradientPaint(0, 0, 0, c.height() * 0.7f, new float[] {0f, 0.55f, 1f},
                new Color[] {p.get(1), Palette.mix(p.get(2), p.get(3), 0.5), p.lightest()}));
        c.g().fill(new Rectangle2D.Double(0, 0, c.width(), c.height()));
    }

    private void sun(Canvas c, double x, double sunY, double r) {
        double y = sunY + c.time() * 0.012 * c.height();
        Color light = Palette.mix(c.palette().lightest(), Color.WHITE, 0.55);
        c.g().setPaint(new RadialGradientPaint((float) x, (float) y, (float) (r * 4), new float[] {0f, 0.3f, 1f},
                new Color[] {Palette.withAlpha(light, 0.55), Palette.withAlpha(light, 0.18),
                        Palette.withAlpha(light, 0)}));
        c.g().fill(new Ellipse2D.Double(x - r * 4, y - r * 4, r * 8, r * 8));
        c.g().setColor(light);
        c.g().fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
    }

    private void ridge(Canvas c, Ridge ridge, double depth, int ridges) {
        Palette p = c.palette();
        Color haze = Palette.mix(p.along(0.7), p.lightest(), 0.35);
        Color near = Palette.mix(p.darkest(), Color.BLACK, 0.25);
        Color top = Palette.mix(haze, near, Math.pow(depth, 0.8));
        Color bottom = Palette.mix(top, near, 0.45);
        double base = c.height() * (0.42 + 0.5 * depth);
        double amplitude = c.height() * (0.16 - 0.07 * depth);
        Path2D.Double outline = new Path2D.Double();
        outline.moveTo(0, c.height());
        double step = Math.max(2, c.width() / 256.0);
        double highest = c.height();
        double drift = c.time() * 0.025 * (0.4 + depth);
        for (double x = 0; x <= c.width() + step; x += step) {
            double y = base - amplitude * (ridge.at(x / c.unit() + drift) + 0.6);
            highest = Math.min(highest, y);
            outline.lineTo(x, y);
        }
        outline.lineTo(c.width() + step, c.height());
        outline.closePath();
        c.g().setPaint(new GradientPaint(0, (float) highest, top, 0, (float) c.height(), bottom));
        c.g().fill(outline);
        if (depth < 1) {
            // Mist pooling in the valley in front of the ridge gives the layers depth.
            double mistTop = base - amplitude * 0.2;
            double mistHeight = c.height() / (double) ridges;
            c.g().setPaint(new GradientPaint(0, (float) mistTop, Palette.withAlpha(haze, 0), 0,
                    (float) (mistTop + mistHeight), Palette.withAlpha(haze, 0.35)));
            c.g().fill(new Rectangle2D.Double(0, mistTop, c.width(), mistHeight));
        }
    }
}
