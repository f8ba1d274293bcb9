package dev.atelier.media;

/** Whether an accepted upload is a still image or a video. */
public enum MediaKind {
    IMAGE,
    VIDEO
}
