package dev.atelier.model.openai.internal;

import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.plugin.DataCategory;
import dev.atelier.spi.plugin.DataProcessorDisclosure;
import dev.atelier.spi.plugin.InvalidSettingsException;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.PluginSettings;
import dev.atelier.spi.plugin.Setting;
import dev.atelier.spi.plugin.SettingsSchema;
import dev.atelier.spi.tenant.TenantContext;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One tenant's settings for the model, read from its plugin configuration on every call (tenants may point at
 * different OpenAI-compatible services, keys and vendor models). Declared in {@link #DESCRIPTION} with OpenAI as the
 * processor of prompts and pictures; a tenant using another OpenAI-compatible service names it with
 * {@code display_name}.
 *
 * @param baseUrl the service's root, without {@code /v1}
 * @param apiKey the bearer token; never put in a message or a log line
 * @param model the vendor's model name sent with every request; configuration, not code, because vendors rename them
 * @param organization the OpenAI organization header, if the tenant bills to one
 */
record ImagesSettings(URI baseUrl, String apiKey, String model, Optional<String> organization) {

    static final String DEFAULT_BASE_URL = "https://api.openai.com";
    static final String DEFAULT_MODEL = "gpt-image-1";

    static final Setting<URI> BASE_URL = Setting.url("base_url").defaultsTo(DEFAULT_BASE_URL)
            .describedAs("The root of the OpenAI-compatible images API, with or without /v1");
    static final Setting<String> API_KEY = Setting.secret("api_key").required()
            .describedAs("The API key requests are billed to (sk-...)");
    static final Setting<String> MODEL = Setting.text("model").defaultsTo(DEFAULT_MODEL)
            .describedAs("The vendor's image model, for example gpt-image-1");
    static final Setting<String> ORGANIZATION = Setting.text("organization")
            .describedAs("The OpenAI organization to bill, if the key belongs to several");

    static final PluginDescription DESCRIPTION = new PluginDescription(
            SettingsSchema.of(BASE_URL, API_KEY, MODEL, ORGANIZATION),
            List.of(new DataProcessorDisclosure("OpenAI, L.L.C.", "OpenAI",
                    Set.of(DataCategory.PROMPTS, DataCategory.UPLOADED_MEDIA, DataCategory.GENERATED_MEDIA),
                    "Generates and edits images from users' prompts and pictures", "United States",
                    URI.create("https://openai.com/policies/privacy-policy/"))));

    /** Reads the settings; a missing key or a malformed URL is the operator's to fix, so it is {@code FAILED}. */
    static ImagesSettings of(TenantContext tenant) throws GenerationException {
        PluginSettings values;
        try {
            values = DESCRIPTION.settings().read(tenant.pluginConfig());
        } catch (InvalidSettingsException e) {
            throw new GenerationException(GenerationException.Kind.FAILED, "Image generation is not set up for this"
                    + " site yet: its operator has to fix the settings of the openai-images model (" + e.getMessage()
                    + ").");
        }
        return new ImagesSettings(withoutVersion(values.get(BASE_URL)), values.get(API_KEY), values.get(MODEL),
                values.find(ORGANIZATION));
    }

    /** The root the paths are added to: tenants paste {@code https://api.openai.com/v1/} as often as without. */
    private static URI withoutVersion(URI configured) {
        String base = configured.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (base.endsWith("/v1")) {
            base = base.substring(0, base.length() - "/v1".length());
        }
        return URI.create(base);
    }

    URI endpoint(String path) {
        return URI.create(baseUrl + path);
    }

    @Override
    public String toString() {
        return "ImagesSettings[" + baseUrl + ", model " + model + ", key hidden]";
    }
}
