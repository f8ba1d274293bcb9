package dev.atelier.web.assets;

import dev.atelier.core.files.FileTypes;
import dev.atelier.core.tenants.Branding;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.tenant.TenantAsset;
import dev.atelier.web.tenant.TenantSiteData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tenant's brand files (logo, favicon) at content-hashed URLs {@code /brand/<sha256>.<ext>}. Only the files the
 * tenant's branding names are served, and only on that tenant's hosts.
 */
public final class BrandAssets {

    private record Snapshot(long version, TenantAsset logo, TenantAsset favicon) {
        List<TenantAsset> all() {
            List<TenantAsset> all = new ArrayList<>(2);
            if (logo != null) {
                all.add(logo);
            }
            if (favicon != null) {
                all.add(favicon);
            }
            return all;
        }
    }

    private final TenantSiteData data;
    private final Map<String, Snapshot> byTenant = new ConcurrentHashMap<>();

    public BrandAssets(TenantSiteData data) {
        this.data = data;
    }

    public Optional<String> logoUrl(Tenant tenant) {
        return Optional.ofNullable(snapshot(tenant).logo()).map(BrandAssets::url);
    }

    /** Whether the tenant's logo is a wordmark that shows the name itself; false without a logo. */
    public boolean logoIsWordmark(Tenant tenant) {
        TenantAsset logo = snapshot(tenant).logo();
        return logo != null && LogoShape.isWordmark(logo.contentType(), logo.bytes());
    }

    public Optional<String> faviconUrl(Tenant tenant) {
        return Optional.ofNullable(snapshot(tenant).favicon()).map(BrandAssets::url);
    }

    /** The tenant's brand file named {@code fileName} ({@code <sha256>.<ext>}). */
    public Optional<TenantAsset> find(Tenant tenant, String fileName) {
        return snapshot(tenant).all().stream().filter(a -> fileName(a).equals(fileName)).findFirst();
    }

    public static String url(TenantAsset asset) {
        return "/brand/" + fileName(asset);
    }

    private static String fileName(TenantAsset asset) {
        return asset.sha256() + "." + FileTypes.extensionOf(asset.contentType());
    }

    private Snapshot snapshot(Tenant tenant) {
        long version = tenant.updatedAt() == null ? 0 : tenant.updatedAt().toEpochMilli();
        Snapshot known = byTenant.get(tenant.id());
        if (known != null && known.version() == version) {
            return known;
        }
        Branding branding = tenant.branding();
        Snapshot fresh = new Snapshot(version,
                branding == null ? null : load(tenant.id(), branding.logoAssetId()),
                branding == null ? null : load(tenant.id(), branding.faviconAssetId()));
        byTenant.put(tenant.id(), fresh);
        return fresh;
    }

    private TenantAsset load(String tenantId, String assetId) {
        return assetId == null ? null : data.asset(tenantId, assetId).orElse(null);
    }
}
