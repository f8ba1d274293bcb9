/**
 * Accepting uploaded images and videos safely, and making thumbnails of them.
 *
 * <p>{@link dev.atelier.media.MediaInspector#inspect} takes the file a person uploaded and either refuses it with a
 * {@link dev.atelier.media.MediaRejectedException} (status 415 for a type that is not supported or a file that is
 * damaged or hides other data, 413 for one that is too large in bytes or pixels; the message is written for the
 * person and safe to show) or returns an {@link dev.atelier.media.InspectedMedia} whose
 * {@code sanitizedFile()} is a new file to store instead of the upload. The type is recognised from the file's
 * bytes only: names and declared content types are never trusted.
 *
 * <p>Images (PNG, JPEG, WebP) are checked against the limits from their headers before any pixel is decoded, then
 * decoded completely and written again, so that metadata (EXIF, XMP, ICC, text chunks) and anything hidden inside
 * or after the image is gone. A JPEG's EXIF orientation is applied first, so the picture still stands the right
 * way up. Videos (MP4, WebM) are not re-encoded; their container structure is checked instead, and an MP4's
 * metadata boxes are blanked in the copy.
 *
 * <p>{@link dev.atelier.media.Thumbnails} makes small JPEG previews of images and poster frames of H.264 MP4
 * videos. {@link dev.atelier.media.MediaLimits#defaults()} gives the limits used unless configured otherwise.
 */
package dev.atelier.media;
