package dev.atelier.spi.plugin;

import java.util.Objects;

/**
 * Why one setting of a tenant's configuration was refused.
 *
 * @param key the setting's key, for example {@code base_url}
 * @param message what is wrong, completing "setting KEY ...": {@code "is required"}; never a secret's value
 */
public record SettingProblem(String key, String message) {

    public SettingProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
