package dev.atelier.media;

import java.nio.charset.StandardCharsets;

/**
 * Walks a WebP's RIFF chunks: the RIFF size must match the file exactly (nothing appended), every chunk must be
 * whole, and the dimensions come from the VP8X, VP8 or VP8L header.
 */
final class WebpStructure {

    private WebpStructure() {
    }

    static ImageHeader check(byte[] data) throws MediaRejectedException {
        String name = UploadFormat.WEBP.typeName;
        if (data.length < 20) {
            throw MediaRejectedException.unreadable(name);
        }
        long riffEnd = 8 + Bytes.u32le(data, 4);
        if (riffEnd > data.length) {
            throw MediaRejectedException.unreadable(name);
        }
        if (riffEnd < data.length) {
            throw MediaRejectedException.extraData(name);
        }
        int pos = 12;
        int width = 0;
        int height = 0;
        boolean sawBitstream = false;
        boolean first = true;
        while (pos < riffEnd) {
            if (pos + 8 > riffEnd) {
                throw MediaRejectedException.unreadable(name);
            }
            String type = new String(data, pos, 4, StandardCharsets.ISO_8859_1);
            long size = Bytes.u32le(data, pos + 4);
            int body = pos + 8;
            if (size > riffEnd - body) {
                throw MediaRejectedException.unreadable(name);
            }
            int length = (int) size;
            switch (type) {
                case "VP8X" -> {
                    if (!first || length < 10) {
                        throw MediaRejectedException.unreadable(name);
                    }
                    if ((Bytes.u8(data, body) & 0x02) != 0) {
                        throw MediaRejectedException.unsupported("An animated WebP image");
                    }
                    width = 1 + Bytes.u24le(data, body + 4);
                    height = 1 + Bytes.u24le(data, body + 7);
                }
                case "ANIM", "ANMF" -> throw MediaRejectedException.unsupported("An animated WebP image");
                case "VP8 " -> {
                    if (length < 10 || Bytes.u8(data, body + 3) != 0x9D || Bytes.u8(data, body + 4) != 0x01
                            || Bytes.u8(data, body + 5) != 0x2A) {
                        throw MediaRejectedException.unreadable(name);
                    }
                    if (first) {
                        width = Bytes.u16le(data, body + 6) & 0x3FFF;
                        height = Bytes.u16le(data, body + 8) & 0x3FFF;
                    }
                    sawBitstream = true;
                }
                case "VP8L" -> {
                    if (length < 5 || Bytes.u8(data, body) != 0x2F) {
                        throw MediaRejectedException.unreadable(name);
                    }
                    if (first) {
                        long bits = Bytes.u32le(data, body + 1);
                        width = (int) (bits & 0x3FFF) + 1;
                        height = (int) ((bits >> 14) & 0x3FFF) + 1;
                    }
                    sawBitstream = true;
                }
                default -> {
                    if (first) {
                        throw MediaRejectedException.unreadable(name);
                    }
                }
            }
            first = false;
            pos = body + length + (length & 1);
        }
        if (pos != riffEnd || !sawBitstream || width <= 0 || height <= 0) {
            throw MediaRejectedException.unreadable(name);
        }
        return new ImageHeader(width, height, 1, 4, 8, false);
    }
}
