package dev.atelier.model.openai.internal;

import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.tenant.TenantContext;
import java.net.URI;
import java.util.Optional;

/**
 * One tenant's settings for the model, read from its plugin configuration on every call (tenants may point at
 * different OpenAI-compatible services, keys and vendor models).
 *
 * @param baseUrl the service's root, without {@code /v1}
 * @param apiKey the bearer token; never put in a message or a log line
 * @param model the vendor's model name sent with every request; configuration, not code, because vendors rename them
 * @param organization the OpenAI organization header, if the tenant bills to one
 */
record ImagesSettings(URI baseUrl, String apiKey, String model, Optional<String> organization) {

    static final String BASE_URL = "base_url";
    static final String API_KEY = "api_key";
    static final String MODEL = "model";
    static final String ORGANIZATION = "organization";

    static final String DEFAULT_BASE_URL = "https://api.openai.com";
    static final String DEFAULT_MODEL = "gpt-image-1";

    /** Reads the settings; a missing key or a malformed URL is the operator's to fix, so it is {@code FAILED}. */
    static ImagesSettings of(TenantContext tenant) throws GenerationException {
        String apiKey = tenant.pluginConfig(API_KEY).orElseThrow(() -> new GenerationException(
                GenerationException.Kind.FAILED,
                "Image generation is not set up for this site yet: its operator has to set the api_key of the "
                        + "openai-images model."));
        String base = tenant.pluginConfig(BASE_URL).orElse(DEFAULT_BASE_URL).trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (base.endsWith("/v1")) {
            base = base.substring(0, base.length() - "/v1".length());
        }
        URI baseUrl;
        try {
            baseUrl = URI.create(base);
        } catch (IllegalArgumentException e) {
            baseUrl = null;
        }
        if (baseUrl == null || baseUrl.getHost() == null
                || !("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))) {
            throw new GenerationException(GenerationException.Kind.FAILED,
                    "Image generation is misconfigured for this site: the base_url of the openai-images model must "
                            + "be an http or https URL. Please tell the site's operator.");
        }
        return new ImagesSettings(baseUrl, apiKey.trim(), tenant.pluginConfig(MODEL).orElse(DEFAULT_MODEL).trim(),
                tenant.pluginConfig(ORGANIZATION).map(String::trim));
    }

    URI endpoint(String path) {
        return URI.create(baseUrl + path);
    }

    @Override
    public String toString() {
        return "ImagesSettings[" + baseUrl + ", model " + model + ", key hidden]";
    }
}
