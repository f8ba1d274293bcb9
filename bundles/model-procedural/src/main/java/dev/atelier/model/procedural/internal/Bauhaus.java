package dev.atelier.model.procedural.internal;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A poster grid in the Bauhaus manner: flat colour tiles, each with quarter circles, half moons, rings or stripes. In a
 * video the half moons turn, the circles and dots breathe and the stripes slide.
 */
final class Bauhaus implements Composition {

    private static final Color PAPER = new Color(0xF2EDE3);

    private enum Motif { QUARTER, HALF, CIRCLE, RING, TRIANGLE, STRIPES, DOTS, PLAIN }

    private record Tile(Rectangle2D.Double bounds, Color ground, Color figure, Motif motif, int turn) {}

    @Override
    public List<Layer> layers(Canvas c) {
        double margin = c.unit() * 0.07;
        int columns = 3 + c.random().nextInt(3);
        double cellWidth = (c.width() - 2 * margin) / columns;
        int rows = Math.max(1, (int) Math.round((c.height() - 2 * margin) / cellWidth));
        double cellHeight = (c.height() - 2 * margin) / rows;
        Color paper = Palette.mix(c.palette().lightest(), PAPER, 0.75);
        List<Color> inks = new ArrayList<>(c.palette().colors().subList(0, c.palette().colors().size() - 1));
        inks.add(paper);

        List<Layer> layers = new ArrayList<>();
        layers.add(Layer.of("Laying out paper", canvas -> {
            canvas.g().setColor(paper);
            canvas.g().fill(new Rectangle2D.Double(0, 0, canvas.width(), canvas.height()));
        }));
        for (int row = 0; row < rows; row++) {
            List<Tile> tiles = new ArrayList<>();
            for (int column = 0; column < columns; column++) {
                Rectangle2D.Double bounds = new Rectangle2D.Double(margin + column * cellWidth,
                        margin + row * cellHeight, cellWidth + 0.5, cellHeight + 0.5);
                tiles.add(tile(c.random(), bounds, inks));
            }
            layers.add(Layer.of("Printing row " + (row + 1) + " of " + rows,
                    canvas -> tiles.forEach(tile -> paint(canvas, tile))));
        }
        return layers;
    }

    private static Tile tile(Random random, Rectangle2D.Double bounds, List<Color> inks) {
        Color ground = inks.get(random.nextInt(inks.size()));
        Color figure;
        do {
            figure = inks.get(random.nextInt(inks.size()));
        } while (figure.equals(ground));
        Motif[] motifs = Motif.values();
        return new Tile(bounds, ground, figure, motifs[random.nextInt(motifs.length)], random.nextInt(4));
    }

    private void paint(Canvas c, Tile tile) {
        Rectangle2D.Double b = tile.bounds();
        c.g().setColor(tile.ground());
        c.g().fill(b);
        Shape clip = c.g().getClip();
        c.g().clip(b);
        c.g().setColor(tile.figure());
        double w = b.width;
        double h = b.height;
        double s = Math.min(w, h);
        double cx = b.getCenterX();
        double cy = b.getCenterY();
        double t = c.time();
        double breath = c.swing(1.6 + tile.turn() * 0.3, 0.25);
        switch (tile.motif()) {
            case QUARTER -> {
                double x = (tile.turn() == 0 || tile.turn() == 3) ? b.x : b.x + w;
                double y = tile.turn() < 2 ? b.y : b.y + h;
                double q = s * breath;
                c.g().fill(new Ellipse2D.Double(x - q, y - q, 2 * q, 2 * q));
            }
            case HALF -> c.g().fill(
                    new Arc2D.Double(cx - s / 2, cy - s / 2, s, s, tile.turn() * 90 + t * 40, 180, Arc2D.PIE));
            case CIRCLE -> {
                double r = s * 0.38 * breath;
                c.g().fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
            }
            case RING -> {
                Path2D.Double ring = new Path2D.Double(Path2D.WIND_EVEN_ODD);
                ring.append(new Ellipse2D.Double(cx - s * 0.4, cy - s * 0.4, s * 0.8, s * 0.8), false);
                double inner = s * 0.22 * (2 - breath);
                ring.append(new Ellipse2D.Double(cx - inner, cy - inner, 2 * inner, 2 * inner), false);
                c.g().fill(ring);
            }
            case TRIANGLE -> {
                Path2D.Double triangle = new Path2D.Double();
                double[][] corners = {{b.x, b.y}, {b.x + w, b.y}, {b.x + w, b.y + h}, {b.x, b.y + h}};
                triangle.moveTo(corners[tile.turn()][0], corners[tile.turn()][1]);
                triangle.lineTo(corners[(tile.turn() + 1) % 4][0], corners[(tile.turn() + 1) % 4][1]);
                triangle.lineTo(corners[(tile.turn() + 2) % 4][0], corners[(tile.turn() + 2) % 4][1]);
                triangle.closePath();
                c.g().fill(triangle);
            }
            case STRIPES -> {
                int stripes = 4 + tile.turn();
                double slide = t * 0.3 % 1;
                // One stripe more, above or left of the tile, slides in as the others slide on; the clip cuts it.
                for (int i = slide == 0 ? 0 : -1; i < stripes; i++) {
                    double at = i + 0.25 + slide;
                    if (tile.turn() % 2 == 0) {
                        c.g().fill(new Rectangle2D.Double(b.x, b.y + h * at / stripes, w, h * 0.5 / stripes));
                    } else {
                        c.g().fill(new Rectangle2D.Double(b.x + w * at / stripes, b.y, w * 0.5 / stripes, h));
                    }
                }
            }
            case DOTS -> {
                int n = 3 + tile.turn() % 2;
                double r = s / n * 0.28 * breath;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double x = b.x + w * (i + 0.5) / n;
                        double y = b.y + h * (j + 0.5) / n;
                        c.g().fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
                    }
                }
            }
            case PLAIN -> { }
        }
        c.g().setClip(clip);
    }
}
