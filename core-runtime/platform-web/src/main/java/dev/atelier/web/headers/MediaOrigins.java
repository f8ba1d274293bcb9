package dev.atelier.web.headers;

import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lets a gallery page show media its storage serves from another origin: a storage plugin may hand out its own links
 * (S3 presigned URLs on the bucket's host), which the strict policy's {@code img-src 'self'} would refuse. The page's
 * policy is widened by exactly the origins of the links on that page, so no configuration has to follow a tenant's
 * storage settings, and other pages stay same-origin only.
 */
public final class MediaOrigins {

    private MediaOrigins() {}

    /** {@code page} with a policy that also allows images and videos from the origins of the links in {@code model}. */
    public static Response allow(Response page, Object model) {
        Set<String> origins = new TreeSet<>();
        collect(model, origins);
        if (!origins.isEmpty()) {
            page.getHeaders().putSingle(ContentSecurityPolicy.HEADER,
                    ContentSecurityPolicy.strict().withMedia(origins).toString());
        }
        return page;
    }

    // Only link fields (url, thumbnailUrl, downloadUrl...): a prompt that happens to be a URL must not widen anything.
    private static void collect(Object value, Set<String> origins) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, v) -> {
                if (v instanceof String text && isLinkField(key)) {
                    String origin = ContentSecurityPolicy.originOf(text);
                    if (origin != null) {
                        origins.add(origin);
                    }
                } else {
                    collect(v, origins);
                }
            });
        } else if (value instanceof Collection<?> items) {
            items.forEach(v -> collect(v, origins));
        }
    }

    private static boolean isLinkField(Object key) {
        return key instanceof String name && (name.equals("url") || name.endsWith("Url"));
    }
}
