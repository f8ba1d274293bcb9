package dev.atelier.media;

/**
 * What an image's container says before any pixel is decoded.
 *
 * @param orientation the EXIF orientation (1 to 8; 1 is upright)
 */
record ImageHeader(int width, int height, int orientation) {

    long pixels() {
        return (long) width * height;
    }
}
