package dev.atelier.media;

/**
 * What an image's container says before any pixel is decoded.
 *
 * @param orientation     the EXIF orientation (1 to 8; 1 is upright)
 * @param samplesPerPixel colour and alpha samples of each decoded pixel (1 for a palette image)
 * @param bitsPerSample   bits of each sample as stored (16 for a deep PNG, 12 for a 12-bit JPEG)
 * @param progressive     a progressive JPEG, whose decoder keeps every coefficient of the image until the last scan
 */
record ImageHeader(int width, int height, int orientation, int samplesPerPixel, int bitsPerSample,
                   boolean progressive) {

    long pixels() {
        return (long) width * height;
    }
}
