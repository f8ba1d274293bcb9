package dev.atelier.core.tenants.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code tenant_host}. Platform-wide: host names are unique across tenants. */
@Entity
@Table(name = "tenant_host")
public class TenantHostEntity {

    @Id
    @Column(name = "host")
    private String host;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    protected TenantHostEntity() {}

    public TenantHostEntity(String host, String tenantId) {
        this.host = host;
        this.tenantId = tenantId;
    }

    public String host() {
        return host;
    }

    public String tenantId() {
        return tenantId;
    }
}
