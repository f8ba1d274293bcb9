package dev.atelier.model.procedural.internal;

import java.awt.Color;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** A hand-picked colour set, ordered from darkest to lightest. Picked by prompt words when they name a mood. */
record Palette(List<Color> colors) {

    /** Curated palettes grouped by mood; a prompt word of a mood narrows the choice to that group. */
    private enum Mood {
        WATER("ocean sea water wave waves rain river lake blue ice winter snow storm whale harbor harbour",
                "03045e 0077b6 00b4d8 90e0ef caf0f8",
                "0d1b2a 1b263b 415a77 778da9 e0e1dd",
                "001219 005f73 0a9396 94d2bd e9d8a6"),
        FOREST("forest tree trees green leaf leaves jungle moss garden meadow mountain mountains valley fern",
                "081c15 1b4332 2d6a4f 52b788 b7e4c7",
                "283618 606c38 fefae0 dda15e bc6c25",
                "264653 2a9d8f e9c46a f4a261 e76f51"),
        WARM("sunset sunrise fire flame autumn warm desert sun dusk dawn gold golden orange red summer lava",
                "003049 d62828 f77f00 fcbf49 eae2b7",
                "3d348b 7678ed f7b801 f18701 f35b04",
                "355070 6d597a b56576 e56b6f eaac8b"),
        NIGHT("night space star stars galaxy cosmic cosmos dream dreams moon nebula purple violet neon city",
                "10002b 3c096c 7b2cbf c77dff e0aaff",
                "240046 3a0ca3 4361ee 4cc9f0 f72585",
                "22223b 4a4e69 9a8c98 c9ada7 f2e9e4"),
        SOFT("pastel soft spring flower flowers bloom blossom pink cloud clouds calm gentle peach cherry",
                "6d6875 b5838d e5989b ffb4a2 ffcdb2",
                "5e548e 9f86c0 be95c4 e0b1cb fde2e4",
                "582f0e 936639 b6ad90 c2c5aa e6ccb2"),
        BOLD("bold bright poster pop loud primary",
                "2b2d42 1982c4 8ac926 ffca3a ff595e",
                "2b2d42 ef233c 8d99ae d90429 edf2f4",
                "1d3557 e63946 457b9d a8dadc f1faee");

        private final List<String> words;
        private final List<Palette> palettes;

        Mood(String words, String... palettes) {
            this.words = List.of(words.split(" "));
            this.palettes = Arrays.stream(palettes).map(Palette::parse).toList();
        }
    }

    Palette {
        colors = colors.stream().sorted(Comparator.comparingDouble(Palette::luminance)).toList();
    }

    /** A palette for the prompt: one of its mood's when a prompt word names a mood, otherwise any. */
    static Palette forPrompt(String prompt, Random random) {
        List<String> words = List.of(prompt.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"));
        List<Mood> moods = Arrays.stream(Mood.values()).filter(m -> m.words.stream().anyMatch(words::contains)).toList();
        List<Palette> choices = (moods.isEmpty() ? Arrays.asList(Mood.values()) : moods).stream()
                .flatMap(m -> m.palettes.stream())
                .toList();
        return choices.get(random.nextInt(choices.size()));
    }

    Color darkest() {
        return colors.get(0);
    }

    Color lightest() {
        return colors.get(colors.size() - 1);
    }

    Color get(int index) {
        return colors.get(Math.floorMod(index, colors.size()));
    }

    Color any(Random random) {
        return colors.get(random.nextInt(colors.size()));
    }

    /** A colour between darkest ({@code 0}) and lightest ({@code 1}), blended across the whole palette. */
    Color along(double t) {
        double position = Math.max(0, Math.min(1, t)) * (colors.size() - 1);
        int index = Math.min((int) position, colors.size() - 2);
        return mix(colors.get(index), colors.get(index + 1), position - index);
    }

    static Color mix(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    static Color withAlpha(Color color, double alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), (int) Math.round(alpha * 255));
    }

    private static Palette parse(String hexes) {
        return new Palette(Arrays.stream(hexes.split(" ")).map(h -> new Color(Integer.parseInt(h, 16))).toList());
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }
}
