package dev.atelier.model.procedural.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The looks the model can draw; the {@code style} parameter names one by its {@link #id()}. */
enum Style {
    DUNES("dunes", new Dunes()),
    AURORA("aurora", new Aurora()),
    NEBULA("nebula", new Nebula()),
    BAUHAUS("bauhaus", new Bauhaus());

    static final Style DEFAULT = DUNES;

    private final String id;
    private final Composition composition;

    Style(String id, Composition composition) {
        this.id = id;
        this.composition = composition;
    }

    String id() {
        return id;
    }

    Composition composition() {
        return composition;
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(Style::id).toList();
    }

    static Optional<Style> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
