package dev.atelier.spi.model;

/** What a model accepts as input. Every model accepts {@link #TEXT} (the prompt); some also take uploads. */
public enum InputKind {
    /** A text prompt (and optional negative prompt). */
    TEXT,
    /** One or more uploaded images, for example for image-to-image or image-to-video models. */
    IMAGE,
    /** An uploaded video, for example for video-to-video models. */
    VIDEO
}
