package dev.atelier.core.tenants.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code tenant}. Platform-wide: the tenant itself is not tenant-scoped.
 *
 * <p>The query every start runs is named, so EclipseLink parses it while the persistence unit deploys, beside the
 * server's start, instead of on the start's own thread later (a first JPQL query sets up the whole parser).
 */
@Entity
@Table(name = "tenant")
@NamedQuery(name = TenantEntity.ALL, query = "SELECT t FROM TenantEntity t ORDER BY t.slug")
public class TenantEntity {

    /** Every tenant, by slug. */
    static final String ALL = "TenantEntity.all";

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "slug", nullable = false)
    private String slug;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "status", nullable = false)
    private String status;

    @Column(name = "document", nullable = false)
    private String document;

    @Column(name = "secrets", nullable = false)
    private String secrets;

    @Column(name = "logo_asset_id")
    private String logoAssetId;

    @Column(name = "favicon_asset_id")
    private String faviconAssetId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TenantEntity() {}

    public TenantEntity(String id, String slug, Instant createdAt) {
        this.id = id;
        this.slug = slug;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String displayName() {
        return displayName;
    }

    public String status() {
        return status;
    }

    public String document() {
        return document;
    }

    public String secrets() {
        return secrets;
    }

    public String logoAssetId() {
        return logoAssetId;
    }

    public String faviconAssetId() {
        return faviconAssetId;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Replaces the configuration; the caller has checked that something changed. */
    public void update(StoredDocument stored, Instant at) {
        this.displayName = stored.displayName();
        this.status = stored.status();
        this.document = stored.document();
        this.secrets = stored.secrets();
        this.logoAssetId = stored.logoAssetId();
        this.faviconAssetId = stored.faviconAssetId();
        this.updatedAt = at;
    }

    public StoredDocument stored() {
        return new StoredDocument(displayName, status, document, secrets, logoAssetId, faviconAssetId);
    }
}
