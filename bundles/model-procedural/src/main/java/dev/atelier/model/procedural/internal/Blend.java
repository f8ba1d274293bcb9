package dev.atelier.model.procedural.internal;

import java.awt.image.BufferedImage;

/**
 * Lays the art over an input picture: an overlay blend keeps the picture's light and shade and takes the art's colours
 * and shapes, and {@code weight} says how much of that blend, rather than the plain art, shows. Integer arithmetic on
 * the pixels, so the result is the same on every machine.
 */
final class Blend {

    private Blend() {}

    /**
     * Blends {@code art} over {@code base} in place.
     *
     * @param weight 0 leaves the art as it is, 1 shows only the overlay of the art on the picture
     */
    static void over(BufferedImage base, BufferedImage art, double weight) {
        int width = art.getWidth();
        int height = art.getHeight();
        int w = (int) Math.round(Math.max(0, Math.min(1, weight)) * 256);
        int[] top = new int[width];
        int[] bottom = new int[width];
        for (int y = 0; y < height; y++) {
            art.getRGB(0, y, width, 1, top, 0, width);
            base.getRGB(0, y, width, 1, bottom, 0, width);
            for (int x = 0; x < width; x++) {
                int a = top[x];
                int b = bottom[x];
                int r = mix(channel(a, 16), overlay(channel(b, 16), channel(a, 16)), w);
                int g = mix(channel(a, 8), overlay(channel(b, 8), channel(a, 8)), w);
                int bl = mix(channel(a, 0), overlay(channel(b, 0), channel(a, 0)), w);
                top[x] = 0xff000000 | r << 16 | g << 8 | bl;
            }
            art.setRGB(0, y, width, 1, top, 0, width);
        }
    }

    private static int channel(int rgb, int shift) {
        return rgb >> shift & 0xff;
    }

    /** The overlay blend of {@code top} on {@code base}: darkens where the base is dark, lightens where it is light. */
    static int overlay(int base, int top) {
        return base < 128 ? 2 * base * top / 255 : 255 - 2 * (255 - base) * (255 - top) / 255;
    }

    private static int mix(int from, int to, int weight256) {
        return from + ((to - from) * weight256 >> 8);
    }
}
