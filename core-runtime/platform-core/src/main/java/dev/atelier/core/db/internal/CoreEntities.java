package dev.atelier.core.db.internal;

import dev.atelier.core.db.EntityClasses;
import dev.atelier.core.deployments.internal.BundleDeploymentEntity;
import dev.atelier.core.tenants.internal.TenantAssetEntity;
import dev.atelier.core.tenants.internal.TenantEntity;
import dev.atelier.core.tenants.internal.TenantHostEntity;
import dev.atelier.core.tenants.internal.TenantTemplateEntity;
import java.util.List;

/** The entities of platform-core: deployment history and tenants. */
public final class CoreEntities implements EntityClasses {

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(BundleDeploymentEntity.class, TenantEntity.class, TenantHostEntity.class,
                TenantAssetEntity.class, TenantTemplateEntity.class);
    }
}
