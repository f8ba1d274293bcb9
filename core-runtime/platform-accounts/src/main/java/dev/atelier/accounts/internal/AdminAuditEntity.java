package dev.atelier.accounts.internal;

import dev.atelier.core.tenants.TenantScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A row of {@code admin_audit}: one change a tenant admin made. Rows are written once and never changed. */
@Entity
@Table(name = "admin_audit")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantScope.PROPERTY)
public class AdminAuditEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(name = "actor_id", nullable = false)
    private String actorId;

    @Column(name = "actor_email", nullable = false)
    private String actorEmail;

    @Column(name = "action", nullable = false)
    private String action;

    @Column(name = "target", nullable = false)
    private String target;

    @Column(name = "details", nullable = false)
    private String details;

    @Column(name = "request_id")
    private String requestId;

    protected AdminAuditEntity() {}

    public AdminAuditEntity(String id, Instant at, String actorId, String actorEmail, String action, String target,
            String details, String requestId) {
        this.id = id;
        this.at = at;
        this.actorId = actorId;
        this.actorEmail = actorEmail;
        this.action = action;
        this.target = target;
        this.details = details;
        this.requestId = requestId;
    }

    public String id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String actorId() {
        return actorId;
    }

    public String actorEmail() {
        return actorEmail;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String details() {
        return details;
    }

    public String requestId() {
        return requestId;
    }
}
