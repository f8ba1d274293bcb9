package dev.atelier.spi.botprotection;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a page embeds to show a challenge. The host renders, inside the form:
 *
 * <pre>{@code
 * <script src="SCRIPT_URL" async defer></script>
 * <div class="ELEMENT_CLASS" data-sitekey="SITE_KEY" data-action="signup" data-...="..."></div>
 * }</pre>
 *
 * <p>and reads the token back from the form field {@code fieldName} (or, in the JSON API, from the body's
 * {@code bot_token}). Every origin of {@code origins} is added to the page's {@code script-src}, {@code frame-src} and
 * {@code connect-src}, only on the pages of tenants that bind the plugin.
 *
 * @param scriptUrl the vendor's script, an absolute {@code https} URL (or {@code http} for a local stand-in)
 * @param siteKey the tenant's public site key; shown in the page, never a secret
 * @param fieldName the form field the widget writes its token into, for example {@code cf-turnstile-response}
 * @param elementClass the CSS class of the element the script turns into the widget, for example {@code cf-turnstile}
 * @param dataAttributes further {@code data-} attributes of that element, without the {@code data-} prefix (for example
 *     {@code theme=auto}); the host writes {@code data-sitekey} and {@code data-action} itself
 * @param origins the origins ({@code scheme://host[:port]}, no path) the script loads from, frames and calls
 */
public record ChallengeWidget(URI scriptUrl, String siteKey, String fieldName, String elementClass,
        Map<String, String> dataAttributes, List<URI> origins) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    public ChallengeWidget {
        Objects.requireNonNull(scriptUrl, "scriptUrl");
        if (!scriptUrl.isAbsolute() || scriptUrl.getHost() == null) {
            throw new IllegalArgumentException("scriptUrl must be an absolute URL with a host, was " + scriptUrl);
        }
        requireText(siteKey, "siteKey");
        requireName(fieldName, "fieldName");
        requireName(elementClass, "elementClass");
        dataAttributes.keySet().forEach(key -> requireName(key, "data attribute"));
        dataAttributes = Map.copyOf(dataAttributes);
        origins = List.copyOf(origins);
        for (URI origin : origins) {
            if (origin.getHost() == null || !(origin.getPath() == null || origin.getPath().isEmpty())
                    || origin.getQuery() != null) {
                throw new IllegalArgumentException("an origin is scheme://host[:port] without a path, was " + origin);
            }
        }
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requireName(String value, String name) {
        if (!NAME.matcher(Objects.requireNonNull(value, name)).matches()) {
            throw new IllegalArgumentException(name + " must be a letter followed by letters, digits, - or _, was "
                    + value);
        }
    }
}
