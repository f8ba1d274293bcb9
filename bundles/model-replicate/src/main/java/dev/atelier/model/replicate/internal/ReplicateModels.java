package dev.atelier.model.replicate.internal;

import dev.atelier.spi.model.InputKind;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;

/**
 * The two descriptors of the bundle. A descriptor may not change while its service is registered, and its output
 * kind is part of it, so images and videos are two models ({@code replicate-image}, {@code replicate-video}); which
 * Replicate model each runs is the tenant's setting.
 */
final class ReplicateModels {

    static final String IMAGE_ID = "replicate-image";
    static final String VIDEO_ID = "replicate-video";
    static final String WIDTH = "width";
    static final String HEIGHT = "height";
    static final String SEED = "seed";

    private ReplicateModels() {}

    static ModelDescriptor image(String version) {
        return ModelDescriptor.builder(IMAGE_ID)
                .name("Replicate image")
                .description("Pictures from the image model this site chose on Replicate, from your prompt and "
                        + "optionally a picture of yours.")
                .version(version)
                .output(MediaKind.IMAGE)
                .accepts(InputKind.IMAGE)
                .parameter(ParameterSpec.integer(WIDTH, "Width (px)", 64, 2048, 1024))
                .parameter(ParameterSpec.integer(HEIGHT, "Height (px)", 64, 2048, 1024))
                .parameter(seed())
                .defaultCreditCost(4)
                .timeLimit(Duration.ofMinutes(10))
                .build();
    }

    static ModelDescriptor video(String version) {
        return ModelDescriptor.builder(VIDEO_ID)
                .name("Replicate video")
                .description("Short videos from the video model this site chose on Replicate, from your prompt and "
                        + "optionally a picture of yours to start from.")
                .version(version)
                .output(MediaKind.VIDEO)
                .accepts(InputKind.IMAGE)
                .parameter(ParameterSpec.integer(WIDTH, "Width (px)", 64, 1920, 832))
                .parameter(ParameterSpec.integer(HEIGHT, "Height (px)", 64, 1920, 480))
                .parameter(seed())
                .defaultCreditCost(20)
                .timeLimit(Duration.ofMinutes(30))
                .build();
    }

    private static ParameterSpec seed() {
        return ParameterSpec.integer(SEED, "Seed", 0, Integer.MAX_VALUE, 0)
                .withDescription("The same seed and prompt give similar results; 0 lets the model choose.");
    }

    static String buildVersion() {
        Properties build = new Properties();
        try (InputStream in = ReplicateModels.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the model bundle");
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bundleVersion(build.getProperty("version"), build.getProperty("snapshot-qualifier"));
    }

    /** The Bundle-Version bnd writes for a Maven version: a snapshot gets the build's time as qualifier. */
    static String bundleVersion(String mavenVersion, String snapshotQualifier) {
        return mavenVersion.endsWith("-SNAPSHOT")
                ? mavenVersion.substring(0, mavenVersion.length() - "-SNAPSHOT".length()) + "." + snapshotQualifier
                : mavenVersion;
    }
}
