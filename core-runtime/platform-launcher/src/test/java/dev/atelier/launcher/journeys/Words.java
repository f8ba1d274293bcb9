package dev.atelier.launcher.journeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A tenant's wording, read the way its pages get it: the default theme's {@code messages.properties}, then its own
 * theme's, then the {@code messages:} of its {@code tenant.yaml}. A journey finds buttons and fields by the words a
 * person of that tenant reads, so the same steps walk every tenant's site in its own voice.
 */
final class Words {

    private static final Path THEMES = Path.of("../../themes");
    private static final Path TENANT_CONFIGS = Path.of("../../tenant-configs");

    private final Properties messages = new Properties();

    private Words(String slug) {
        JsonNode tenant = tenantYaml(slug);
        load(THEMES.resolve("default/messages.properties"));
        String theme = tenant.path("branding").path("theme").asText("default");
        Path own = THEMES.resolve(theme).resolve("messages.properties");
        if (!"default".equals(theme) && Files.exists(own)) {
            load(own);
        }
        tenant.path("messages").fields().forEachRemaining(e -> messages.setProperty(e.getKey(), e.getValue().asText()));
    }

    static Words of(String slug) {
        return new Words(slug);
    }

    /** The text of {@code key}, with {@code {0}}-style arguments filled in (as the pages fill them). */
    String text(String key, Object... arguments) {
        String text = messages.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no message " + key);
        }
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    /** The words of {@code key} before its first placeholder, for a name that goes on with a value: "Pay {0}". */
    String start(String key) {
        String text = text(key);
        int placeholder = text.indexOf('{');
        return placeholder < 0 ? text : text.substring(0, placeholder);
    }

    private void load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties layer = new Properties();
            layer.load(reader);
            messages.putAll(layer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tenantYaml(String slug) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(TENANT_CONFIGS.resolve(slug).resolve("tenant.yaml")
                    .toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
