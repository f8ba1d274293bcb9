package dev.atelier.web.bots;

import dev.atelier.spi.botprotection.ChallengeWidget;
import dev.atelier.web.headers.ContentSecurityPolicy;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bot challenge one page shows: the plugin's widget for one action ({@code signup}, {@code signin},
 * {@code checkout}).
 *
 * @param widget what the tenant's plugin asks the page to embed
 * @param action the action the widget is declared for, checked again when the token is verified
 */
public record Challenge(ChallengeWidget widget, String action) {

    /**
     * What templates read as {@code challenge}: {@code scriptUrl}, {@code siteKey}, {@code fieldName},
     * {@code elementClass}, {@code action} and {@code attributes} (further {@code data-} attributes, name to value).
     */
    public Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("scriptUrl", widget.scriptUrl().toString());
        model.put("siteKey", widget.siteKey());
        model.put("fieldName", widget.fieldName());
        model.put("elementClass", widget.elementClass());
        model.put("action", action);
        model.put("attributes", new TreeMap<>(widget.dataAttributes()));
        return model;
    }

    /** {@code page} with a policy that also lets the widget's origins load scripts, frames and calls. */
    public Response allowIn(Response page) {
        List<String> origins = widget.origins().stream().map(URI::toString).toList();
        page.getHeaders().putSingle(ContentSecurityPolicy.HEADER,
                ContentSecurityPolicy.strict().withChallenge(origins).toString());
        return page;
    }
}
