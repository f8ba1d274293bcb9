package dev.atelier.core.tenants.internal;

import dev.atelier.core.hash.Sha256;
import dev.atelier.core.files.FileTypes;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.core.tenants.BrandingUpdate;
import dev.atelier.core.tenants.ConfigProblem;
import dev.atelier.core.tenants.HiddenCharacters;
import dev.atelier.core.tenants.InvalidTenantConfigException;
import dev.atelier.core.tenants.LogoUpload;
import dev.atelier.core.tenants.PluginSchemas;
import dev.atelier.core.tenants.PluginSettingsUpdate;
import dev.atelier.core.tenants.PluginUrls;
import dev.atelier.core.tenants.PriceStep;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantAdmin;
import dev.atelier.core.tenants.TenantNotFoundException;
import dev.atelier.core.tenants.TenantScope;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.core.tenants.TenantStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** {@link TenantAdmin} writing through a tenant-scoped EntityManager, one transaction per change. */
public final class StoredTenantAdmin implements TenantAdmin {

    // Path segments of letters, digits, dots, dashes and underscores: exported as files under templates/.
    private static final Pattern TEMPLATE_NAME = Pattern.compile(
            "[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    private final EntityManagerFactory entityManagerFactory;
    private final TenantScope scope;
    private final SnapshotDirectory directory;
    private final PluginUrls pluginUrls;
    private final PluginSettingsEdit pluginSettings;

    /**
     * @param secrets seals the secrets entered in the admin area
     * @param pluginSchemas the schemas plugin settings are checked against, as when a folder is applied
     */
    public StoredTenantAdmin(EntityManagerFactory entityManagerFactory, TenantScope scope,
            SnapshotDirectory directory, PluginUrls pluginUrls, SecretBox secrets, PluginSchemas pluginSchemas) {
        this.entityManagerFactory = entityManagerFactory;
        this.scope = scope;
        this.directory = directory;
        this.pluginUrls = pluginUrls;
        this.pluginSettings = new PluginSettingsEdit(secrets, new PluginSettingsCheck(pluginUrls, pluginSchemas));
    }

    @Override
    public Tenant updateBranding(String slug, BrandingUpdate update, LogoUpload logo, LogoUpload favicon) {
        List<ConfigProblem> problems = check(update, logo);
        checkImage(favicon, "branding.favicon", problems);
        if (!problems.isEmpty()) {
            throw new InvalidTenantConfigException(problems);
        }
        return change(slug, (em, tenantId, doc, secrets) -> {
            doc.put("name", update.displayName().strip());
            ObjectNode branding = doc.with("branding");
            branding.put("theme", update.theme());
            branding.put("tagline", update.tagline() == null ? "" : update.tagline().strip());
            ObjectNode colors = branding.putObject("colors");
            colors.put("primary", update.colors().primary());
            colors.put("on_primary", update.colors().onPrimary());
            colors.put("accent", update.colors().accent());
            colors.put("background", update.colors().background());
            colors.put("surface", update.colors().surface());
            colors.put("text", update.colors().text());
            colors.put("muted", update.colors().muted());
            ObjectNode fonts = branding.putObject("fonts");
            fonts.put("heading", update.fonts().heading());
            fonts.put("body", update.fonts().body());
            if (logo != null) {
                String path = storeImage(em, "assets/logo.", logo);
                branding.put("logo", path);
                if (favicon == null) {
                    branding.put("favicon", path);
                }
            }
            if (favicon != null) {
                branding.put("favicon", storeImage(em, "assets/favicon.", favicon));
            }
        }, em -> logo != null || favicon != null);
    }

    // A file replaced under the same name keeps its asset id, so the caller marks the tenant changed itself.
    private static String storeImage(EntityManager em, String base, LogoUpload image) {
        String path = base + logoExtension(image.contentType());
        byte[] bytes = image.bytes();
        TenantAssetEntity existing = em.find(TenantAssetEntity.class, path);
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        em.persist(new TenantAssetEntity(path, Sha256.hex(bytes), image.contentType(), bytes));
        return path;
    }

    @Override
    public Tenant updateModels(String slug, List<TenantSettings.ModelOffer> offers, TenantSettings.Credits limits) {
        List<ConfigProblem> problems = check(offers, limits);
        for (int i = 0; offers != null && i < offers.size(); i++) {
            if (offers.get(i) != null) {
                pluginUrls.check("models[" + i + "].config", offers.get(i).config(),
                        (at, problem) -> problems.add(new ConfigProblem(null, at, problem)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTenantConfigException(problems);
        }
        return change(slug, (em, tenantId, doc, secrets) -> {
            // The stored entries, not the Tenant's settings: their config holds ${NAME} references, never clear values.
            Map<String, ObjectNode> stored = new LinkedHashMap<>();
            doc.path("models").forEach(m -> {
                if (m instanceof ObjectNode entry && !stored.containsKey(entry.path("id").asText())) {
                    stored.put(entry.path("id").asText(), entry);
                }
            });
            ArrayNode models = Documents.JSON.createArrayNode();
            Set<String> offered = new HashSet<>();
            for (TenantSettings.ModelOffer offer : offers) {
                String id = offer.modelId().strip();
                offered.add(id);
                ObjectNode entry = models.addObject();
                entry.put("id", id);
                if (offer.credits() != null) {
                    entry.put("credits", offer.credits().intValue());
                }
                if (!offer.steps().isEmpty()) {
                    ArrayNode steps = entry.putArray("steps");
                    offer.steps().forEach(step -> steps.addObject().put("up_to", step.upTo())
                            .put("credits", step.credits()));
                }
                ObjectNode before = stored.get(id);
                if (before != null && before.get("config") instanceof ObjectNode config && !config.isEmpty()) {
                    entry.set("config", config.deepCopy());
                } else if (before == null && !offer.config().isEmpty()) {
                    ObjectNode config = entry.putObject("config");
                    new TreeMap<>(offer.config()).forEach(config::put);
                }
            }
            stored.forEach((id, entry) -> {
                if (!offered.contains(id) && entry.get("config") instanceof ObjectNode config && !config.isEmpty()) {
                    ObjectNode kept = entry.deepCopy();
                    kept.put("enabled", false);
                    models.add(kept);
                }
            });
            doc.set("models", models);
            ObjectNode credits = doc.with("credits");
            credits.put("max_concurrent_jobs_per_user", limits.maxConcurrentJobsPerUser());
            credits.put("max_concurrent_jobs_per_tenant", limits.maxConcurrentJobsPerTenant());
        });
    }

    @Override
    public Tenant setStatus(String slug, TenantStatus status) {
        return change(slug, (em, tenantId, doc, secrets) -> doc.put("status", status.name().toLowerCase(Locale.ROOT)));
    }

    @Override
    public Tenant updatePluginSettings(String slug, PluginSettingsUpdate update) {
        return change(slug, (em, tenantId, doc, secrets) -> pluginSettings.apply(tenantId, slug, doc, secrets,
                update));
    }

    @Override
    public Tenant updatePlans(String slug, UnaryOperator<List<TenantSettings.Plan>> edit) {
        return change(slug, (em, tenantId, doc, secrets) -> {
            ArrayNode list = PlanDocument.of(edit.apply(TenantMapping.plans(doc)));
            List<ConfigProblem> problems = PlanDocument.problems(list);
            if (!problems.isEmpty()) {
                throw new InvalidTenantConfigException(problems);
            }
            doc.set("plans", list);
        });
    }

    @Override
    public Tenant updateTemplate(String slug, String name, String source) {
        String at = "templates/" + name;
        if (name == null || name.length() > MAX_TEMPLATE_NAME || !TEMPLATE_NAME.matcher(name).matches()
                || name.contains("..")) {
            throw new InvalidTenantConfigException(List.of(new ConfigProblem(null, at,
                    "must be a relative name such as legal/terms.ftl")));
        }
        if (source == null || source.length() > MAX_TEMPLATE_CHARS) {
            throw new InvalidTenantConfigException(List.of(new ConfigProblem(null, at,
                    "must be at most " + MAX_TEMPLATE_CHARS + " characters")));
        }
        return change(slug, (em, tenantId, doc, secrets) -> { }, em -> {
            TenantTemplateEntity stored = em.find(TenantTemplateEntity.class, name);
            if (stored == null) {
                em.persist(new TenantTemplateEntity(name, source));
                return true;
            }
            if (stored.source().equals(source)) {
                return false;
            }
            stored.replace(source);
            return true;
        });
    }

    /** Changes the stored document and, where it must, the sealed secrets (name to sealed value) in place. */
    private interface DocumentChange {
        void apply(EntityManager em, String tenantId, ObjectNode doc, Map<String, String> secrets);
    }

    /** Changes the tenant's rows beside its document (its templates); answers whether it changed any. */
    private interface RowsChange {
        boolean apply(EntityManager em);
    }

    private Tenant change(String slug, DocumentChange change) {
        return change(slug, change, em -> false);
    }

    private Tenant change(String slug, DocumentChange change, RowsChange rows) {
        String id = tenantId(slug);
        scope.run(id, em -> {
            TenantEntity row = em.find(TenantEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            ObjectNode doc = Documents.fromJson(row.document());
            Map<String, String> secrets = TenantMapping.sealed(row.secrets());
            change.apply(em, id, doc, secrets);
            boolean rowsChanged = rows.apply(em);
            em.flush();
            ObjectNode sealed = Documents.JSON.createObjectNode();
            secrets.forEach(sealed::put);
            StoredDocument stored = new StoredDocument(doc.get("name").asText(), TenantMapping.status(doc),
                    Documents.toJson(doc), Documents.toJson(sealed), assetId(em, doc, "logo"),
                    assetId(em, doc, "favicon"));
            StoredDocument before = row.stored();
            boolean same = before.displayName().equals(stored.displayName()) && before.status().equals(stored.status())
                    && Documents.fromJson(before.document()).equals(doc)
                    && TenantMapping.sealed(before.secrets()).equals(secrets)
                    && java.util.Objects.equals(before.logoAssetId(), stored.logoAssetId())
                    && java.util.Objects.equals(before.faviconAssetId(), stored.faviconAssetId());
            if (!same || rowsChanged) {
                row.update(stored, Instant.now().truncatedTo(ChronoUnit.MICROS));
            }
        });
        directory.changed(id);
        return directory.bySlug(slug).orElseThrow(() -> new TenantNotFoundException(slug));
    }

    private static String assetId(EntityManager em, ObjectNode doc, String key) {
        var ref = doc.path("branding").get(key);
        if (ref == null || !ref.isTextual()) {
            return null;
        }
        TenantAssetEntity asset = em.find(TenantAssetEntity.class, ref.asText());
        return asset == null ? null : asset.id();
    }

    private String tenantId(String slug) {
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            return em.createQuery("SELECT t.id FROM TenantEntity t WHERE t.slug = :slug", String.class)
                    .setParameter("slug", slug).getResultStream().findFirst()
                    .orElseThrow(() -> new TenantNotFoundException(slug));
        } finally {
            em.close();
        }
    }

    private static void checkSteps(List<PriceStep> steps, String at, List<ConfigProblem> problems) {
        for (int i = 0; i < steps.size(); i++) {
            String step = at + ".steps[" + i + "]";
            if (steps.get(i).credits() > MAX_MODEL_CREDITS) {
                problems.add(new ConfigProblem(null, step + ".credits",
                        "must be a whole number from 0 to " + MAX_MODEL_CREDITS));
            }
            PriceStep.problemAt(steps, i).ifPresent(problem -> problems.add(new ConfigProblem(null, step + ".up_to",
                    problem)));
        }
    }

    private static List<ConfigProblem> check(List<TenantSettings.ModelOffer> offers, TenantSettings.Credits limits) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (offers == null) {
            problems.add(new ConfigProblem(null, "models", "is required"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < offers.size(); i++) {
                TenantSettings.ModelOffer offer = offers.get(i);
                String at = "models[" + i + "]";
                if (offer == null || offer.modelId() == null || offer.modelId().isBlank()) {
                    problems.add(new ConfigProblem(null, at + ".id", "is required"));
                } else if (!seen.add(offer.modelId().strip())) {
                    problems.add(new ConfigProblem(null, at + ".id", "names a model offered already"));
                } else {
                    HiddenCharacters.problem(offer.modelId())
                            .ifPresent(problem -> problems.add(new ConfigProblem(null, at + ".id", problem)));
                }
                if (offer != null && offer.credits() != null
                        && (offer.credits() < 0 || offer.credits() > MAX_MODEL_CREDITS)) {
                    problems.add(new ConfigProblem(null, at + ".credits",
                            "must be a whole number from 0 to " + MAX_MODEL_CREDITS));
                }
                if (offer != null) {
                    checkSteps(offer.steps(), at, problems);
                }
            }
        }
        if (limits == null) {
            problems.add(new ConfigProblem(null, "credits", "is required"));
        } else {
            if (limits.maxConcurrentJobsPerUser() < 1 || limits.maxConcurrentJobsPerUser() > MAX_CONCURRENT_JOBS) {
                problems.add(new ConfigProblem(null, "credits.max_concurrent_jobs_per_user",
                        "must be a whole number from 1 to " + MAX_CONCURRENT_JOBS));
            }
            if (limits.maxConcurrentJobsPerTenant() < 1 || limits.maxConcurrentJobsPerTenant() > MAX_CONCURRENT_JOBS) {
                problems.add(new ConfigProblem(null, "credits.max_concurrent_jobs_per_tenant",
                        "must be a whole number from 1 to " + MAX_CONCURRENT_JOBS));
            }
        }
        return problems;
    }

    private static List<ConfigProblem> check(BrandingUpdate update, LogoUpload logo) {
        List<ConfigProblem> problems = new ArrayList<>();
        Consumer<String[]> add = pm -> problems.add(new ConfigProblem(null, pm[0], pm[1]));
        if (update.displayName() == null || update.displayName().isBlank()) {
            add.accept(new String[] {"name", "is required"});
        }
        String[][] texts = {{"name", update.displayName()}, {"branding.tagline", update.tagline()},
                {"branding.fonts.heading", update.fonts() == null ? null : update.fonts().heading()},
                {"branding.fonts.body", update.fonts() == null ? null : update.fonts().body()}};
        for (String[] text : texts) {
            HiddenCharacters.problem(text[1]).ifPresent(problem -> add.accept(new String[] {text[0], problem}));
        }
        if (update.theme() == null || !TenantSchema.THEME.matcher(update.theme()).matches()) {
            add.accept(new String[] {"branding.theme", "must be a theme folder name such as default"});
        }
        var c = update.colors();
        String[][] colours = {{"primary", c == null ? null : c.primary()}, {"on_primary", c == null ? null
                : c.onPrimary()}, {"accent", c == null ? null : c.accent()}, {"background", c == null ? null
                : c.background()}, {"surface", c == null ? null : c.surface()}, {"text", c == null ? null : c.text()},
                {"muted", c == null ? null : c.muted()}};
        for (String[] colour : colours) {
            if (colour[1] == null || !TenantSchema.COLOUR.matcher(colour[1]).matches()) {
                add.accept(new String[] {"branding.colors." + colour[0], "must be a colour written #rrggbb"});
            }
        }
        if (update.fonts() == null || update.fonts().heading() == null || update.fonts().heading().isBlank()) {
            add.accept(new String[] {"branding.fonts.heading", "is required"});
        }
        if (update.fonts() == null || update.fonts().body() == null || update.fonts().body().isBlank()) {
            add.accept(new String[] {"branding.fonts.body", "is required"});
        }
        checkImage(logo, "branding.logo", problems);
        return problems;
    }

    private static void checkImage(LogoUpload image, String at, List<ConfigProblem> problems) {
        if (image == null) {
            return;
        }
        String problem = logoExtension(image.contentType()) == null ? "must be an SVG or PNG image"
                : image.bytes().length > LogoUpload.MAX_BYTES ? "must be at most 1 MB"
                : image.bytes().length == 0 ? "is empty" : null;
        if (problem != null) {
            problems.add(new ConfigProblem(null, at, problem));
        }
    }

    /** Logos are SVG or PNG; {@code null} for any other type. */
    private static String logoExtension(String contentType) {
        return FileTypes.SVG.equals(contentType) ? "svg" : FileTypes.PNG.equals(contentType) ? "png" : null;
    }
}
