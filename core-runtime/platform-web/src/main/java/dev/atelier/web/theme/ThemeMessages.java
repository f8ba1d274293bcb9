package dev.atelier.web.theme;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message bundles of the themes: {@code themes/default/messages.properties} defines every key a page or an email
 * uses, a theme's own {@code messages.properties} overrides some, and a tenant's {@code messages} override some more.
 * Files are UTF-8 and read once per theme; a tenant's wording is resolved when its templates are (see
 * {@link ThemeEngine}), never per request.
 */
public final class ThemeMessages {

    /** The bundle's file name in a theme folder. */
    public static final String FILE = "messages.properties";

    private final Themes themes;
    private final Map<String, Map<String, String>> byTheme = new ConcurrentHashMap<>();

    public ThemeMessages(Themes themes) {
        this.themes = themes;
    }

    /** The keys of the default theme's bundle: the only keys a theme or a tenant may override. */
    public Set<String> keys() {
        return Set.copyOf(theme(Themes.DEFAULT).keySet());
    }

    /** The wording of a tenant with theme {@code theme} (already the effective one) and its own {@code overrides}. */
    public Messages forTenant(String theme, Map<String, String> overrides) {
        if (overrides.isEmpty()) {
            return new Messages(theme(theme));
        }
        Map<String, String> texts = new HashMap<>(theme(theme));
        texts.putAll(overrides);
        return new Messages(texts);
    }

    private Map<String, String> theme(String name) {
        return byTheme.computeIfAbsent(name, this::load);
    }

    private Map<String, String> load(String name) {
        Map<String, String> texts = new HashMap<>(read(Themes.DEFAULT));
        if (!Themes.DEFAULT.equals(name)) {
            // A theme's key that the default lacks would be used by no page: only known keys are taken.
            read(name).forEach((key, text) -> texts.replace(key, text));
        }
        return Map.copyOf(texts);
    }

    private Map<String, String> read(String theme) {
        Path file = themes.exists(theme) ? themes.dir(theme).resolve(FILE) : null;
        if (file == null || !Files.isRegularFile(file)) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Message bundle unreadable: " + file, e);
        }
        Map<String, String> texts = new HashMap<>();
        properties.forEach((key, text) -> texts.put(key.toString(), text.toString()));
        return texts;
    }
}
