package dev.atelier.media;

import java.util.List;

/**
 * What a video's container says.
 *
 * @param metadataTypeOffsets where the type fields of metadata boxes are, so a copy can blank them
 */
record VideoHeader(int width, int height, Long durationMillis, List<Long> metadataTypeOffsets) {
}
