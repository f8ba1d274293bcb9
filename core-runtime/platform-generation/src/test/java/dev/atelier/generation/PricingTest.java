package dev.atelier.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.core.tenants.PriceStep;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingTest {

    private static final ModelDescriptor SIDES = ModelDescriptor.builder("sides").name("Sides").version("1")
            .output(MediaKind.IMAGE)
            .parameter(ParameterSpec.integer("width", "Width", 64, 2048, 512))
            .parameter(ParameterSpec.integer("height", "Height", 64, 2048, 512)).build();
    private static final ModelDescriptor SIZES = ModelDescriptor.builder("sizes").name("Sizes").version("1")
            .output(MediaKind.IMAGE)
            .parameter(ParameterSpec.choice("size", "Size", List.of("auto", "1024x1024", "1536x1024"), "auto"))
            .build();
    private static final ModelDescriptor VIDEO = ModelDescriptor.builder("video").name("Video").version("1")
            .output(MediaKind.VIDEO)
            .parameter(ParameterSpec.integer("width", "Width", 64, 1024, 384))
            .parameter(ParameterSpec.integer("height", "Height", 64, 1024, 384))
            .parameter(ParameterSpec.integer("duration_seconds", "Length", 1, 6, 3)).build();
    private static final ModelDescriptor PLAIN = ModelDescriptor.builder("plain").name("Plain").version("1")
            .output(MediaKind.IMAGE).parameter(ParameterSpec.integer("seed", "Seed", 0, 100, 0)).build();

    private static final List<PriceStep> BY_SIZE = List.of(new PriceStep("512x512", 1),
            new PriceStep("1024x1024", 2));
    private static final List<PriceStep> BY_LENGTH = List.of(new PriceStep("2s", 3));

    @Test
    void aRequestPaysTheFirstStepItFits() {
        Pricing pricing = new Pricing(4, BY_SIZE, SIDES);

        assertThat(pricing.of(Map.of("width", 256L, "height", 256L))).isEqualTo(1);
        assertThat(pricing.of(Map.of("width", 512L, "height", 512L))).isEqualTo(1);
        assertThat(pricing.of(Map.of("width", 513L, "height", 512L))).isEqualTo(2);
        assertThat(pricing.of(Map.of("width", 1024L, "height", 1024L))).isEqualTo(2);
    }

    @Test
    void aRequestAboveTheLastStepPaysTheBasePrice() {
        assertThat(new Pricing(4, BY_SIZE, SIDES).of(Map.of("width", 2048L, "height", 1024L))).isEqualTo(4);
    }

    @Test
    void sizesAreComparedByPixelCountNotBySide() {
        Pricing pricing = new Pricing(4, BY_SIZE, SIDES);

        // 2048 × 128 is wider than 1024 but has fewer pixels than 1024 × 1024.
        assertThat(pricing.of(Map.of("width", 2048L, "height", 128L))).isEqualTo(1);
        assertThat(pricing.of(Map.of("width", 2048L, "height", 256L))).isEqualTo(2);
    }

    @Test
    void aSizeChoiceIsReadAsWidthByHeight() {
        Pricing pricing = new Pricing(4, BY_SIZE, SIZES);

        assertThat(pricing.of(Map.of("size", "1024x1024"))).isEqualTo(2);
        assertThat(pricing.of(Map.of("size", "1536x1024"))).isEqualTo(4);
    }

    @Test
    void anAutomaticOrUnreadableSizePaysTheBasePrice() {
        Pricing pricing = new Pricing(4, BY_SIZE, SIZES);

        assertThat(pricing.of(Map.of("size", "auto"))).isEqualTo(4);
        assertThat(pricing.of(Map.of("size", "large"))).isEqualTo(4);
        assertThat(pricing.of(Map.of())).isEqualTo(4);
    }

    @Test
    void aVideoPaysByItsLengthInSeconds() {
        Pricing pricing = new Pricing(6, BY_LENGTH, VIDEO);

        assertThat(pricing.of(Map.of("width", 384L, "height", 384L, "duration_seconds", 1L))).isEqualTo(3);
        assertThat(pricing.of(Map.of("width", 384L, "height", 384L, "duration_seconds", 2L))).isEqualTo(3);
        assertThat(pricing.of(Map.of("width", 384L, "height", 384L, "duration_seconds", 3L))).isEqualTo(6);
    }

    @Test
    void aDurationParameterCalledDurationCountsToo() {
        ModelDescriptor model = ModelDescriptor.builder("clip").name("Clip").version("1").output(MediaKind.VIDEO)
                .parameter(ParameterSpec.number("duration", "Length", 0.5, 10, 5)).build();
        Pricing pricing = new Pricing(6, BY_LENGTH, model);

        assertThat(pricing.of(Map.of("duration", 1.5))).isEqualTo(3);
        assertThat(pricing.of(Map.of("duration", 2.5))).isEqualTo(6);
    }

    @Test
    void stepsInAUnitTheModelHasNoSettingForAreIgnored() {
        Pricing sizeOnVideoLength = new Pricing(6, BY_LENGTH, SIDES);
        Pricing sizeOnPlain = new Pricing(5, BY_SIZE, PLAIN);

        assertThat(sizeOnVideoLength.steps()).isEmpty();
        assertThat(sizeOnVideoLength.of(Map.of("width", 64L, "height", 64L))).isEqualTo(6);
        assertThat(sizeOnPlain.of(Map.of("seed", 1L))).isEqualTo(5);
        assertThat(sizeOnPlain.lowest()).isEqualTo(5);
        assertThat(Pricing.measurable(PriceStep.Unit.SIZE, VIDEO)).isTrue();
        assertThat(Pricing.measurable(PriceStep.Unit.DURATION, VIDEO)).isTrue();
        assertThat(Pricing.measurable(PriceStep.Unit.DURATION, SIZES)).isFalse();
        assertThat(Pricing.measurable(PriceStep.Unit.SIZE, PLAIN)).isFalse();
    }

    @Test
    void withoutStepsEveryRequestPaysTheBasePrice() {
        Pricing pricing = new Pricing(3, List.of(), SIDES);

        assertThat(pricing.of(Map.of("width", 64L, "height", 64L))).isEqualTo(3);
        assertThat(pricing.lowest()).isEqualTo(3);
        assertThat(pricing.highest()).isEqualTo(3);
    }

    @Test
    void theRangeCoversTheStepsAndTheBasePrice() {
        Pricing cheaperSteps = new Pricing(4, BY_SIZE, SIDES);
        Pricing dearerSteps = new Pricing(1, List.of(new PriceStep("512x512", 0), new PriceStep("1024x1024", 9)),
                SIDES);

        assertThat(cheaperSteps.lowest()).isEqualTo(1);
        assertThat(cheaperSteps.highest()).isEqualTo(4);
        assertThat(dearerSteps.lowest()).isEqualTo(0);
        assertThat(dearerSteps.highest()).isEqualTo(9);
    }

    @Test
    void stepLimitsAreReadAsSizesOrWholeSeconds() {
        assertThat(new PriceStep(" 512 X 512 ", 1).upTo()).isEqualTo("512x512");
        assertThat(new PriceStep("512×512", 1).measure()).isEqualTo(512L * 512);
        assertThat(new PriceStep("4s", 1).unit()).isEqualTo(PriceStep.Unit.DURATION);
        assertThat(new PriceStep("4s", 1).measure()).isEqualTo(4);
        assertThat(PriceStep.normalize("4")).isEmpty();
        assertThat(PriceStep.normalize("0x512")).isEmpty();
        assertThat(PriceStep.normalize("1.5s")).isEmpty();
        assertThat(PriceStep.normalize("large")).isEmpty();
        assertThatThrownBy(() -> new PriceStep("big", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PriceStep("2s", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stepsMustShareOneUnitAndGrowStrictly() {
        List<PriceStep> mixed = List.of(new PriceStep("512x512", 1), new PriceStep("4s", 2));
        List<PriceStep> shrinking = List.of(new PriceStep("1024x1024", 1), new PriceStep("512x512", 2));
        List<PriceStep> samePixels = List.of(new PriceStep("1024x512", 1), new PriceStep("512x1024", 2));

        assertThat(PriceStep.problemAt(BY_SIZE, 0)).isEmpty();
        assertThat(PriceStep.problemAt(BY_SIZE, 1)).isEmpty();
        assertThat(PriceStep.problemAt(mixed, 1)).hasValueSatisfying(m -> assertThat(m).contains("size"));
        assertThat(PriceStep.problemAt(shrinking, 1)).hasValueSatisfying(m -> assertThat(m).contains("larger"));
        assertThat(PriceStep.problemAt(samePixels, 1)).isPresent();
    }
}
