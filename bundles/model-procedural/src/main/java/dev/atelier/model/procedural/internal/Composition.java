package dev.atelier.model.procedural.internal;

import java.util.List;

/** The layers of one style of picture, drawn bottom to top. */
interface Composition {

    /** Plans the layers; all random choices are made from {@code canvas.random()} in drawing order. */
    List<Layer> layers(Canvas canvas);
}
