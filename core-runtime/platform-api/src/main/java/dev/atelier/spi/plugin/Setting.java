package dev.atelier.spi.plugin;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One setting a plugin takes from a tenant's configuration: its key, how its text is read and checked, whether it is
 * required, its default and a description for the admin form. Immutable: each {@code required()},
 * {@code defaultsTo(...)}, ... returns a new setting, so settings are declared as constants:
 *
 * <pre>{@code
 * static final Setting<String> BUCKET = Setting.text("bucket").required()
 *         .matching("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", "a bucket name such as media-prod")
 *         .describedAs("The bucket holding the tenant's objects");
 * static final Setting<Boolean> PATH_STYLE = Setting.bool("path_style").defaultsTo("false");
 * }</pre>
 *
 * @param <T> what the text is read as; see {@link SettingType}
 */
public final class Setting<T> {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final String key;
    private final SettingType type;
    private final Function<String, T> reader;
    private final boolean required;
    private final String defaultText;
    private final String description;
    private final List<String> choices;

    private Setting(String key, SettingType type, Function<String, T> reader, boolean required, String defaultText,
            String description, List<String> choices) {
        this.key = key;
        this.type = type;
        this.reader = reader;
        this.required = required;
        this.defaultText = defaultText;
        this.description = description;
        this.choices = choices;
    }

    private static <T> Setting<T> of(String key, SettingType type, Function<String, T> reader, List<String> choices) {
        if (!KEY.matcher(Objects.requireNonNull(key, "key")).matches()) {
            throw new IllegalArgumentException("setting key '" + key + "' must be a lower-case letter followed by"
                    + " at most 63 lower-case letters, digits or underscores");
        }
        return new Setting<>(key, type, reader, false, null, "", choices);
    }

    /** Any text. */
    public static Setting<String> text(String key) {
        return of(key, SettingType.TEXT, Function.identity(), List.of());
    }

    /** Text never shown again once set: an API key, a password, a signing secret. */
    public static Setting<String> secret(String key) {
        return of(key, SettingType.SECRET, Function.identity(), List.of());
    }

    /** A whole number. */
    public static Setting<Long> integer(String key) {
        return of(key, SettingType.INTEGER, SettingReaders::integer, List.of());
    }

    /** {@code true} or {@code false}. */
    public static Setting<Boolean> bool(String key) {
        return of(key, SettingType.BOOLEAN, SettingReaders::bool, List.of());
    }

    /** An absolute {@code http} or {@code https} URL with a host. */
    public static Setting<URI> url(String key) {
        return of(key, SettingType.URL, SettingReaders::url, List.of());
    }

    /** A length of time such as {@code 30s}, {@code 5m} or {@code PT1H}. */
    public static Setting<Duration> duration(String key) {
        return of(key, SettingType.DURATION, SettingReaders::duration, List.of());
    }

    /** One of {@code choices}, written exactly. */
    public static Setting<String> choice(String key, String... choices) {
        List<String> allowed = List.of(choices);
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("a choice setting needs at least one choice");
        }
        return of(key, SettingType.CHOICE, text -> SettingReaders.choice(text, allowed), allowed);
    }

    /** This setting, required: a configuration without it (and without a default) is refused. */
    public Setting<T> required() {
        return new Setting<>(key, type, reader, true, defaultText, description, choices);
    }

    /**
     * This setting with a default, written as a tenant would write it ({@code "30s"}, {@code "true"}); used when the
     * tenant's configuration has no value or a blank one.
     *
     * @throws IllegalArgumentException when the default itself is not a valid value
     */
    public Setting<T> defaultsTo(String text) {
        reader.apply(Objects.requireNonNull(text, "text").strip());
        return new Setting<>(key, type, reader, required, text.strip(), description, choices);
    }

    /** This setting with a description: one sentence for the admin form, naming units and examples. */
    public Setting<T> describedAs(String text) {
        return new Setting<>(key, type, reader, required, defaultText, Objects.requireNonNull(text, "text"),
                choices);
    }

    /**
     * This text setting, accepted only when the whole value matches {@code regex}.
     *
     * @param what what a valid value is, for the message of a refused one: {@code "a bucket name such as media"}
     */
    public Setting<T> matching(String regex, String what) {
        Pattern pattern = Pattern.compile(regex);
        Function<String, T> inner = reader;
        return new Setting<>(key, type, text -> {
            if (!pattern.matcher(text).matches()) {
                throw new IllegalArgumentException("must be " + what);
            }
            return inner.apply(text);
        }, required, defaultText, description, choices);
    }

    /** This integer setting, accepted only from {@code min} to {@code max}, both included. */
    public Setting<T> between(long min, long max) {
        Function<String, T> inner = reader;
        return new Setting<>(key, type, text -> {
            T value = inner.apply(text);
            if (value instanceof Long number && (number < min || number > max)) {
                throw new IllegalArgumentException("must be from " + min + " to " + max);
            }
            return value;
        }, required, defaultText, description, choices);
    }

    /** The key in the tenant's configuration, for example {@code api_key}. */
    public String key() {
        return key;
    }

    public SettingType type() {
        return type;
    }

    /** Whether a configuration must give a value; a setting with a default never lacks one. */
    public boolean isRequired() {
        return required;
    }

    /** Whether the value is a secret: stored encrypted, never shown again, never put in a message. */
    public boolean isSecret() {
        return type == SettingType.SECRET;
    }

    /** The default as text, if any. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultText);
    }

    /** The description for the admin form; empty when none was given. */
    public String description() {
        return description;
    }

    /** The allowed words of a {@link SettingType#CHOICE} setting; empty for the other types. */
    public List<String> choices() {
        return choices;
    }

    /**
     * Reads {@code text} (already stripped, not blank) as this setting's type.
     *
     * @throws IllegalArgumentException with a message for a person, completing "setting KEY ..."; it never repeats a
     *     secret's value
     */
    T read(String text) {
        return reader.apply(text);
    }

    @Override
    public String toString() {
        return "Setting[" + key + ", " + type + (required ? ", required" : "") + "]";
    }
}
