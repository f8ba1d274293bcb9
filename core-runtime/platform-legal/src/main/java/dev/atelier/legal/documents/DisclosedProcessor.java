package dev.atelier.legal.documents;

import dev.atelier.spi.plugin.DataCategory;
import dev.atelier.spi.plugin.DataProcessorDisclosure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One processor a tenant's documents disclose, with the role it plays for the tenant.
 *
 * @param role what it does for the tenant, the key templates group processors by: a plugin's section in tenant.yaml
 *     ({@code payment}, {@code storage}, {@code bot_protection}, {@code models}), {@code sign_in} for sign-in
 *     providers, or a platform service's role ({@code authentication}, {@code hosting}, {@code database},
 *     {@code rate_limiting}, {@code email})
 * @param disclosure who processes what, where and why
 */
public record DisclosedProcessor(String role, DataProcessorDisclosure disclosure) {

    public DisclosedProcessor {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(disclosure, "disclosure");
    }

    /** As templates read it: {@code role, name, processor, purpose, location, categories, privacy_policy}. */
    Map<String, Object> toData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("role", role);
        data.put("name", disclosure.displayName());
        data.put("processor", disclosure.processor());
        data.put("purpose", disclosure.purpose());
        data.put("location", disclosure.location());
        data.put("categories", disclosure.categories().stream().map(DataCategory::label).toList());
        if (disclosure.privacyPolicy() != null) {
            data.put("privacy_policy", disclosure.privacyPolicy().toString());
        }
        return data;
    }
}
