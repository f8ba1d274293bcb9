package dev.atelier.spi.plugin;

import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A tenant's configuration for a plugin, read by its {@link SettingsSchema}: typed values, defaults applied, every
 * value valid. Obtained from {@link SettingsSchema#read}; immutable.
 */
public final class PluginSettings {

    private final Map<String, Object> values;

    PluginSettings(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * The value of a required setting or of one with a default.
     *
     * @throws NoSuchElementException when the setting has no value (an optional setting without default: use
     *     {@link #find})
     */
    public <T> T get(Setting<T> setting) {
        return find(setting).orElseThrow(() -> new NoSuchElementException("setting " + setting.key()
                + " has no value; read an optional setting without default with find()"));
    }

    /** The value of a setting, or empty when the configuration has none and the setting no default. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(Setting<T> setting) {
        return Optional.ofNullable((T) values.get(setting.key()));
    }

    /** Keys only: values may be secrets. */
    @Override
    public String toString() {
        return "PluginSettings" + values.keySet();
    }
}
