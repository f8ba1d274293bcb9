package dev.atelier.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The platform's configuration: every key of {@link Keys} resolved from {@link ConfigSources} and checked. Immutable.
 */
public final class AtelierConfig {

    private final Path home;
    private final Map<ConfigKey<?>, Object> values;
    private final Map<ConfigKey<?>, String> origins;

    private AtelierConfig(Path home, Map<ConfigKey<?>, Object> values, Map<ConfigKey<?>, String> origins) {
        this.home = home;
        this.values = Map.copyOf(values);
        this.origins = Map.copyOf(origins);
    }

    /**
     * Reads and checks the configuration.
     *
     * @throws InvalidConfigurationException naming every unknown key and every bad value with where it was set
     */
    public static AtelierConfig load(ConfigSources sources) throws InvalidConfigurationException {
        List<String> problems = new ArrayList<>();
        Map<String, Setting> file = readFile(sources.propertiesFile(), problems);
        Map<ConfigKey<?>, Object> values = new HashMap<>();
        Map<ConfigKey<?>, String> origins = new HashMap<>();
        for (String unknown : unknownKeys(sources.flags().keySet())) {
            problems.add(unknown + ": unknown key (command line)");
        }
        for (ConfigKey<?> key : Keys.ALL) {
            Setting setting = resolve(key, sources, file);
            try {
                values.put(key, key.parse(setting.text));
                origins.put(key, setting.origin);
            } catch (InvalidValueException e) {
                String shown = key.isSecret() ? "(hidden)" : '"' + setting.text + '"';
                problems.add(key.name() + " = " + shown + " (" + setting.origin + "): " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return new AtelierConfig(sources.home().toAbsolutePath().normalize(), values, origins);
    }

    /** The value of a key. */
    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        return (T) values.get(key);
    }

    /** A path-valued key resolved against the home folder. */
    public Path path(ConfigKey<String> key) {
        return home.resolve(get(key)).normalize();
    }

    /** Where the value of a key came from, for example {@code environment variable ATELIER_HTTP_PORT}. */
    public String origin(ConfigKey<?> key) {
        return origins.get(key);
    }

    /**
     * The configuration profile in force: {@code atelier.profile} when set; otherwise {@code local} on the embedded
     * database (a machine trying the platform out, where offline overlays such as sandbox payments belong) and
     * {@code production} with an external database, so a production node never picks up a local overlay by accident.
     */
    public String profile() {
        String profile = get(Keys.PROFILE);
        if (!profile.isBlank()) {
            return profile;
        }
        return get(Keys.DB_URL).isEmpty() ? "local" : "production";
    }

    /** The installation folder. */
    public Path home() {
        return home;
    }

    private record Setting(String text, String origin) {}

    private static Setting resolve(ConfigKey<?> key, ConfigSources sources, Map<String, Setting> file) {
        String flag = sources.flags().get(key.name());
        if (flag != null) {
            return new Setting(flag, "command line");
        }
        String env = sources.environment().get(key.environmentVariable());
        if (env != null) {
            return new Setting(env, "environment variable " + key.environmentVariable());
        }
        Setting fromFile = file.get(key.name());
        return fromFile != null ? fromFile : new Setting(key.defaultText(), "default");
    }

    private static Map<String, Setting> readFile(Path path, List<String> problems) {
        Map<String, Setting> settings = new HashMap<>();
        if (path == null || !Files.isRegularFile(path)) {
            return settings;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(path + ": cannot be read: " + e.getMessage());
            return settings;
        }
        for (String unknown : unknownKeys(properties.stringPropertyNames())) {
            problems.add(unknown + ": unknown key (" + path + ")");
        }
        properties.stringPropertyNames()
                .forEach(name -> settings.put(name, new Setting(properties.getProperty(name), path.toString())));
        return settings;
    }

    private static TreeSet<String> unknownKeys(java.util.Set<String> names) {
        TreeSet<String> unknown = new TreeSet<>(names);
        Keys.ALL.forEach(key -> unknown.remove(key.name()));
        return unknown;
    }
}
