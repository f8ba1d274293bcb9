package dev.atelier.legal.documents;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a template reads about the tenant and the document (see docs/writing-a-legal-template.md for every key). The
 * effective date is kept apart: it is not part of what a document discloses, so the digest leaves it out.
 */
final class DocumentFacts {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

    private DocumentFacts() {}

    /** {@code document}, {@code tenant}, {@code sections} and {@code processors}, without the effective date. */
    static Map<String, Object> disclosed(Tenant tenant, String document, List<DisclosedProcessor> processors) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("document", document);
        data.put("tenant", tenantFacts(tenant));
        Map<String, Object> sections = new LinkedHashMap<>();
        legal(tenant).sections().forEach(section -> sections.put(section, true));
        data.put("sections", sections);
        data.put("processors", processors.stream().map(DisclosedProcessor::toData).toList());
        return data;
    }

    /** {@code disclosed} with {@code tenant.effective_date} (ISO) and {@code tenant.effective_date_text} added. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withEffectiveDate(Map<String, Object> disclosed, LocalDate effectiveDate) {
        if (effectiveDate == null) {
            return disclosed;
        }
        Map<String, Object> data = new LinkedHashMap<>(disclosed);
        Map<String, Object> tenant = new LinkedHashMap<>((Map<String, Object>) disclosed.get("tenant"));
        tenant.put("effective_date", effectiveDate.toString());
        tenant.put("effective_date_text", LONG_DATE.format(effectiveDate));
        data.put("tenant", tenant);
        return data;
    }

    /** The date the tenant's configuration gives its documents, or {@code null}. */
    static LocalDate configuredEffectiveDate(Tenant tenant) {
        return legal(tenant).effectiveDate();
    }

    private static Map<String, Object> tenantFacts(Tenant tenant) {
        TenantSettings.LegalFacts legal = legal(tenant);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", tenant.displayName());
        facts.put("slug", tenant.slug());
        putIfSet(facts, "product", legal.product());
        putIfSet(facts, "support_email", tenant.supportEmail());
        putIfSet(facts, "company", legal.companyName() != null ? legal.companyName() : tenant.displayName());
        putIfSet(facts, "contact_email", legal.contactEmail() != null ? legal.contactEmail() : tenant.supportEmail());
        putIfSet(facts, "address", legal.address());
        putIfSet(facts, "jurisdiction", legal.jurisdiction());
        if (tenant.canonicalHost() != null) {
            facts.put("host", tenant.canonicalHost());
        }
        return facts;
    }

    private static TenantSettings.LegalFacts legal(Tenant tenant) {
        TenantSettings settings = tenant.settings();
        return settings != null && settings.legal() != null ? settings.legal()
                : new TenantSettings.LegalFacts(null, null, null, null, null, null, List.of());
    }

    private static void putIfSet(Map<String, Object> facts, String key, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(key, value);
        }
    }
}
