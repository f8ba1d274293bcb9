package dev.atelier.model.replicate.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * A tenant's settings for a Replicate model, read from its plugin configuration on every call (tenants change them
 * without a redeploy). Any missing or broken setting is the tenant admin's to fix, so the user only hears that the
 * model is not set up; the log line names the key, never its value. {@code webhookSecret} is {@code null} when the
 * tenant set none (the account's default secret is then read from the API). The settings and Replicate's processing
 * are declared in {@link #DESCRIPTION}, which both models return as their description.
 */
record ReplicateSettings(
        URI baseUrl, String apiToken, String version, String model, String promptField, String imageField,
        ObjectNode extraInput, String webhookSecret) {

    static final Setting<URI> BASE_URL = Setting.url("base_url").defaultsTo("https://api.replicate.com")
            .describedAs("Replicate's API; change it only for a compatible service");
    static final Setting<String> API_TOKEN = Setting.secret("api_token").required()
            .describedAs("An API token of the Replicate account that pays for predictions (r8_...)");
    static final Setting<String> VERSION = Setting.text("version")
            .describedAs("The model version id to run; leave empty to run the latest version of an official model");
    static final Setting<String> MODEL = Setting.text("model")
            .matching("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", "of the form owner/name")
            .describedAs("The official model to run, as owner/name (for example black-forest-labs/flux-schnell)");
    static final Setting<String> INPUT_PROMPT_FIELD = field("input_prompt_field", "prompt")
            .describedAs("The model's input field that receives the prompt");
    static final Setting<String> INPUT_IMAGE_FIELD = field("input_image_field", "image")
            .describedAs("The model's input field that receives the user's picture");
    static final Setting<String> EXTRA_INPUT = Setting.text("extra_input")
            .describedAs("A JSON object of further input fields sent with every prediction");
    static final Setting<String> WEBHOOK_SECRET = Setting.secret("webhook_secret")
            .describedAs("The account's webhook signing secret (whsec_...); read from Replicate when empty");

    static final PluginDescription DESCRIPTION = new PluginDescription(
            SettingsSchema.of(BASE_URL, API_TOKEN, VERSION, MODEL, INPUT_PROMPT_FIELD, INPUT_IMAGE_FIELD, EXTRA_INPUT,
                    WEBHOOK_SECRET).requiringOneOf(VERSION, MODEL),
            List.of(new DataProcessorDisclosure("Replicate, Inc.", "Replicate",
                    Set.of(DataCategory.PROMPTS, DataCategory.UPLOADED_MEDIA, DataCategory.GENERATED_MEDIA),
                    "Runs the AI models that generate images and videos from users' prompts and pictures",
                    "United States", URI.create("https://replicate.com/privacy"))));

    private static final String NOT_SET_UP = "This model is not set up for this site yet. Please try another model.";

    static ReplicateSettings of(TenantContext tenant, ObjectMapper json) throws GenerationException {
        PluginSettings values;
        try {
            values = DESCRIPTION.settings().read(tenant.pluginConfig());
        } catch (InvalidSettingsException e) {
            throw misconfigured(tenant, e.getMessage());
        }
        ObjectNode extra = json.createObjectNode();
        Optional<String> extraText = values.find(EXTRA_INPUT);
        if (extraText.isPresent()) {
            try {
                JsonNode parsed = json.readTree(extraText.get());
                if (!(parsed instanceof ObjectNode)) {
                    throw misconfigured(tenant, EXTRA_INPUT.key() + ": is not a JSON object");
                }
                extra = (ObjectNode) parsed;
            } catch (JsonProcessingException e) {
                throw misconfigured(tenant, EXTRA_INPUT.key() + ": is not valid JSON");
            }
        }
        return new ReplicateSettings(values.get(BASE_URL), values.get(API_TOKEN), values.find(VERSION).orElse(null),
                values.find(MODEL).orElse(null), values.get(INPUT_PROMPT_FIELD), values.get(INPUT_IMAGE_FIELD),
                extra, values.find(WEBHOOK_SECRET).orElse(null));
    }

    /** Where predictions are created: the version endpoint, or the official-model endpoint when only a model is set. */
    URI createUrl() {
        return version != null ? resolve("/v1/predictions") : resolve("/v1/models/" + model + "/predictions");
    }

    URI predictionUrl(String id) {
        return resolve("/v1/predictions/" + id);
    }

    URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** Whether {@code url} points at the API itself (same scheme, host and port), the only place the token may go. */
    boolean isApiUrl(URI url) {
        return url.getScheme() != null && url.getHost() != null
                && url.getScheme().equalsIgnoreCase(baseUrl.getScheme())
                && url.getHost().equalsIgnoreCase(baseUrl.getHost())
                && port(url) == port(baseUrl);
    }

    /** Removes the token from text that may reach a user or a log, in case a provider echoes it. */
    String redact(String text) {
        return text == null ? "" : text.replace(apiToken, "[redacted]");
    }

    @Override
    public String toString() {
        return "ReplicateSettings[" + baseUrl + ", version=" + version + ", model=" + model + "]";
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "http".equalsIgnoreCase(url.getScheme()) ? 80 : 443;
    }

    private static Setting<String> field(String key, String defaultName) {
        return Setting.text(key).defaultsTo(defaultName).matching("[A-Za-z_][A-Za-z0-9_]{0,63}", "a field name");
    }

    private static GenerationException misconfigured(TenantContext tenant, String problems) {
        ReplicateLog.LOG.log(System.Logger.Level.WARNING, "tenant={0} correlation={1}: settings {2}",
                tenant.tenantSlug(), tenant.correlationId(), problems);
        return new GenerationException(GenerationException.Kind.FAILED, NOT_SET_UP);
    }
}
