package dev.atelier.core.tenants.internal;

import dev.atelier.core.tenants.TenantAsset;
import dev.atelier.core.tenants.TenantAssets;
import dev.atelier.core.tenants.TenantScope;
import java.util.List;
import java.util.Optional;

/** {@link TenantAssets} read through tenant-scoped EntityManagers. */
public final class ScopedAssets implements TenantAssets {

    private final TenantScope scope;

    public ScopedAssets(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public Optional<TenantAsset> find(String tenantId, String assetId) {
        return scope.read(tenantId, em -> em.createQuery("SELECT a FROM TenantAssetEntity a WHERE a.id = :id"
                        + " ORDER BY a.path", TenantAssetEntity.class)
                .setParameter("id", assetId).setMaxResults(1).getResultStream().findFirst().map(ScopedAssets::dto));
    }

    @Override
    public List<TenantAsset> all(String tenantId) {
        return scope.read(tenantId, em -> em.createQuery("SELECT a FROM TenantAssetEntity a ORDER BY a.path",
                TenantAssetEntity.class).getResultStream().map(ScopedAssets::dto).toList());
    }

    private static TenantAsset dto(TenantAssetEntity row) {
        return new TenantAsset(row.id(), row.path(), row.contentType(), row.content());
    }
}
