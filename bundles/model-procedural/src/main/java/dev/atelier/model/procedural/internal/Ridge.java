package dev.atelier.model.procedural.internal;

import java.util.Random;

/** A smooth random line across the picture (fractal 1D value noise), used for hills, dunes and light curtains. */
final class Ridge {

    private static final int KNOTS = 64;
    private final double[] knots = new double[KNOTS];
    private final double baseFrequency;
    private final int octaves;

    Ridge(Random random, double baseFrequency, int octaves) {
        for (int i = 0; i < KNOTS; i++) {
            knots[i] = random.nextDouble() * 2 - 1;
        }
        this.baseFrequency = baseFrequency;
        this.octaves = octaves;
    }

    /** The height at {@code x} in {@code [0, 1]}, roughly within {@code -1..1}. */
    double at(double x) {
        double sum = 0;
        double amplitude = 1;
        double frequency = baseFrequency;
        double norm = 0;
        for (int o = 0; o < octaves; o++) {
            sum += amplitude * smooth(x * frequency + o * 17.31);
            norm += amplitude;
            amplitude *= 0.5;
            frequency *= 2.1;
        }
        return sum / norm;
    }

    private double smooth(double position) {
        int i = (int) Math.floor(position);
        double t = position - i;
        double eased = t * t * (3 - 2 * t);
        double a = knots[Math.floorMod(i, KNOTS)];
        double b = knots[Math.floorMod(i + 1, KNOTS)];
        return a + (b - a) * eased;
    }
}
