package dev.atelier.model.replicate.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.tenant.TenantContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * A tenant's settings for a Replicate model, read from its plugin configuration on every call (tenants change them
 * without a redeploy). Any missing or broken setting is the tenant admin's to fix, so the user only hears that the
 * model is not set up; the log line names the key, never its value. {@code webhookSecret} is {@code null} when the
 * tenant set none (the account's default secret is then read from the API).
 */
record ReplicateSettings(
        URI baseUrl, String apiToken, String version, String model, String promptField, String imageField,
        ObjectNode extraInput, String webhookSecret) {

    static final String BASE_URL = "base_url";
    static final String API_TOKEN = "api_token";
    static final String VERSION = "version";
    static final String MODEL = "model";
    static final String INPUT_PROMPT_FIELD = "input_prompt_field";
    static final String INPUT_IMAGE_FIELD = "input_image_field";
    static final String EXTRA_INPUT = "extra_input";
    static final String WEBHOOK_SECRET = "webhook_secret";

    static final String DEFAULT_BASE_URL = "https://api.replicate.com";

    private static final String NOT_SET_UP = "This model is not set up for this site yet. Please try another model.";

    static ReplicateSettings of(TenantContext tenant, ObjectMapper json) throws GenerationException {
        String token = tenant.pluginConfig(API_TOKEN).orElseThrow(() -> misconfigured(tenant, API_TOKEN, "is missing"));
        Optional<String> version = tenant.pluginConfig(VERSION).map(String::trim);
        Optional<String> model = tenant.pluginConfig(MODEL).map(String::trim);
        if (version.isEmpty() && model.isEmpty()) {
            throw misconfigured(tenant, VERSION + "/" + MODEL, "is missing (one of them is required)");
        }
        if (version.isEmpty() && !model.get().matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            throw misconfigured(tenant, MODEL, "is not of the form owner/name");
        }
        URI base = baseUrl(tenant);
        String promptField = field(tenant, INPUT_PROMPT_FIELD, "prompt");
        String imageField = field(tenant, INPUT_IMAGE_FIELD, "image");
        ObjectNode extra = json.createObjectNode();
        Optional<String> extraText = tenant.pluginConfig(EXTRA_INPUT);
        if (extraText.isPresent()) {
            try {
                JsonNode parsed = json.readTree(extraText.get());
                if (!(parsed instanceof ObjectNode)) {
                    throw misconfigured(tenant, EXTRA_INPUT, "is not a JSON object");
                }
                extra = (ObjectNode) parsed;
            } catch (JsonProcessingException e) {
                throw misconfigured(tenant, EXTRA_INPUT, "is not valid JSON");
            }
        }
        return new ReplicateSettings(base, token, version.orElse(null), model.orElse(null), promptField, imageField,
                extra, tenant.pluginConfig(WEBHOOK_SECRET).map(String::strip).orElse(null));
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

    private static URI baseUrl(TenantContext tenant) throws GenerationException {
        String text = tenant.pluginConfig(BASE_URL).orElse(DEFAULT_BASE_URL).trim();
        try {
            URI uri = new URI(text);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw misconfigured(tenant, BASE_URL, "is not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw misconfigured(tenant, BASE_URL, "is not a URL");
        }
    }

    private static String field(TenantContext tenant, String key, String defaultValue) throws GenerationException {
        String value = tenant.pluginConfig(key).orElse(defaultValue).trim();
        if (!value.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
            throw misconfigured(tenant, key, "is not a field name");
        }
        return value;
    }

    private static GenerationException misconfigured(TenantContext tenant, String key, String problem) {
        ReplicateLog.LOG.log(System.Logger.Level.WARNING, "tenant={0} correlation={1}: setting {2} {3}",
                tenant.tenantSlug(), tenant.correlationId(), key, problem);
        return new GenerationException(GenerationException.Kind.FAILED, NOT_SET_UP);
    }
}
