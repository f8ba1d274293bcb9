package dev.atelier.config;

import java.util.Objects;

/**
 * One configuration key: its name, default, how its text is turned into a value, and a line of documentation.
 *
 * @param <T> the value type
 */
public final class ConfigKey<T> {

    private final String name;
    private final String defaultText;
    private final ValueParser<T> parser;
    private final String description;
    private final boolean secret;

    private ConfigKey(String name, String defaultText, ValueParser<T> parser, String description, boolean secret) {
        this.name = Objects.requireNonNull(name);
        this.defaultText = Objects.requireNonNull(defaultText);
        this.parser = Objects.requireNonNull(parser);
        this.description = Objects.requireNonNull(description);
        this.secret = secret;
    }

    static <T> ConfigKey<T> of(String name, String defaultText, ValueParser<T> parser, String description) {
        return new ConfigKey<>(name, defaultText, parser, description, false);
    }

    static <T> ConfigKey<T> secret(String name, String defaultText, ValueParser<T> parser, String description) {
        return new ConfigKey<>(name, defaultText, parser, description, true);
    }

    /** For example {@code atelier.http.port}. */
    public String name() {
        return name;
    }

    /** The environment variable that sets this key: upper case, dots and dashes become underscores. */
    public String environmentVariable() {
        return name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The default as written in documentation; empty when there is none. */
    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    /** Whether the value must never be printed or logged. */
    public boolean isSecret() {
        return secret;
    }

    T parse(String text) throws InvalidValueException {
        return parser.parse(text.strip());
    }

    @Override
    public String toString() {
        return name;
    }
}
