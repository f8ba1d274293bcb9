package dev.atelier.web.site;

import dev.atelier.core.tenants.Branding;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.web.site.assets.Sha256;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Tenants, their assets and template overrides in memory: the platform-core side as the web side sees it. */
final class InMemoryTenants implements TenantDirectory, TenantSiteData, BrandingStore {

    private final Map<String, Tenant> byId = new ConcurrentHashMap<>();
    private final Map<String, Map<String, TenantAsset>> assets = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> templates = new ConcurrentHashMap<>();
    private volatile Consumer<Tenant> onNewTenant = tenant -> {};

    /** Called with each tenant {@link #put} adds for the first time (the harness gives it a database row). */
    void onNewTenant(Consumer<Tenant> listener) {
        onNewTenant = listener;
    }

    void put(Tenant tenant) {
        if (byId.put(tenant.id(), tenant) == null) {
            onNewTenant.accept(tenant);
        }
    }

    Tenant get(String id) {
        return byId.get(id);
    }

    /** Stores an asset and returns its id. */
    String addAsset(String tenantId, String contentType, byte[] bytes) {
        String id = "ast_" + Sha256.hex(bytes).substring(0, 12);
        assets.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>())
                .put(id, new TenantAsset(contentType, bytes, Sha256.hex(bytes)));
        return id;
    }

    void addTemplate(String tenantId, String name, String source) {
        templates.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>()).put(name, source);
    }

    @Override
    public Optional<Tenant> byHost(String host) {
        String h = Hosts.normalize(host);
        return byId.values().stream().filter(t -> t.hosts().contains(h)).findFirst();
    }

    @Override
    public Optional<Tenant> bySlug(String slug) {
        return byId.values().stream().filter(t -> t.slug().equals(slug)).findFirst();
    }

    @Override
    public List<Tenant> all() {
        return byId.values().stream().sorted(Comparator.comparing(Tenant::slug)).toList();
    }

    @Override
    public Optional<TenantAsset> asset(String tenantId, String assetId) {
        return Optional.ofNullable(assets.getOrDefault(tenantId, Map.of()).get(assetId));
    }

    @Override
    public Optional<String> template(String tenantId, String name) {
        return Optional.ofNullable(templates.getOrDefault(tenantId, Map.of()).get(name));
    }

    @Override
    public boolean hasTemplates(String tenantId) {
        return !templates.getOrDefault(tenantId, new HashMap<>()).isEmpty();
    }

    @Override
    public synchronized void save(String tenantId, BrandingUpdate update) {
        Tenant old = byId.get(tenantId);
        if (old == null) {
            throw new IllegalArgumentException("No tenant " + tenantId);
        }
        String logo = update.logo() == null ? old.branding().logoAssetId()
                : addAsset(tenantId, update.logo().contentType(), update.logo().bytes());
        Branding branding = new Branding(update.theme(), update.tagline(), update.colors(), update.fonts(), logo,
                old.branding().faviconAssetId());
        Instant updated = Instant.now().isAfter(old.updatedAt()) ? Instant.now() : old.updatedAt().plusMillis(1);
        byId.put(tenantId, new Tenant(old.id(), old.slug(), update.name(), old.status(), old.supportEmail(),
                old.hosts(), branding, old.settings(), updated));
    }
}
