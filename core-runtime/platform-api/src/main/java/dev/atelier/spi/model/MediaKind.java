package dev.atelier.spi.model;

/** The kind of medium a model produces or accepts. */
public enum MediaKind {
    /** A still image (PNG, JPEG or WebP). */
    IMAGE,
    /** A video (MP4 or WebM). */
    VIDEO
}
