package dev.atelier.model.replicate.internal;

import dev.atelier.spi.model.InputKind;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import java.time.Duration;

/**
 * The two descriptors of the bundle. A descriptor may not change while its service is registered, and its output
 * kind is part of it, so images and videos are two models ({@code replicate-image}, {@code replicate-video}); which
 * Replicate model each runs is the tenant's setting. Neither declares a version: the host lists both with the
 * bundle's {@code Bundle-Version}.
 */
final class ReplicateModels {

    static final String IMAGE_ID = "replicate-image";
    static final String VIDEO_ID = "replicate-video";
    static final String WIDTH = "width";
    static final String HEIGHT = "height";
    static final String SEED = "seed";

    private ReplicateModels() {}

    static ModelDescriptor image() {
        return ModelDescriptor.builder(IMAGE_ID)
                .name("Replicate image")
                .description("Pictures from the image model this site chose on Replicate, from your prompt and "
                        + "optionally a picture of yours.")
                .output(MediaKind.IMAGE)
                .accepts(InputKind.IMAGE)
                .parameter(ParameterSpec.integer(WIDTH, "Width (px)", 64, 2048, 1024))
                .parameter(ParameterSpec.integer(HEIGHT, "Height (px)", 64, 2048, 1024))
                .parameter(seed())
                .defaultCreditCost(4)
                .timeLimit(Duration.ofMinutes(10))
                .build();
    }

    static ModelDescriptor video() {
        return ModelDescriptor.builder(VIDEO_ID)
                .name("Replicate video")
                .description("Short videos from the video model this site chose on Replicate, from your prompt and "
                        + "optionally a picture of yours to start from.")
                .output(MediaKind.VIDEO)
                .accepts(InputKind.IMAGE)
                .parameter(ParameterSpec.integer(WIDTH, "Width (px)", 64, 1920, 832))
                .parameter(ParameterSpec.integer(HEIGHT, "Height (px)", 64, 1920, 480))
                .parameter(seed())
                .defaultCreditCost(20)
                .timeLimit(Duration.ofMinutes(30))
                // Video predictions hold a Replicate GPU for minutes; more at once mostly queue at the vendor.
                .maxRunning(8)
                .build();
    }

    private static ParameterSpec seed() {
        return ParameterSpec.integer(SEED, "Seed", 0, Integer.MAX_VALUE, 0)
                .withDescription("The same seed and prompt give similar results; 0 lets the model choose.");
    }
}
