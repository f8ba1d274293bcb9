package dev.atelier.media;

import org.jcodec.api.specific.AVCMP4Adaptor;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.NALUnit;
import org.jcodec.codecs.h264.io.model.NALUnitType;
import org.jcodec.common.Codec;
import org.jcodec.common.DemuxerTrack;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.jcodec.scale.AWTUtil;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Poster frames of MP4 (H.264) videos, decoded within bounds: the frame size is checked against a limit from the
 * container's sample description and from every sequence parameter set (in the container and in the first frame)
 * before the decoder allocates anything, the decode's memory is reserved from the node's {@link DecodeBudget}, and it
 * runs on a small pool of its own with a deadline. A video the decoder cannot read within those bounds is reported as
 * such, never silently posterless, so a model's broken video fails its job. Thread-safe; close it to stop the pool.
 */
public final class PosterFrames implements AutoCloseable {

    /** The largest frame decoded by default: 4096 × 4096 pixels, beyond 4K video. */
    public static final long DEFAULT_MAX_FRAME_PIXELS = 4096L * 4096L;
    /** Largest width or height, whatever the pixel count: the decoder's tables grow with each side. */
    private static final int MAX_SIDE = 8192;
    private static final int QUEUED_PER_THREAD = 4;

    private final DecodeBudget budget;
    private final long maxFramePixels;
    private final Duration deadline;
    private final ThreadPoolExecutor decoders;

    /**
     * @param budget         the node's decode budget, shared with image decoding
     * @param maxFramePixels largest frame (width × height) decoded
     * @param deadline       longest one poster may take; past it the poster fails (the decoder thread is interrupted)
     * @param threads        decodes that run at once; more wait in a short queue, and beyond it are refused
     */
    public PosterFrames(DecodeBudget budget, long maxFramePixels, Duration deadline, int threads) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        if (maxFramePixels < 1 || threads < 1 || deadline.isNegative()) {
            throw new IllegalArgumentException("maxFramePixels and threads must be positive, deadline not negative");
        }
        this.maxFramePixels = maxFramePixels;
        AtomicInteger count = new AtomicInteger();
        this.decoders = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * QUEUED_PER_THREAD), r -> {
                    Thread t = new Thread(r, "atelier-poster-frames-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        decoders.allowCoreThreadTimeOut(true);
    }

    /**
     * A poster frame (JPEG, longer side at most {@code maxSide}) of the first frame of an H.264 MP4.
     *
     * @param budgetWait how long to wait for the decode budget
     * @return empty for a video there is no decoder for (WebM, or an MP4 of another codec than H.264)
     * @throws IOException         when the video cannot be read, its frame is larger than allowed, the decoder fails
     *                             or does not finish before the deadline
     * @throws MediaBusyException  when the decode budget or the decoder pool stays taken
     */
    public Optional<byte[]> of(Path video, int maxSide, Duration budgetWait) throws IOException, MediaBusyException {
        if (maxSide <= 0) {
            throw new IllegalArgumentException("maxSide must be positive, not " + maxSide);
        }
        if (!isMp4(video)) {
            return Optional.empty();
        }
        long moov = moovBytes(video);
        DecodeBudget.Reservation reserved;
        try {
            reserved = budget.reserve(DecodeCost.ofVideoFrame(maxFramePixels, moov), "video", budgetWait);
        } catch (MediaRejectedException e) {
            throw new IOException("a poster frame of this video would need more memory than the decode budget", e);
        }
        // Whoever comes first, the decode starting or the caller giving up, owns giving the reservation back.
        AtomicBoolean claimed = new AtomicBoolean();
        Future<Optional<BufferedImage>> frame;
        try {
            frame = decoders.submit(() -> {
                if (!claimed.compareAndSet(false, true)) {
                    return Optional.empty(); // abandoned while queued
                }
                // Given back when the decoder really stops, which may be after the deadline has been answered.
                try (reserved) {
                    return firstFrame(video);
                }
            });
        } catch (RejectedExecutionException e) {
            reserved.close();
            throw new MediaBusyException(Duration.ofSeconds(5));
        }
        try {
            Optional<BufferedImage> decoded = frame.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            return decoded.isEmpty() ? Optional.empty()
                    : Optional.of(Thumbnails.jpeg(Thumbnails.scaleDown(ImageCodecs.opaqueRgb(decoded.get()),
                            maxSide)));
        } catch (TimeoutException e) {
            stop(frame, claimed, reserved);
            throw new IOException("the poster frame was not decoded within " + deadline);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException("the video's first frame could not be"
                    + " decoded: " + cause, cause);
        } catch (InterruptedException e) {
            stop(frame, claimed, reserved);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding a poster frame");
        }
    }

    @Override
    public void close() {
        decoders.shutdownNow();
    }

    // A decode that has not started never will, so its reservation is given back here; a running one gives its own
    // back when the decoder really stops.
    private void stop(Future<?> frame, AtomicBoolean claimed, DecodeBudget.Reservation reserved) {
        if (claimed.compareAndSet(false, true)) {
            reserved.close();
            decoders.remove((Runnable) frame);
        }
        frame.cancel(true);
    }

    private static boolean isMp4(Path video) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(video)) {
            head = in.readNBytes(UploadFormat.HEAD_LENGTH);
        }
        try {
            return UploadFormat.detect(head, head.length) == UploadFormat.MP4;
        } catch (MediaRejectedException e) {
            return false;
        }
    }

    private static long moovBytes(Path video) throws IOException {
        try (FileChannel channel = FileChannel.open(video, StandardOpenOption.READ)) {
            long moov = Mp4Structure.moovBytes(new FileBytes(channel));
            if (moov < 0 || moov > Mp4Structure.MAX_MOOV_BYTES) {
                throw new IOException("the video has no usable moov box");
            }
            return moov;
        }
    }

    private Optional<BufferedImage> firstFrame(Path video) throws IOException {
        FileChannelWrapper channel = NIOUtils.readableChannel(video.toFile());
        try {
            DemuxerTrack track = MP4Demuxer.createMP4Demuxer(channel).getVideoTrack();
            if (track == null) {
                throw new IOException("the video has no video track");
            }
            DemuxerTrackMeta meta = track.getMeta();
            if (meta.getCodec() != Codec.H264 || meta.getCodecPrivate() == null) {
                return Optional.empty();
            }
            if (meta.getVideoCodecMeta() != null) {
                checkSize(meta.getVideoCodecMeta().getSize());
            }
            checkParameterSets(meta.getCodecPrivate());
            Packet packet = track.nextFrame();
            if (packet == null) {
                throw new IOException("the video has no frames");
            }
            checkParameterSets(packet.getData());
            AVCMP4Adaptor decoder = new AVCMP4Adaptor(meta);
            Picture picture = decoder.decodeFrame(packet, decoder.allocatePicture());
            if (picture == null) {
                throw new IOException("the video's first frame could not be decoded");
            }
            return Optional.of(AWTUtil.toBufferedImage(picture));
        } catch (RuntimeException e) {
            // The decoder reports damaged streams with all sorts of runtime exceptions.
            throw new IOException("the video's first frame could not be decoded: " + e, e);
        } finally {
            NIOUtils.closeQuietly(channel);
        }
    }

    /** Every sequence parameter set in an Annex B stream says a frame size within the limits. */
    private void checkParameterSets(ByteBuffer annexB) throws IOException {
        for (ByteBuffer nal : H264Utils.splitFrame(annexB.duplicate())) {
            ByteBuffer unit = nal.duplicate();
            if (unit.remaining() > 0 && NALUnit.read(unit).type == NALUnitType.SPS) {
                checkSize(H264Utils.getPicSize(H264Utils.readSPS(unit)));
            }
        }
    }

    private void checkSize(Size size) throws IOException {
        if (size == null) {
            return;
        }
        long pixels = (long) size.getWidth() * size.getHeight();
        if (size.getWidth() <= 0 || size.getHeight() <= 0 || size.getWidth() > MAX_SIDE
                || size.getHeight() > MAX_SIDE || pixels > maxFramePixels) {
            throw new IOException("the video's frames are " + size.getWidth() + " × " + size.getHeight()
                    + " pixels, more than the " + maxFramePixels + " pixels a poster frame is decoded from");
        }
    }
}
