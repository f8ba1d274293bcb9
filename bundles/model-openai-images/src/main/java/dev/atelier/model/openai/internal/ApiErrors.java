package dev.atelier.model.openai.internal;

import static dev.atelier.spi.model.GenerationException.Kind.CONTENT_REJECTED;
import static dev.atelier.spi.model.GenerationException.Kind.FAILED;
import static dev.atelier.spi.model.GenerationException.Kind.INVALID_INPUT;
import static dev.atelier.spi.model.GenerationException.Kind.TEMPORARY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.spi.model.GenerationException;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an error answer of the images API into the {@link GenerationException} the host acts on. Messages are shown
 * to end users: they never carry the key, and the vendor's own text only where it is about the user's request.
 */
final class ApiErrors {

    /** What OpenAI answers (400) when its safety system refuses a prompt or a picture. */
    private static final Set<String> CONTENT_CODES = Set.of("content_policy_violation", "moderation_blocked");
    /** Account problems OpenAI reports as 400 or 429: retrying cannot help, the operator must act. */
    private static final Set<String> ACCOUNT_CODES = Set.of("insufficient_quota", "billing_hard_limit_reached",
            "billing_not_active", "account_deactivated");
    private static final Pattern KEY_LIKE = Pattern.compile("\\b(sk|key)-[A-Za-z0-9_*\\-]{4,}");
    private static final int MAX_VENDOR_TEXT = 300;

    private final ObjectMapper json;

    ApiErrors(ObjectMapper json) {
        this.json = json;
    }

    /** The vendor's {@code error.code}, if the body has one; used to tell a quota problem from a busy service. */
    String code(byte[] body) {
        return error(body).path("code").asText("");
    }

    GenerationException toException(int status, byte[] body, ImagesSettings settings) {
        JsonNode error = error(body);
        String code = error.path("code").asText("");
        String message = error.path("message").asText("");
        if (ACCOUNT_CODES.contains(code)) {
            return new GenerationException(FAILED, "The image service refused this site's account (" + code
                    + "): its quota or billing needs the site operator's attention.");
        }
        if (status == 400 && (CONTENT_CODES.contains(code) || message.toLowerCase().contains("safety system"))) {
            return new GenerationException(CONTENT_REJECTED,
                    "The image service's safety system refused this request. Try rewording the prompt or using "
                            + "another picture.");
        }
        if (status == 400 || status == 422) {
            String detail = userSafe(message, settings);
            return new GenerationException(INVALID_INPUT, detail.isEmpty()
                    ? "The image service could not use this request."
                    : "The image service could not use this request: " + detail);
        }
        if (status == 413) {
            return new GenerationException(INVALID_INPUT, "The picture is too large for the image service.");
        }
        if (status == 401 || status == 403) {
            return new GenerationException(FAILED, "The image service refused this site's credentials (HTTP "
                    + status + "). The site operator has to check the api_key and organization of the "
                    + "openai-images model.");
        }
        if (status == 404) {
            return new GenerationException(FAILED, "The image service does not offer the model \""
                    + settings.model() + "\" at its address (HTTP 404). The site operator has to check the "
                    + "base_url and model of the openai-images model.");
        }
        if (status == 429) {
            return new GenerationException(TEMPORARY, "The image service is busy right now. Please try again "
                    + "in a moment.");
        }
        if (status == 408 || status == 409 || status >= 500) {
            return new GenerationException(TEMPORARY, "The image service had a problem (HTTP " + status
                    + "). Please try again in a moment.");
        }
        return new GenerationException(FAILED, "The image service answered unexpectedly (HTTP " + status + ").");
    }

    /** {@code error} of an OpenAI error body; an empty node for anything else. */
    private JsonNode error(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null) {
                return json.missingNode();
            }
            JsonNode error = root.path("error");
            if (error.isTextual()) {
                return json.createObjectNode().put("message", error.asText());
            }
            return error.isObject() ? error : root;
        } catch (IOException e) {
            return json.missingNode();
        }
    }

    /** The vendor's text without anything that looks like a key, and short enough for a notice. */
    private static String userSafe(String message, ImagesSettings settings) {
        String safe = message.replace(settings.apiKey(), "[hidden]");
        safe = KEY_LIKE.matcher(safe).replaceAll("[hidden]").replaceAll("\\s+", " ").trim();
        return safe.length() > MAX_VENDOR_TEXT ? safe.substring(0, MAX_VENDOR_TEXT) + "…" : safe;
    }
}
