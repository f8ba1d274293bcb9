package dev.atelier.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Walks a WebM's EBML elements: an EBML header whose DocType is {@code webm}, then Segments whose top-level
 * children are the known Matroska ones and end exactly at the end of the file. Clusters of unknown size (written
 * by live recorders) are walked block by block. Attachments are refused, since they carry arbitrary files.
 */
final class WebmStructure {

    private static final long EBML = 0x1A45DFA3L;
    private static final long DOC_TYPE = 0x4282L;
    private static final long SEGMENT = 0x18538067L;
    private static final long SEEK_HEAD = 0x114D9B74L;
    private static final long INFO = 0x1549A966L;
    private static final long TRACKS = 0x1654AE6BL;
    private static final long CLUSTER = 0x1F43B675L;
    private static final long CUES = 0x1C53BB6BL;
    private static final long CHAPTERS = 0x1043A770L;
    private static final long TAGS = 0x1254C367L;
    private static final long ATTACHMENTS = 0x1941A469L;
    private static final long VOID = 0xECL;
    private static final long CRC32 = 0xBFL;
    private static final long TIMECODE_SCALE = 0x2AD7B1L;
    private static final long DURATION = 0x4489L;
    private static final long TRACK_ENTRY = 0xAEL;
    private static final long TRACK_TYPE = 0x83L;
    private static final long VIDEO = 0xE0L;
    private static final long PIXEL_WIDTH = 0xB0L;
    private static final long PIXEL_HEIGHT = 0xBAL;

    private static final Set<Long> SEGMENT_CHILDREN =
            Set.of(SEEK_HEAD, INFO, TRACKS, CLUSTER, CUES, CHAPTERS, TAGS, VOID, CRC32);
    /** Header elements (Info, Tracks) are small; a larger one is not worth reading into memory. */
    static final long MAX_HEADER_ELEMENT = 16L * 1024 * 1024;
    private static final long UNKNOWN = -1;

    private WebmStructure() {
    }

    static VideoHeader check(FileBytes file) throws IOException, MediaRejectedException {
        String name = UploadFormat.WEBM.typeName;
        Element header = Element.at(file, 0, file.size);
        if (header == null || header.id != EBML || header.size == UNKNOWN || header.size > 4096) {
            throw MediaRejectedException.unreadable(name);
        }
        String docType = docType(file.read(header.dataStart, (int) header.size));
        if (docType.equals("matroska")) {
            throw MediaRejectedException.unsupported("A Matroska (MKV) video");
        }
        if (!docType.equals("webm")) {
            throw MediaRejectedException.unreadable(name);
        }
        Facts facts = new Facts();
        long pos = header.end();
        int segments = 0;
        while (pos < file.size) {
            Element element = Element.at(file, pos, file.size);
            if (element == null || (element.id != SEGMENT && element.id != VOID)) {
                throw segments > 0 ? MediaRejectedException.extraData(name) : MediaRejectedException.unreadable(name);
            }
            if (element.id == SEGMENT) {
                segments++;
                long end = element.size == UNKNOWN ? file.size : element.end();
                walkSegment(file, element.dataStart, end, facts);
                pos = end;
            } else {
                pos = element.end();
            }
        }
        if (segments == 0 || !facts.sawInfo || !facts.sawCluster) {
            throw MediaRejectedException.unreadable(name);
        }
        if (!facts.sawVideoTrack) {
            throw MediaRejectedException.unsupported("A WebM file without a video track");
        }
        Long duration = facts.duration == null
                ? null : Math.round(facts.duration * facts.timecodeScale / 1_000_000.0);
        return new VideoHeader(facts.width, facts.height, duration, List.of());
    }

    private static final class Facts {
        boolean sawInfo;
        boolean sawCluster;
        boolean sawVideoTrack;
        long timecodeScale = 1_000_000;
        Double duration;
        int width;
        int height;
    }

    private static void walkSegment(FileBytes file, long from, long to, Facts facts)
            throws IOException, MediaRejectedException {
        String name = UploadFormat.WEBM.typeName;
        long pos = from;
        while (pos < to) {
            Element element = Element.at(file, pos, to);
            if (element == null) {
                throw facts.sawCluster
                        ? MediaRejectedException.extraData(name) : MediaRejectedException.unreadable(name);
            }
            if (element.id == ATTACHMENTS) {
                throw MediaRejectedException.unsupported("A WebM video with attached files");
            }
            if (!SEGMENT_CHILDREN.contains(element.id)) {
                throw facts.sawCluster
                        ? MediaRejectedException.extraData(name) : MediaRejectedException.unreadable(name);
            }
            if (element.size == UNKNOWN) {
                if (element.id != CLUSTER) {
                    throw MediaRejectedException.unreadable(name);
                }
                facts.sawCluster = true;
                pos = skipUnknownSizeCluster(file, element.dataStart, to);
                continue;
            }
            if (element.id == INFO || element.id == TRACKS) {
                if (element.size > MAX_HEADER_ELEMENT) {
                    throw MediaRejectedException.unreadable(name);
                }
                byte[] body = file.read(element.dataStart, (int) element.size);
                if (element.id == INFO) {
                    facts.sawInfo = true;
                    readInfo(body, facts);
                } else {
                    readTracks(body, facts);
                }
            } else if (element.id == CLUSTER) {
                facts.sawCluster = true;
            }
            pos = element.end();
        }
    }

    /** Where an unknown-size cluster ends: at the next top-level element, or at {@code to}. */
    private static long skipUnknownSizeCluster(FileBytes file, long from, long to)
            throws IOException, MediaRejectedException {
        long pos = from;
        while (pos < to) {
            Element child = Element.at(file, pos, to);
            if (child == null) {
                throw MediaRejectedException.extraData(UploadFormat.WEBM.typeName);
            }
            if (SEGMENT_CHILDREN.contains(child.id) || child.id == ATTACHMENTS || child.id == SEGMENT) {
                if (child.id == VOID || child.id == CRC32) {
                    pos = child.end();
                    continue;
                }
                return pos;
            }
            if (child.size == UNKNOWN) {
                throw MediaRejectedException.unreadable(UploadFormat.WEBM.typeName);
            }
            pos = child.end();
        }
        return pos;
    }

    private static String docType(byte[] header) throws MediaRejectedException {
        for (Element e : Element.children(header, 0, header.length)) {
            if (e.id == DOC_TYPE) {
                return new String(header, (int) e.dataStart, (int) e.size, StandardCharsets.US_ASCII).replace("\0", "");
            }
        }
        return "";
    }

    private static void readInfo(byte[] body, Facts facts) throws MediaRejectedException {
        for (Element e : Element.children(body, 0, body.length)) {
            if (e.id == TIMECODE_SCALE) {
                long scale = unsigned(body, e);
                if (scale > 0) {
                    facts.timecodeScale = scale;
                }
            } else if (e.id == DURATION) {
                ByteBuffer value = ByteBuffer.wrap(body, (int) e.dataStart, (int) e.size);
                double duration = e.size == 4 ? value.getFloat() : e.size == 8 ? value.getDouble() : Double.NaN;
                if (duration > 0 && Double.isFinite(duration)) {
                    facts.duration = duration;
                }
            }
        }
    }

    private static void readTracks(byte[] body, Facts facts) throws MediaRejectedException {
        for (Element entry : Element.children(body, 0, body.length)) {
            if (entry.id != TRACK_ENTRY) {
                continue;
            }
            long trackType = 0;
            int width = 0;
            int height = 0;
            for (Element e : Element.children(body, entry.dataStart, entry.end())) {
                if (e.id == TRACK_TYPE) {
                    trackType = unsigned(body, e);
                } else if (e.id == VIDEO) {
                    for (Element v : Element.children(body, e.dataStart, e.end())) {
                        if (v.id == PIXEL_WIDTH) {
                            width = (int) Math.min(Integer.MAX_VALUE, unsigned(body, v));
                        } else if (v.id == PIXEL_HEIGHT) {
                            height = (int) Math.min(Integer.MAX_VALUE, unsigned(body, v));
                        }
                    }
                }
            }
            if (trackType == 1 && !facts.sawVideoTrack) {
                facts.sawVideoTrack = true;
                facts.width = width;
                facts.height = height;
            }
        }
    }

    private static long unsigned(byte[] data, Element e) throws MediaRejectedException {
        if (e.size > 8) {
            throw MediaRejectedException.unreadable(UploadFormat.WEBM.typeName);
        }
        long value = 0;
        for (int i = 0; i < e.size; i++) {
            value = (value << 8) | (data[(int) e.dataStart + i] & 0xFF);
        }
        return value;
    }

    /** An EBML element header: its ID, where its data starts and its data size ({@link #UNKNOWN} if not given). */
    private record Element(long id, long dataStart, long size) {

        long end() {
            return dataStart + size;
        }

        /** The element at {@code pos} of a file, or null when no whole element header is there. */
        static Element at(FileBytes file, long pos, long end) throws IOException {
            int available = (int) Math.min(12, end - pos);
            if (available < 2) {
                return null;
            }
            byte[] head = file.read(pos, available);
            Element e = parse(head, 0, available);
            if (e == null) {
                return null;
            }
            Element placed = new Element(e.id, pos + e.dataStart, e.size);
            if (placed.size != UNKNOWN && placed.size > end - placed.dataStart) {
                return null;
            }
            return placed;
        }

        /** The elements that exactly fill {@code data[from, to)}, all of known size. */
        static List<Element> children(byte[] data, long from, long to) throws MediaRejectedException {
            List<Element> children = new ArrayList<>();
            long pos = from;
            while (pos < to) {
                Element e = parse(data, (int) pos, (int) to);
                if (e == null || e.size == UNKNOWN || e.size > to - e.dataStart) {
                    throw MediaRejectedException.unreadable(UploadFormat.WEBM.typeName);
                }
                children.add(e);
                pos = e.end();
            }
            return children;
        }

        /** The element header at {@code data[pos]}, with {@code dataStart} relative to {@code data}. */
        private static Element parse(byte[] data, int pos, int limit) {
            int idLength = vintLength(data, pos, limit);
            if (idLength < 1 || idLength > 4 || pos + idLength >= limit) {
                return null;
            }
            long id = 0;
            for (int i = 0; i < idLength; i++) {
                id = (id << 8) | (data[pos + i] & 0xFF);
            }
            int sizePos = pos + idLength;
            int sizeLength = vintLength(data, sizePos, limit);
            if (sizeLength < 1 || sizePos + sizeLength > limit) {
                return null;
            }
            long size = (data[sizePos] & 0xFF) & (0xFF >> sizeLength);
            boolean allOnes = size == (0xFF >> sizeLength);
            for (int i = 1; i < sizeLength; i++) {
                int b = data[sizePos + i] & 0xFF;
                allOnes &= b == 0xFF;
                size = (size << 8) | b;
            }
            return new Element(id, sizePos + sizeLength, allOnes ? UNKNOWN : size);
        }

        private static int vintLength(byte[] data, int pos, int limit) {
            if (pos >= limit) {
                return -1;
            }
            int first = data[pos] & 0xFF;
            if (first == 0) {
                return -1;
            }
            return Integer.numberOfLeadingZeros(first) - 23;
        }
    }
}
