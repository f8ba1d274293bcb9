package dev.atelier.model.procedural.internal;

import java.awt.Graphics2D;
import java.util.Random;

/**
 * What a layer draws on: the graphics of the picture, its size, the palette and the random source derived from the
 * request. Layers draw in a fixed order and draw all their randomness from {@code random}, so a request always draws
 * the same picture.
 */
record Canvas(Graphics2D g, int width, int height, Palette palette, Random random) {

    /** The shorter side, the unit for sizes of round things so they stay round at any aspect ratio. */
    double unit() {
        return Math.min(width, height);
    }

    /** A uniform random number in {@code [from, to)}. */
    double between(double from, double to) {
        return from + random.nextDouble() * (to - from);
    }
}
