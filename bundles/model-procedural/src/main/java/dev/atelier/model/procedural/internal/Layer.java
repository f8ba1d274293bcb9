package dev.atelier.model.procedural.internal;

/** One step of a picture: the model reports progress and checks for cancellation between layers. */
interface Layer {

    /** Short description shown to the user while this layer is drawn. */
    String stage();

    void paint(Canvas canvas);

    static Layer of(String stage, java.util.function.Consumer<Canvas> painter) {
        return new Layer() {
            @Override
            public String stage() {
                return stage;
            }

            @Override
            public void paint(Canvas canvas) {
                painter.accept(canvas);
            }
        };
    }
}
