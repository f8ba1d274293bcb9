package dev.atelier.core.tenants.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import dev.atelier.core.tenants.TenantScope;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A row of {@code tenant_asset}, visible only through an EntityManager of its tenant. */
@Entity
@Table(name = "tenant_asset")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantScope.PROPERTY)
public class TenantAssetEntity {

    @Id
    @Column(name = "path")
    private String path;

    @Column(name = "id", nullable = false)
    private String id;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "content", nullable = false)
    private byte[] content;

    protected TenantAssetEntity() {}

    public TenantAssetEntity(String path, String id, String contentType, byte[] content) {
        this.path = path;
        this.id = id;
        this.contentType = contentType;
        this.content = content.clone();
    }

    public String path() {
        return path;
    }

    public String id() {
        return id;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] content() {
        return content.clone();
    }
}
