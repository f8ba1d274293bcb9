package dev.atelier.launcher.testbundles;

import dev.atelier.spi.model.CallbackMessage;
import dev.atelier.spi.model.Callbacks;
import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Packed into test model bundles: one model per misbehaviour a real vendor model can show. What it does is chosen by
 * its id: {@code test-throws} throws, {@code test-hangs} and {@code test-vanishes} never answer, {@code test-garbage}
 * declares a PNG and returns text, {@code test-slow} answers a PNG after three seconds, {@code test-quick} at once.
 * {@code test-webhook} publishes its callback URL as the system property {@code atelier.test.callback-url.<job>}
 * ({@code none} without one), reports each message's body as its stage, and answers a PNG once a message says
 * {@code done} — failing if it was not exactly the second message, so a repeat handed over twice shows.
 * {@code test-video-file} returns the MP4 named by the system property {@value #VIDEO_FILE_PROPERTY}, as a model whose
 * vendor hands back a broken or hostile video would.
 */
public final class TestModel implements GenerationModel {

    /** Side of the square PNG the well-behaved models return. */
    public static final int SIDE = 32;
    /** The system property holding the path of the video {@code test-video-file} returns. */
    public static final String VIDEO_FILE_PROPERTY = "atelier.test.video-file";

    private final String id;
    private final String behaviour;

    public TestModel(String id) {
        this(id, id);
    }

    /** A model served as {@code id} that behaves as the model {@code behaviour} (a canary build gone wrong). */
    public TestModel(String id, String behaviour) {
        this.id = id;
        this.behaviour = behaviour;
    }

    @Override
    public ModelDescriptor descriptor() {
        return ModelDescriptor.builder(id).name("Test " + id).version("1.0.0")
                .output(id.equals("test-video-file") ? MediaKind.VIDEO : MediaKind.IMAGE).build();
    }

    @Override
    public GenerationResult generate(GenerationRequest request, GenerationContext context)
            throws GenerationException {
        context.progress(10, "starting");
        switch (behaviour) {
            case "test-throws" -> throw new IllegalStateException("the vendor library crashed");
            case "test-hangs", "test-vanishes" -> sleep(600_000);
            case "test-garbage" -> {
                return GenerationResult.of(GeneratedMedia.image("image/png",
                        "this is not a picture at all".getBytes(StandardCharsets.UTF_8), SIDE, SIDE));
            }
            case "test-slow" -> sleep(3_000);
            case "test-webhook" -> awaitDone(context);
            case "test-video-file" -> {
                return GenerationResult.of(GeneratedMedia.video("video/mp4",
                        java.nio.file.Path.of(System.getProperty(VIDEO_FILE_PROPERTY)), SIDE, SIDE, 300));
            }
            default -> { }
        }
        return GenerationResult.of(GeneratedMedia.image("image/png", png(SIDE), SIDE, SIDE));
    }

    private static void awaitDone(GenerationContext context) throws GenerationException {
        Optional<Callbacks> callbacks = context.callbacks();
        System.setProperty("atelier.test.callback-url." + context.jobId(),
                callbacks.map(c -> c.url().toString()).orElse("none"));
        if (callbacks.isEmpty()) {
            return;
        }
        int received = 0;
        while (!context.isCancelled()) {
            Optional<CallbackMessage> message = callbacks.get().next(Duration.ofSeconds(5));
            if (message.isEmpty()) {
                continue;
            }
            received++;
            String body = new String(message.get().body(), StandardCharsets.UTF_8);
            context.progress(10 + received, body);
            if (body.equals("done")) {
                if (received != 2) {
                    throw new GenerationException(GenerationException.Kind.FAILED, "got " + received + " messages");
                }
                return;
            }
        }
        context.throwIfCancelled();
    }

    private static void sleep(long millis) throws GenerationException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException(GenerationException.Kind.CANCELLED, "interrupted");
        }
    }

    /** A grey square PNG, written by hand so the bundle needs nothing beyond java.base. */
    static byte[] png(int side) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < side; y++) {
            raw.write(0);
            for (int x = 0; x < side * 3; x++) {
                raw.write(0x80);
            }
        }
        Deflater deflater = new Deflater();
        deflater.setInput(raw.toByteArray());
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(side).putInt(side);
        header.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
