package dev.atelier.core.tenants;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step of a model's price ({@code models[].steps} in tenant.yaml): a request up to {@code upTo} costs
 * {@code credits}. {@code upTo} is an image size {@code WxH} ({@code 1024x1024}), compared by pixel count, or a
 * duration in whole seconds {@code Ns} ({@code 4s}).
 *
 * @param upTo the limit as written, normalized: lower case, no spaces
 * @param credits the price of a request that fits this step and none before it, 0 or more
 */
public record PriceStep(String upTo, int credits) {

    /** What a step's limit measures. */
    public enum Unit {
        /** Width × height of an image, in pixels. */
        SIZE,
        /** Length of a video, in seconds. */
        DURATION
    }

    private static final Pattern SIZE = Pattern.compile("([1-9][0-9]{0,4})x([1-9][0-9]{0,4})");
    private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,4})s");

    public PriceStep {
        String given = upTo;
        upTo = normalize(given).orElseThrow(() -> new IllegalArgumentException(
                "a price step is up to a size such as 1024x1024 or a duration such as 4s: " + given));
        if (credits < 0) {
            throw new IllegalArgumentException("a price step must not cost less than 0 credits");
        }
    }

    /** {@code text} as a limit ({@code "512 X 512"} → {@code "512x512"}), or empty when it is neither form. */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT).replace('×', 'x');
        return SIZE.matcher(compact).matches() || DURATION.matcher(compact).matches() ? Optional.of(compact)
                : Optional.empty();
    }

    /** The pixel count of a size written {@code WxH} ({@code "1024 x 768"} → 786432), or empty for anything else. */
    public static OptionalLong pixels(String size) {
        Matcher m = SIZE.matcher(size == null ? "" : size.replaceAll("\\s+", "").toLowerCase(Locale.ROOT)
                .replace('×', 'x'));
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1)) * Long.parseLong(m.group(2)))
                : OptionalLong.empty();
    }

    public Unit unit() {
        return DURATION.matcher(upTo).matches() ? Unit.DURATION : Unit.SIZE;
    }

    /** The limit as a number: pixels for a size, seconds for a duration. */
    public long measure() {
        OptionalLong pixels = pixels(upTo);
        if (pixels.isPresent()) {
            return pixels.getAsLong();
        }
        Matcher duration = DURATION.matcher(upTo);
        duration.matches();
        return Long.parseLong(duration.group(1));
    }

    /**
     * What is wrong with step {@code index} of {@code steps} against the steps before it, for its {@code up_to}: all
     * steps of a model use one unit and their limits grow strictly.
     */
    public static Optional<String> problemAt(List<PriceStep> steps, int index) {
        if (index == 0) {
            return Optional.empty();
        }
        PriceStep first = steps.get(0);
        PriceStep step = steps.get(index);
        if (step.unit() != first.unit()) {
            return Optional.of(first.unit() == Unit.SIZE
                    ? "must be a size such as 1024x1024, like the first step"
                    : "must be a duration such as 4s, like the first step");
        }
        PriceStep before = steps.get(index - 1);
        if (before.unit() == step.unit() && step.measure() <= before.measure()) {
            return Optional.of(step.unit() == Unit.SIZE
                    ? "must be larger (in pixels) than " + before.upTo() + ", the step before"
                    : "must be longer than " + before.upTo() + ", the step before");
        }
        return Optional.empty();
    }
}
