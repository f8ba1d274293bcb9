package dev.atelier.model.procedural.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.VideoEncoder.EncodedFrame;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.muxer.MP4Muxer;
import org.jcodec.scale.AWTUtil;
import org.jcodec.scale.ColorUtil;
import org.jcodec.scale.Transform;

/**
 * Writes frames as an H.264 video in an MP4 file, with the pure-Java encoder and muxer of JCodec (embedded in this
 * bundle). Not thread-safe: one writer per video.
 *
 * <p>The same frames always give the same bytes: JCodec stamps the current time into the movie, track and media
 * headers, so {@link #finish()} sets those times to zero (which MP4 reads as "unknown").
 */
final class Mp4Writer implements AutoCloseable {

    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia");
    private static final Set<String> STAMPED = Set.of("mvhd", "tkhd", "mdhd");

    private final Path file;
    private final int fps;
    private final int width;
    private final int height;
    private final FileChannelWrapper out;
    private final MP4Muxer muxer;
    private final MuxerTrack track;
    private final H264Encoder encoder = H264Encoder.createH264Encoder();
    private final Transform toYuv = ColorUtil.getTransform(ColorSpace.RGB, ColorSpace.YUV420J);
    private final Picture yuv;
    private final ByteBuffer buffer;
    private int frames;
    private boolean finished;

    /** Starts a video of frames of {@code width} x {@code height} (both even) at {@code fps} frames a second. */
    Mp4Writer(Path file, int width, int height, int fps) throws IOException {
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("H.264 in 4:2:0 needs even sides: " + width + "x" + height);
        }
        this.file = file;
        this.fps = fps;
        this.width = width;
        this.height = height;
        this.out = NIOUtils.writableChannel(file.toFile());
        try {
            this.muxer = MP4Muxer.createMP4MuxerToChannel(out);
            this.track = muxer.addVideoTrack(Codec.H264,
                    VideoCodecMeta.createSimpleVideoCodecMeta(new Size(width, height), ColorSpace.YUV420J));
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        // Whole seconds of video between key frames: a player can start anywhere without decoding much.
        encoder.setKeyInterval(fps);
        this.yuv = Picture.create(width, height, ColorSpace.YUV420J);
        this.buffer = ByteBuffer.allocate(encoder.estimateBufferSize(yuv));
    }

    /** Encodes the next frame; it must be of the writer's size. */
    void add(BufferedImage frame) throws IOException {
        if (frame.getWidth() != width || frame.getHeight() != height) {
            throw new IllegalArgumentException("frame is " + frame.getWidth() + "x" + frame.getHeight() + ", not "
                    + width + "x" + height);
        }
        toYuv.transform(AWTUtil.fromBufferedImageRGB(frame), yuv);
        buffer.clear();
        EncodedFrame encoded = encoder.encodeFrame(yuv, buffer);
        Packet packet = Packet.createPacket(NIOUtils.clone(encoded.getData()), frames, fps, 1, frames,
                encoded.isKeyFrame() ? Packet.FrameType.KEY : Packet.FrameType.INTER, null);
        track.addFrame(packet);
        frames++;
    }

    /** Frames added so far. */
    int frames() {
        return frames;
    }

    /** Length of the video so far in milliseconds. */
    long durationMillis() {
        return frames * 1000L / fps;
    }

    /** Writes the movie header and closes the file; the video is complete after this. */
    void finish() throws IOException {
        if (frames == 0) {
            throw new IllegalStateException("a video needs at least one frame");
        }
        muxer.finish();
        out.close();
        finished = true;
        clearTimes(file);
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            out.close();
        }
    }

    /** Sets the creation and modification times of the movie, track and media headers to zero. */
    static void clearTimes(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long position = 0;
            long size = channel.size();
            while (position + 8 <= size) {
                ByteBuffer header = ByteBuffer.allocate(16);
                channel.read(header, position);
                header.flip();
                long boxSize = Integer.toUnsignedLong(header.getInt());
                String type = fourcc(header.getInt());
                if (boxSize == 1) {
                    boxSize = header.getLong();
                } else if (boxSize == 0) {
                    boxSize = size - position;
                }
                if (boxSize < 8) {
                    throw new IOException("malformed MP4 box " + type + " at " + position);
                }
                if (type.equals("moov")) {
                    ByteBuffer moov = ByteBuffer.allocate(Math.toIntExact(boxSize));
                    channel.read(moov, position);
                    clearTimes(moov, 8, moov.capacity());
                    moov.rewind();
                    channel.write(moov, position);
                }
                position += boxSize;
            }
        }
    }

    private static void clearTimes(ByteBuffer box, int from, int to) {
        int position = from;
        while (position + 8 <= to) {
            int size = box.getInt(position);
            String type = fourcc(box.getInt(position + 4));
            if (size < 8 || position + size > to) {
                return;
            }
            if (CONTAINERS.contains(type)) {
                clearTimes(box, position + 8, position + size);
            } else if (STAMPED.contains(type)) {
                int version = box.get(position + 8);
                if (version == 0) {
                    box.putInt(position + 12, 0).putInt(position + 16, 0);
                } else {
                    box.putLong(position + 12, 0).putLong(position + 20, 0);
                }
            }
            position += size;
        }
    }

    private static String fourcc(int value) {
        return new String(new char[] {
                (char) (value >>> 24 & 0xff), (char) (value >>> 16 & 0xff), (char) (value >>> 8 & 0xff),
                (char) (value & 0xff)});
    }
}
