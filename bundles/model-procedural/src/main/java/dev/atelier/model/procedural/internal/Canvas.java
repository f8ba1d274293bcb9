package dev.atelier.model.procedural.internal;

import java.awt.Graphics2D;
import java.util.Random;

/**
 * What a layer draws on: the graphics of the picture, its size, the palette, the random source derived from the
 * request and the time of the frame. Layers draw in a fixed order and draw all their randomness from {@code random},
 * so a request always draws the same picture.
 *
 * <p>{@code time} is the time of a video frame in seconds, and {@code 0} for a still picture. Layers use it only to
 * move what they draw, never to decide how many random numbers they draw, so every frame of a video makes the same
 * random choices and the same things move smoothly from frame to frame. At time {@code 0} a layer draws exactly the
 * still picture.
 */
record Canvas(Graphics2D g, int width, int height, Palette palette, Random random, double time) {

    /** The shorter side, the unit for sizes of round things so they stay round at any aspect ratio. */
    double unit() {
        return Math.min(width, height);
    }

    /** A uniform random number in {@code [from, to)}. */
    double between(double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    /**
     * A factor that is {@code 1} at time {@code 0} and swings smoothly between {@code 1 - depth} and {@code 1} after,
     * {@code rate} radians a second: for twinkling and pulsing that leaves the still picture as it is.
     */
    double swing(double rate, double depth) {
        return 1 - depth * (1 - Math.cos(time * rate)) / 2;
    }
}
