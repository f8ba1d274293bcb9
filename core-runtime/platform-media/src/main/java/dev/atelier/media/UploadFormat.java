package dev.atelier.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** The upload formats that are accepted, recognised from a file's first bytes. */
enum UploadFormat {
    PNG(MediaKind.IMAGE, "image/png", "PNG image"),
    JPEG(MediaKind.IMAGE, "image/jpeg", "JPEG image"),
    WEBP(MediaKind.IMAGE, "image/webp", "WebP image"),
    MP4(MediaKind.VIDEO, "video/mp4", "MP4 video"),
    WEBM(MediaKind.VIDEO, "video/webm", "WebM video");

    /** Enough of a file's start to tell every accepted format and the usual unsupported ones apart. */
    static final int HEAD_LENGTH = 512;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Set<String> STILL_IMAGE_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx",
            "mif1", "msf1", "avif", "avis", "crx ", "jxl ");

    final MediaKind kind;
    final String mediaType;
    final String typeName;

    UploadFormat(MediaKind kind, String mediaType, String typeName) {
        this.kind = kind;
        this.mediaType = mediaType;
        this.typeName = typeName;
    }

    /**
     * The format whose signature {@code head} starts with.
     *
     * @throws MediaRejectedException 415 naming what the file seems to be, when it is not an accepted format
     */
    static UploadFormat detect(byte[] head, int length) throws MediaRejectedException {
        if (length == 0) {
            throw new MediaRejectedException(415, "This file is empty. " + MediaRejectedException.SUPPORTED);
        }
        if (startsWith(head, length, 0, PNG_SIGNATURE)) {
            return PNG;
        }
        if (length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (ascii(head, length, 0, "RIFF") && ascii(head, length, 8, "WEBP")) {
            return WEBP;
        }
        if (ascii(head, length, 4, "ftyp")) {
            String brand = length >= 12 ? new String(head, 8, 4, StandardCharsets.ISO_8859_1) : "";
            if (STILL_IMAGE_BRANDS.contains(brand)) {
                throw MediaRejectedException.unsupported(brand.startsWith("avi") ? "An AVIF image"
                        : brand.startsWith("jxl") ? "A JPEG XL image" : "A HEIC image");
            }
            if (brand.equals("qt  ")) {
                throw MediaRejectedException.unsupported("A QuickTime (MOV) video");
            }
            return MP4;
        }
        if (length >= 4 && (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF
                && (head[3] & 0xFF) == 0xA3) {
            return WEBM;
        }
        throw MediaRejectedException.unsupported(describeUnsupported(head, length));
    }

    /** What an unaccepted file seems to be, for the refusal message, or null when it is not recognised. */
    private static String describeUnsupported(byte[] head, int length) {
        if (ascii(head, length, 0, "GIF87a") || ascii(head, length, 0, "GIF89a")) {
            return "A GIF image";
        }
        if (ascii(head, length, 0, "%PDF")) {
            return "A PDF document";
        }
        if (ascii(head, length, 0, "II*\0") || ascii(head, length, 0, "MM\0*")) {
            return "A TIFF image";
        }
        if (ascii(head, length, 0, "BM")) {
            return "A BMP image";
        }
        if (ascii(head, length, 0, "8BPS")) {
            return "A Photoshop document";
        }
        if (ascii(head, length, 0, "\0\0\1\0")) {
            return "An icon file";
        }
        if (ascii(head, length, 0, "RIFF") && ascii(head, length, 8, "AVI ")) {
            return "An AVI video";
        }
        if (ascii(head, length, 0, "RIFF") && ascii(head, length, 8, "WAVE")) {
            return "A WAV audio file";
        }
        if (ascii(head, length, 0, "OggS")) {
            return "An Ogg file";
        }
        if (ascii(head, length, 0, "ID3")) {
            return "An MP3 audio file";
        }
        if (ascii(head, length, 0, "PK\3\4")) {
            return "A ZIP archive";
        }
        String text = new String(head, 0, length, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).strip();
        if (text.startsWith("\u00ef\u00bb\u00bf")) {
            text = text.substring(3).strip();
        }
        if (text.startsWith("<")) {
            if (text.contains("<svg")) {
                return "An SVG image";
            }
            if (text.contains("<html") || text.contains("<!doctype html") || text.contains("<script")) {
                return "A web page (HTML)";
            }
            return "An XML or HTML file";
        }
        return null;
    }

    static boolean ascii(byte[] data, int length, int offset, String expected) {
        if (offset + expected.length() > length) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (data[offset + i] != (byte) expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] data, int length, int offset, byte[] expected) {
        if (offset + expected.length > length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (data[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
