package dev.atelier.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decides whether an uploaded file may be kept, and produces the copy to keep. Safe to share between threads.
 */
public final class MediaInspector {

    private static final float JPEG_QUALITY = 0.92f;
    /** PDF readers look for their header this far into a file, so a PDF can hide inside an image's metadata. */
    private static final int PDF_HEADER_WINDOW = 1024;
    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FREE = "free".getBytes(StandardCharsets.US_ASCII);
    /**
     * The most bytes a generated PNG may have to be its own thumbnail (when it also fits the thumbnail's side and is
     * opaque): a JPEG of the same pixels would save the gallery little, and writing it costs every job a second file.
     */
    public static final int SELF_THUMBNAIL_MAX_BYTES = 64 * 1024;

    private final MediaLimits limits;
    private final DecodeBudget budget;

    /** An inspector with its own {@link DecodeBudget#defaults()}. */
    public MediaInspector(MediaLimits limits) {
        this(limits, DecodeBudget.defaults());
    }

    /**
     * @param budget the heap decoding may use at once, shared with everything else this node decodes
     */
    public MediaInspector(MediaLimits limits, DecodeBudget budget) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /**
     * Recognises PNG, JPEG, WebP, MP4 and WebM by their bytes (never by name or declared type), checks the limits
     * before decoding (an image's dimensions come from its header, so a decompression bomb is refused without
     * allocating its pixels), fully decodes images and writes them again (PNG as PNG, JPEG as JPEG, WebP as PNG, or
     * as WebP where a WebP writer is installed), which drops EXIF, XMP, ICC and text metadata and anything hidden
     * inside or after the image, and checks videos structurally (MP4: ISO-BMFF boxes with ftyp first and one moov,
     * duration from mvhd; WebM: EBML header and Segment), with nothing after the container.
     *
     * @param upload the uploaded file; it is only read, and left where it is
     * @return the accepted media, whose {@code sanitizedFile()} is a new temporary file that the caller now owns
     * @throws MediaRejectedException 415 for an unsupported, damaged or disguised file, 413 for one too large in bytes
     *                                or pixels, or whose decoding would need more memory than the whole
     *                                {@link DecodeBudget}; the message is written for the uploader
     * @throws MediaBusyException     when other decodes hold the budget for longer than its default wait
     * @throws IOException            when the upload cannot be read or the new file cannot be written
     */
    public InspectedMedia inspect(Path upload) throws MediaRejectedException, MediaBusyException, IOException {
        return inspect(upload, budget.defaultWait());
    }

    /**
     * {@link #inspect(Path)}, waiting up to {@code maxWait} for the decode budget (background work can wait longer
     * than a person at an upload button).
     */
    public InspectedMedia inspect(Path upload, Duration maxWait)
            throws MediaRejectedException, MediaBusyException, IOException {
        Objects.requireNonNull(upload, "upload");
        byte[] head = new byte[UploadFormat.HEAD_LENGTH];
        int headLength;
        try (InputStream in = Files.newInputStream(upload)) {
            headLength = in.readNBytes(head, 0, head.length);
        }
        UploadFormat format = UploadFormat.detect(head, headLength);
        long size = Files.size(upload);
        if (format.kind == MediaKind.IMAGE) {
            if (size > limits.maxImageBytes()) {
                throw MediaRejectedException.tooManyBytes("image", size, limits.maxImageBytes());
            }
            return inspectImage(format, upload, maxWait);
        }
        if (size > limits.maxVideoBytes()) {
            throw MediaRejectedException.tooManyBytes("video", size, limits.maxVideoBytes());
        }
        return inspectVideo(format, upload, maxWait);
    }

    private InspectedMedia inspectImage(UploadFormat format, Path upload, Duration maxWait)
            throws MediaRejectedException, MediaBusyException, IOException {
        byte[] data = Files.readAllBytes(upload);
        ImageHeader header = checkImage(format, data);
        // The estimate comes from the header, so a file whose pixels would not fit is refused or kept waiting
        // before a single pixel is allocated.
        try (DecodeBudget.Reservation reserved = budget.reserve(DecodeCost.ofImage(format, header, data.length),
                "image", maxWait)) {
            BufferedImage image = decode(format, data, header);
            return reencode(format, image, header.orientation());
        }
    }

    /**
     * Checks an image a generation model made, as {@link #inspect} checks an upload (recognised by its bytes, within
     * the byte and pixel limits before anything is decoded, decoded whole within the {@link DecodeBudget}, metadata
     * dropped), and makes its thumbnail from that same decode. A PNG is not written again: its ancillary chunks are
     * dropped and the rest copied byte for byte ({@link PngChunkFilter}), unless it carries an ICC profile, whose
     * colours are converted to sRGB first. JPEG and WebP are written again as {@link #inspect} writes them. A PNG
     * that fits within {@code thumbnailSide}, is opaque and has at most {@link #SELF_THUMBNAIL_MAX_BYTES} bytes is
     * its own thumbnail: its pixels are still decoded whole, but no JPEG is made.
     *
     * @param data         the image; it is only read
     * @param maxWait      how long to wait for the decode budget
     * @param thumbnailSide the longest side of the thumbnail
     * @throws MediaRejectedException as {@link #inspect}, and 415 for a video
     * @throws MediaBusyException     when other decodes hold the budget for longer than {@code maxWait}
     * @throws IOException            when the image cannot be written again
     */
    public CheckedImage inspectGeneratedImage(byte[] data, Duration maxWait, int thumbnailSide)
            throws MediaRejectedException, MediaBusyException, IOException {
        Objects.requireNonNull(data, "data");
        if (thumbnailSide <= 0) {
            throw new IllegalArgumentException("thumbnailSide must be positive, not " + thumbnailSide);
        }
        UploadFormat format = UploadFormat.detect(data, data.length);
        if (format.kind != MediaKind.IMAGE) {
            throw MediaRejectedException.unsupported(format.typeName);
        }
        ImageHeader header = checkImage(format, data);
        try (DecodeBudget.Reservation reserved = budget.reserve(DecodeCost.ofImage(format, header, data.length),
                "image", maxWait)) {
            if (format == UploadFormat.PNG) {
                PngStructure.PngFile png = PngStructure.read(data);
                if (!png.has("iCCP")) {
                    return filteredPng(data, png, thumbnailSide);
                }
            }
            BufferedImage decoded = decode(format, data, header);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length);
            String mediaType;
            BufferedImage written;
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                mediaType = "image/" + outputFormat(format);
                written = writeClean(format, decoded, header.orientation(), out);
            }
            return new CheckedImage(mediaType, bytes.toByteArray(), written.getWidth(), written.getHeight(),
                    Thumbnails.of(written, thumbnailSide));
        }
    }

    // The pixels are decoded (checking them whole) only to make the thumbnail; what is kept is the file's own chunks.
    private static CheckedImage filteredPng(byte[] data, PngStructure.PngFile png, int thumbnailSide)
            throws MediaRejectedException, IOException {
        BufferedImage thumbnail = PngRowDecoder.supports(png)
                ? PngRowDecoder.thumbnail(data, png, thumbnailSide)
                : Thumbnails.scaleDown(ImageCodecs.opaqueRgb(decode(UploadFormat.PNG, data, png.header())),
                        thumbnailSide);
        byte[] kept = PngChunkFilter.filter(data, png);
        // What was deep inside the file may now be near its start, where PDF readers look.
        if (Bytes.contains(kept, PDF_HEADER_WINDOW, PDF_HEADER)) {
            throw MediaRejectedException.extraData(UploadFormat.PNG.typeName);
        }
        boolean ownThumbnail = thumbnail.getWidth() == png.header().width()
                && thumbnail.getHeight() == png.header().height() && opaque(png)
                && kept.length <= SELF_THUMBNAIL_MAX_BYTES;
        return new CheckedImage("image/png", kept, png.header().width(), png.header().height(),
                ownThumbnail ? null : Thumbnails.jpeg(thumbnail));
    }

    // Grey or RGB without a transparent colour: shown as it is, the PNG looks like its JPEG thumbnail would.
    private static boolean opaque(PngStructure.PngFile png) {
        return (png.colourType() == 0 || png.colourType() == 2) && !png.has("tRNS");
    }

    /** The checks made before any pixel is decoded: bytes, structure, hidden PDF, pixels; returns the header. */
    private ImageHeader checkImage(UploadFormat format, byte[] data) throws MediaRejectedException {
        if (data.length > limits.maxImageBytes()) {
            throw MediaRejectedException.tooManyBytes("image", data.length, limits.maxImageBytes());
        }
        ImageHeader header = switch (format) {
            case PNG -> PngStructure.check(data);
            case JPEG -> JpegStructure.check(data);
            case WEBP -> WebpStructure.check(data);
            default -> throw new IllegalStateException("not an image format: " + format);
        };
        if (Bytes.contains(data, PDF_HEADER_WINDOW, PDF_HEADER)) {
            throw MediaRejectedException.extraData(format.typeName);
        }
        // Decoding needs width × height × 4 bytes at least; the array behind a BufferedImage is indexed by int.
        long pixelLimit = Math.min(limits.maxImagePixels(), Integer.MAX_VALUE / 4);
        if (header.pixels() > pixelLimit) {
            throw MediaRejectedException.tooManyPixels(header.width(), header.height(), pixelLimit);
        }
        return header;
    }

    private static BufferedImage decode(UploadFormat format, byte[] data, ImageHeader header)
            throws MediaRejectedException, IOException {
        ImageReader reader = ImageCodecs.reader(format);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            if (reader.getWidth(0) != header.width() || reader.getHeight(0) != header.height()) {
                throw MediaRejectedException.unreadable(format.typeName);
            }
            BufferedImage image = reader.read(0, readParam(reader, format, header));
            if (image.getWidth() != header.width() || image.getHeight() != header.height()) {
                throw MediaRejectedException.unreadable(format.typeName);
            }
            return image;
        } catch (IOException | RuntimeException e) {
            // The decoders signal damaged data with all sorts of exceptions; to the uploader it is all one thing.
            throw MediaRejectedException.unreadable(format.typeName);
        } finally {
            reader.dispose();
        }
    }

    /**
     * Sixteen bits per sample would double the decoded pixels for nothing (they are written again at eight), so a
     * deep PNG is decoded straight into an eight-bit image of its bands; the reader scales each sample down.
     */
    private static ImageReadParam readParam(ImageReader reader, UploadFormat format, ImageHeader header) {
        ImageReadParam param = reader.getDefaultReadParam();
        if (format == UploadFormat.PNG && header.bitsPerSample() > 8) {
            ImageTypeSpecifier eightBit = switch (header.samplesPerPixel()) {
                case 1 -> ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_BYTE_GRAY);
                case 2 -> ImageTypeSpecifier.createGrayscale(8, DataBuffer.TYPE_BYTE, false, false);
                case 3 -> ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_3BYTE_BGR);
                default -> ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_4BYTE_ABGR);
            };
            param.setDestination(eightBit.createBufferedImage(header.width(), header.height()));
        }
        return param;
    }

    private static InspectedMedia reencode(UploadFormat format, BufferedImage decoded, int orientation)
            throws IOException {
        String outputFormat = outputFormat(format);
        Path out = Files.createTempFile("upload-", "." + (outputFormat.equals("jpeg") ? "jpg" : outputFormat));
        boolean done = false;
        try {
            BufferedImage image;
            try (ImageOutputStream stream = new FileImageOutputStream(out.toFile())) {
                image = writeClean(format, decoded, orientation, stream);
            }
            InspectedMedia media = new InspectedMedia(MediaKind.IMAGE, "image/" + outputFormat, out,
                    Files.size(out), image.getWidth(), image.getHeight(), null);
            done = true;
            return media;
        } finally {
            if (!done) {
                Files.deleteIfExists(out);
            }
        }
    }

    /** PNG as PNG, JPEG as JPEG, WebP as PNG (or as WebP where a WebP writer is installed). */
    private static String outputFormat(UploadFormat format) {
        return switch (format) {
            case JPEG -> "jpeg";
            case WEBP -> ImageCodecs.writer("webp").isPresent() ? "webp" : "png";
            default -> "png";
        };
    }

    /** Writes the decoded image with no metadata (upright, if a JPEG); returns the image as written. */
    private static BufferedImage writeClean(UploadFormat format, BufferedImage decoded, int orientation,
            ImageOutputStream stream) throws IOException {
        String outputFormat = outputFormat(format);
        if (outputFormat.equals("jpeg")) {
            BufferedImage image = ExifOrientation.apply(ImageCodecs.opaqueRgb(decoded), orientation,
                    BufferedImage.TYPE_INT_RGB);
            ImageCodecs.writeJpeg(image, JPEG_QUALITY, stream);
            return image;
        }
        BufferedImage image = ImageCodecs.srgb(decoded);
        ImageCodecs.write(image, outputFormat, stream);
        return image;
    }

    private InspectedMedia inspectVideo(UploadFormat format, Path upload, Duration maxWait)
            throws MediaRejectedException, MediaBusyException, IOException {
        Path out = Files.createTempFile("upload-", format == UploadFormat.MP4 ? ".mp4" : ".webm");
        boolean done = false;
        try {
            // Check the copy rather than the upload, so what was checked is exactly what is kept.
            Files.copy(upload, out, StandardCopyOption.REPLACE_EXISTING);
            VideoHeader header;
            try (FileChannel channel = FileChannel.open(out, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileBytes file = new FileBytes(channel);
                // The container's header (an MP4's moov, a WebM's header elements) is read into memory whole.
                long headerBytes = format == UploadFormat.MP4
                        ? Math.max(0, Math.min(Mp4Structure.moovBytes(file), Mp4Structure.MAX_MOOV_BYTES))
                        : WebmStructure.MAX_HEADER_ELEMENT;
                try (DecodeBudget.Reservation reserved = budget.reserve(headerBytes, "video", maxWait)) {
                    header = format == UploadFormat.MP4 ? Mp4Structure.check(file) : WebmStructure.check(file);
                }
                for (VideoHeader.Span box : header.metadataBoxes()) {
                    blank(channel, box);
                }
            }
            InspectedMedia media = new InspectedMedia(MediaKind.VIDEO, format.mediaType, out, Files.size(out),
                    header.width(), header.height(), header.durationMillis());
            done = true;
            return media;
        } finally {
            if (!done) {
                Files.deleteIfExists(out);
            }
        }
    }

    /**
     * Turns a metadata box (udta, meta, uuid: where phones put location, device and XMP) into a "free" box of zeros.
     * Its size stays the same, so every size and offset in the file stays valid, and players skip it.
     */
    private static void blank(FileChannel channel, VideoHeader.Span box) throws IOException {
        byte[] header = new byte[16];
        channel.read(ByteBuffer.wrap(header), box.start());
        long bodyStart = box.start() + (Bytes.u32be(header, 0) == 1 ? 16 : 8);
        channel.write(ByteBuffer.wrap(FREE), box.start() + 4);
        ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
        for (long pos = bodyStart; pos < box.start() + box.size(); ) {
            zeros.clear();
            zeros.limit((int) Math.min(zeros.capacity(), box.start() + box.size() - pos));
            pos += channel.write(zeros, pos);
        }
    }
}
