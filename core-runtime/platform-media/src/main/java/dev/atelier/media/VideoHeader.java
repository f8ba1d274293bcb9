package dev.atelier.media;

import java.util.List;

/**
 * What a video's container says.
 *
 * @param metadataBoxes metadata boxes (position and size in the file) that a copy should blank
 */
record VideoHeader(int width, int height, Long durationMillis, List<Span> metadataBoxes) {

    /** A byte range of the file: where a box starts and how long it is, header included. */
    record Span(long start, long size) {
    }
}
