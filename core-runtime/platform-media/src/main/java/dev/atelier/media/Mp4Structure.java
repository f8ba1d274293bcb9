package dev.atelier.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks an MP4's ISO-BMFF boxes: ftyp first, exactly one moov, media data present, every box inside the file and the
 * boxes adding up to the file's size, so nothing rides along after the container. Duration comes from mvhd and the
 * picture size from the video track's tkhd.
 */
final class Mp4Structure {

    /** A moov larger than this is not a phone or generator's video; refusing it keeps the read bounded. */
    static final long MAX_MOOV_BYTES = 64L * 1024 * 1024;

    private Mp4Structure() {
    }

    static VideoHeader check(FileBytes file) throws IOException, MediaRejectedException {
        String name = UploadFormat.MP4.typeName;
        long pos = 0;
        long moovStart = -1;
        long moovSize = 0;
        boolean sawMediaData = false;
        List<VideoHeader.Span> metadata = new ArrayList<>();
        while (pos < file.size) {
            Box box = Box.at(file, pos, file.size);
            if (box == null) {
                throw moovStart >= 0 && sawMediaData
                        ? MediaRejectedException.extraData(name) : MediaRejectedException.unreadable(name);
            }
            if (pos == 0 && !box.type.equals("ftyp")) {
                throw MediaRejectedException.unreadable(name);
            }
            switch (box.type) {
                case "moov" -> {
                    if (moovStart >= 0) {
                        throw MediaRejectedException.unreadable(name);
                    }
                    moovStart = box.start;
                    moovSize = box.size;
                }
                case "mdat" -> sawMediaData = true;
                case "meta", "uuid" -> metadata.add(new VideoHeader.Span(box.start, box.size));
                default -> {
                }
            }
            pos = box.start + box.size;
        }
        if (moovStart < 0 || !sawMediaData) {
            throw MediaRejectedException.unreadable(name);
        }
        if (moovSize > MAX_MOOV_BYTES) {
            throw MediaRejectedException.unreadable(name);
        }
        byte[] moov = file.read(moovStart, (int) moovSize);
        Movie movie = new Movie();
        walkMoov(moov, headerLength(moov), moov.length, movie, moovStart, metadata);
        if (movie.timescale <= 0) {
            throw MediaRejectedException.unreadable(name);
        }
        if (!movie.sawVideoTrack) {
            throw MediaRejectedException.unsupported("An MP4 file without a video track");
        }
        Long duration = movie.duration <= 0 || movie.duration == 0xFFFFFFFFL || movie.duration == -1
                ? null : Math.round(movie.duration * 1000.0 / movie.timescale);
        return new VideoHeader(movie.width, movie.height, duration, List.copyOf(metadata));
    }

    /** The size of the first top-level moov box, or -1 when the boxes do not lead to one. */
    static long moovBytes(FileBytes file) throws IOException {
        long pos = 0;
        while (pos < file.size) {
            Box box = Box.at(file, pos, file.size);
            if (box == null) {
                return -1;
            }
            if (box.type.equals("moov")) {
                return box.size;
            }
            pos = box.start + box.size;
        }
        return -1;
    }

    private static int headerLength(byte[] box) {
        return Bytes.u32be(box, 0) == 1 ? 16 : 8;
    }

    private static final class Movie {
        long timescale;
        long duration;
        boolean sawVideoTrack;
        int width;
        int height;
    }

    /** Per-track facts gathered while walking a trak. */
    private static final class Track {
        int width;
        int height;
        String handler = "";
    }

    private static void walkMoov(byte[] moov, int from, int to, Movie movie, long fileOffset,
                                 List<VideoHeader.Span> metadata)
            throws MediaRejectedException {
        int pos = from;
        while (pos < to) {
            if (to - pos < 8) {
                throw MediaRejectedException.unreadable(UploadFormat.MP4.typeName);
            }
            long size = Bytes.u32be(moov, pos);
            String type = new String(moov, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                if (to - pos < 16) {
                    throw MediaRejectedException.unreadable(UploadFormat.MP4.typeName);
                }
                size = Bytes.u64be(moov, pos + 8);
                header = 16;
            } else if (size == 0) {
                size = to - pos;
            }
            if (size < header || size > to - pos || !printable(type)) {
                throw MediaRejectedException.unreadable(UploadFormat.MP4.typeName);
            }
            int body = pos + header;
            int end = pos + (int) size;
            switch (type) {
                case "mvhd" -> readMvhd(moov, body, end, movie);
                case "trak" -> {
                    Track track = new Track();
                    walkTrak(moov, body, end, track, fileOffset, metadata);
                    if (track.handler.equals("vide") && !movie.sawVideoTrack) {
                        movie.sawVideoTrack = true;
                        movie.width = track.width;
                        movie.height = track.height;
                    }
                }
                case "udta", "meta", "uuid" -> metadata.add(new VideoHeader.Span(fileOffset + pos, size));
                default -> {
                }
            }
            pos = end;
        }
    }

    private static void walkTrak(byte[] moov, int from, int to, Track track, long fileOffset,
                                 List<VideoHeader.Span> metadata)
            throws MediaRejectedException {
        int pos = from;
        while (pos + 8 <= to) {
            long size = Bytes.u32be(moov, pos);
            String type = new String(moov, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (size < 8 || size > to - pos || !printable(type)) {
                throw MediaRejectedException.unreadable(UploadFormat.MP4.typeName);
            }
            int body = pos + 8;
            int end = pos + (int) size;
            switch (type) {
                case "tkhd" -> {
                    // Width and height are the last two 16.16 fixed-point fields, whatever the box version.
                    if (end - body < 84) {
                        throw MediaRejectedException.unreadable(UploadFormat.MP4.typeName);
                    }
                    track.width = (int) (Bytes.u32be(moov, end - 8) >>> 16);
                    track.height = (int) (Bytes.u32be(moov, end - 4) >>> 16);
                }
                case "mdia" -> walkTrak(moov, body, end, track, fileOffset, metadata);
                case "hdlr" -> {
                    if (end - body >= 12) {
                        track.handler = new String(moov, body + 8, 4, StandardCharsets.ISO_8859_1);
                    }
                }
                case "udta", "meta", "uuid" -> metadata.add(new VideoHeader.Span(fileOffset + pos, size));
                default -> {
                }
            }
            pos = end;
        }
        if (pos != to) {
            throw MediaRejectedException.unreadable(UploadFormat.MP4.typeName);
        }
    }

    private static void readMvhd(byte[] moov, int body, int end, Movie movie) throws MediaRejectedException {
        int version = end - body >= 1 ? Bytes.u8(moov, body) : -1;
        if (version == 0 && end - body >= 20) {
            movie.timescale = Bytes.u32be(moov, body + 12);
            movie.duration = Bytes.u32be(moov, body + 16);
        } else if (version == 1 && end - body >= 32) {
            movie.timescale = Bytes.u32be(moov, body + 20);
            movie.duration = Bytes.u64be(moov, body + 24);
        } else {
            throw MediaRejectedException.unreadable(UploadFormat.MP4.typeName);
        }
    }

    static boolean printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c <= 0x7E || c == 0xA9);
    }

    /** A top-level box header read from the file. */
    private record Box(String type, long start, long size) {

        /** The box at {@code pos}, or null when its header is not a box's or it runs past {@code end}. */
        static Box at(FileBytes file, long pos, long end) throws IOException {
            if (end - pos < 8) {
                return null;
            }
            byte[] header = file.read(pos, 8);
            long size = Bytes.u32be(header, 0);
            String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
            if (size == 1) {
                if (end - pos < 16) {
                    return null;
                }
                size = Bytes.u64be(file.read(pos + 8, 8), 0);
                if (size < 16) {
                    return null;
                }
            } else if (size == 0) {
                size = end - pos;
            } else if (size < 8) {
                return null;
            }
            if (size < 0 || size > end - pos || !printable(type)) {
                return null;
            }
            return new Box(type, pos, size);
        }
    }
}
