package dev.atelier.core.tenants.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A row of {@code tenant_host}. Platform-wide: host names are unique across tenants. */
@Entity
@Table(name = "tenant_host")
@NamedQuery(name = TenantHostEntity.ALL, query = "SELECT h FROM TenantHostEntity h ORDER BY h.host")
public class TenantHostEntity {

    /** Every host, in order (named for the reason {@link TenantEntity} says). */
    static final String ALL = "TenantHostEntity.all";

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
