package dev.atelier.web.operator.tenants;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant as the console's form (or the API's JSON) describes it: the few keys a new site needs. It becomes a
 * {@code tenant.json} in a folder named after the slug, applied like any tenant folder, so everything else (plans,
 * models, plugins) is edited later in the tenant's admin area or by exporting and applying its folder.
 *
 * @param slug the tenant's short name ({@code acme}); also its folder's name and {@code <slug>.<base domain>}
 * @param name the brand's name as people see it
 * @param supportEmail where users write for help, the sender of its mail
 * @param host an extra host name that selects it ({@code acme.example}), or blank for only {@code <slug>.<base domain>}
 * @param theme a theme folder name; blank for {@code default}
 */
public record NewTenant(String slug, String name, String supportEmail, String host, String theme) {

    /** The tenant document, in the keys of {@code tenant.yaml}; blank optional fields are left out. */
    Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("slug", text(slug));
        doc.put("name", text(name));
        doc.put("status", "active");
        doc.put("support_email", text(supportEmail));
        if (!text(host).isEmpty()) {
            doc.put("hosts", List.of(text(host).toLowerCase(java.util.Locale.ROOT)));
        }
        doc.put("branding", Map.of("theme", text(theme).isEmpty() ? "default" : text(theme)));
        return doc;
    }

    /** The slug as typed, stripped; never null. */
    String cleanSlug() {
        return text(slug);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
