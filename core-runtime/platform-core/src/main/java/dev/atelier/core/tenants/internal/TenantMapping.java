package dev.atelier.core.tenants.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.atelier.core.ratelimit.RateLimits;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.core.tenants.Branding;
import dev.atelier.core.tenants.PriceStep;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.core.tenants.TenantStatus;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

/** Turns a stored tenant row into the {@link Tenant} record, decrypting its secrets. */
final class TenantMapping {

    static final Branding.Colors DEFAULT_COLORS = new Branding.Colors("#4f46e5", "#ffffff", "#0ea5e9", "#ffffff",
            "#f8fafc", "#0f172a", "#64748b");
    static final String DEFAULT_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

    private TenantMapping() {}

    /** The sealed secrets column as a map: environment variable name → sealed value. */
    static Map<String, String> sealed(String secretsColumn) {
        Map<String, String> sealed = new TreeMap<>();
        Documents.fromJson(secretsColumn).fields().forEachRemaining(f -> sealed.put(f.getKey(), f.getValue().asText()));
        return sealed;
    }

    static String secretContext(String tenantId, String name) {
        return tenantId + "/" + name;
    }

    /** The clear secrets of a row, by name. */
    static Map<String, String> openSecrets(TenantEntity row, SecretBox box) {
        Map<String, String> clear = new TreeMap<>();
        sealed(row.secrets()).forEach((name, value) -> clear.put(name, box.open(value,
                secretContext(row.id(), name))));
        return clear;
    }

    static Tenant toTenant(TenantEntity row, List<String> hosts, SecretBox box) {
        Map<String, String> secrets = openSecrets(row, box);
        JsonNode doc = resolve(Documents.fromJson(row.document()), secrets);
        return new Tenant(row.id(), row.slug(), row.displayName(),
                TenantStatus.valueOf(row.status()), text(doc, "support_email", null), canonicalFirst(doc, hosts),
                branding(doc, row.logoAssetId(), row.faviconAssetId()), settings(doc), row.updatedAt());
    }

    /**
     * A tenant as a folder's merged document describes it, before it is stored: no id of its own, no stored assets,
     * secrets still written {@code ${NAME}}.
     */
    static Tenant fromDocument(String slug, JsonNode doc, List<String> hosts) {
        return new Tenant("folder:" + slug, slug, text(doc, "name", slug),
                TenantStatus.valueOf(text(doc, "status", "active").toUpperCase(Locale.ROOT)),
                text(doc, "support_email", null), canonicalFirst(doc, hosts), branding(doc, null, null),
                settings(doc), null);
    }

    private static Branding branding(JsonNode doc, String logoAssetId, String faviconAssetId) {
        JsonNode branding = doc.path("branding");
        JsonNode colors = branding.path("colors");
        JsonNode fonts = branding.path("fonts");
        Branding.Colors c = DEFAULT_COLORS;
        return new Branding(
                text(branding, "theme", "default"),
                text(branding, "tagline", ""),
                new Branding.Colors(text(colors, "primary", c.primary()), text(colors, "on_primary", c.onPrimary()),
                        text(colors, "accent", c.accent()), text(colors, "background", c.background()),
                        text(colors, "surface", c.surface()), text(colors, "text", c.text()),
                        text(colors, "muted", c.muted())),
                new Branding.Fonts(text(fonts, "heading", DEFAULT_FONT), text(fonts, "body", DEFAULT_FONT)),
                logoAssetId, faviconAssetId);
    }

    /**
     * {@code hosts} with the canonical one first: {@code canonical_host}, else the first of {@code hosts} in the
     * document, else the only host there is ({@code <slug>.<base domain>}).
     */
    private static List<String> canonicalFirst(JsonNode doc, List<String> hosts) {
        List<String> candidates = new ArrayList<>();
        if (doc.path("canonical_host").isTextual()) {
            candidates.add(doc.get("canonical_host").asText());
        }
        doc.path("hosts").forEach(host -> candidates.add(host.asText()));
        List<String> ordered = new ArrayList<>(hosts);
        candidates.stream().map(host -> host.toLowerCase(Locale.ROOT)).filter(hosts::contains).findFirst()
                .ifPresent(canonical -> {
                    ordered.remove(canonical);
                    ordered.add(0, canonical);
                });
        return ordered;
    }

    private static TenantSettings settings(JsonNode doc) {
        List<TenantSettings.ModelOffer> models = new ArrayList<>();
        for (JsonNode m : doc.path("models")) {
            // A model switched off in the admin area stays in the document for its settings but is not offered.
            if (m.path("enabled").asBoolean(true)) {
                models.add(new TenantSettings.ModelOffer(m.path("id").asText(),
                        m.hasNonNull("credits") ? m.get("credits").asInt() : null, strings(m.path("config")),
                        steps(m.path("steps"))));
            }
        }
        List<TenantSettings.Plan> plans = plans(doc);
        JsonNode google = doc.path("sign_in").path("google");
        TenantSettings.SignIn signIn = google.isObject()
                ? new TenantSettings.SignIn(true, strings(google))
                : new TenantSettings.SignIn(false, Map.of());
        JsonNode legal = doc.path("legal");
        TenantSettings.LegalFacts facts = legal.isObject()
                ? new TenantSettings.LegalFacts(text(legal, "company_name", null), text(legal, "address", null),
                        text(legal, "contact_email", null), text(legal, "jurisdiction", null),
                        text(legal, "product", null), date(text(legal, "effective_date", null)),
                        texts(legal.path("sections")))
                : null;
        List<String> admins = new ArrayList<>();
        doc.path("admins").forEach(a -> {
            // The form accounts store emails in (EmailAddress), so a grant here matches an account's email exactly.
            String email = Normalizer.normalize(a.asText().strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            if (!admins.contains(email)) {
                admins.add(email);
            }
        });
        return new TenantSettings(models, plans, plugins(doc), signIn, facts, admins, credits(doc.path("credits")),
                rateLimits(doc.path("rate_limits")), strings(doc.path("messages")));
    }

    /** The tenant's own limits by bucket kind; the schema has checked every kind and limit already. */
    private static Map<String, RateLimits.Limit> rateLimits(JsonNode limits) {
        Map<String, RateLimits.Limit> byKind = new java.util.LinkedHashMap<>();
        limits.fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual()) {
                byKind.put(entry.getKey(), RateLimits.Limit.parse(entry.getValue().asText()));
            }
        });
        return byKind;
    }

    /** The document's {@code plans}, archived ones included, in their order. */
    static List<TenantSettings.Plan> plans(JsonNode doc) {
        List<TenantSettings.Plan> plans = new ArrayList<>();
        doc.path("plans").forEach(p -> {
            List<String> features = new ArrayList<>();
            p.path("features").forEach(f -> features.add(f.asText()));
            plans.add(new TenantSettings.Plan(p.path("id").asText(), p.path("name").asText(),
                    p.path("price").path("amount").asLong(), p.path("price").path("currency").asText(),
                    text(p, "interval", null), p.path("credits").asInt(), features,
                    p.path("highlighted").asBoolean(false), p.path("archived").asBoolean(false),
                    rollover(p.path("rollover")), p.hasNonNull("valid_days") ? p.get("valid_days").asInt() : null,
                    strings(p.path("prices")), p.path("priority").asInt(TenantSettings.Plan.NO_PRIORITY)));
        });
        return plans;
    }

    /** {@code rollover}: absent or {@code none} carries nothing, {@code all} everything, a number at most that. */
    static long rollover(JsonNode rollover) {
        if (rollover.isIntegralNumber()) {
            return rollover.asLong();
        }
        return "all".equals(rollover.asText()) ? TenantSettings.Plan.ROLLOVER_ALL : TenantSettings.Plan.NO_ROLLOVER;
    }

    private static List<PriceStep> steps(JsonNode steps) {
        List<PriceStep> list = new ArrayList<>();
        steps.forEach(step -> list.add(new PriceStep(step.path("up_to").asText(), step.path("credits").asInt())));
        return list;
    }

    private static TenantSettings.Credits credits(JsonNode credits) {
        TenantSettings.Credits d = TenantSettings.Credits.DEFAULTS;
        if (!credits.isObject()) {
            return d;
        }
        return new TenantSettings.Credits(
                credits.hasNonNull("signup_bonus") ? credits.get("signup_bonus").asLong() : d.signupBonus(),
                credits.hasNonNull("signup_bonus_expires_days")
                        ? Integer.valueOf(credits.get("signup_bonus_expires_days").asInt())
                        : d.signupBonusExpiresDays(),
                credits.hasNonNull("max_concurrent_jobs_per_user")
                        ? credits.get("max_concurrent_jobs_per_user").asInt() : d.maxConcurrentJobsPerUser(),
                credits.hasNonNull("max_concurrent_jobs_per_tenant")
                        ? credits.get("max_concurrent_jobs_per_tenant").asInt() : d.maxConcurrentJobsPerTenant(),
                credits.hasNonNull("low_balance_threshold")
                        ? credits.get("low_balance_threshold").asLong() : d.lowBalanceThreshold());
    }

    /** Every top-level section naming a plugin ({@code storage: {plugin: s3}}) binds that plugin for its kind. */
    private static Map<String, TenantSettings.PluginChoice> plugins(JsonNode doc) {
        Map<String, TenantSettings.PluginChoice> plugins = new LinkedHashMap<>();
        doc.fields().forEachRemaining(field -> {
            JsonNode node = field.getValue();
            if (node.isObject() && node.hasNonNull("plugin")) {
                plugins.put(field.getKey(), new TenantSettings.PluginChoice(node.get("plugin").asText(),
                        strings(node.path("config"))));
            }
        });
        return plugins;
    }

    private static Map<String, String> strings(JsonNode map) {
        Map<String, String> values = new LinkedHashMap<>();
        map.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                values.put(f.getKey(), f.getValue().asText());
            }
        });
        return values;
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static String text(JsonNode node, String key, String fallback) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    /** A copy of {@code doc} with every {@code ${NAME}} text replaced by the secret's clear value. */
    static JsonNode resolve(JsonNode doc, Map<String, String> secrets) {
        if (doc.isTextual()) {
            Matcher m = TenantSchema.SECRET.matcher(doc.asText());
            return m.matches() && secrets.containsKey(m.group(1)) ? TextNode.valueOf(secrets.get(m.group(1))) : doc;
        }
        if (doc.isArray()) {
            var copy = Documents.JSON.createArrayNode();
            doc.forEach(item -> copy.add(resolve(item, secrets)));
            return copy;
        }
        if (doc.isObject()) {
            ObjectNode copy = Documents.JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                copy.set(f.getKey(), resolve(f.getValue(), secrets));
            }
            return copy;
        }
        return doc;
    }

    static String status(JsonNode doc) {
        JsonNode status = doc.get("status");
        return status == null || status.isNull() ? "ACTIVE" : status.asText().toUpperCase(Locale.ROOT);
    }
}
