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

/** A row of {@code account_session}; its id is the SHA-256 of the cookie secret, never the secret. */
@Entity
@Table(name = "account_session")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantScope.PROPERTY)
public class SessionEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "idle_expires_at", nullable = false)
    private Instant idleExpiresAt;

    @Column(name = "absolute_expires_at", nullable = false)
    private Instant absoluteExpiresAt;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "ip")
    private String ip;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected SessionEntity() {}

    public SessionEntity(String id, String accountId, Instant now, Instant idleExpiresAt, Instant absoluteExpiresAt,
            String userAgent, String ip) {
        this.id = id;
        this.accountId = accountId;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.idleExpiresAt = idleExpiresAt;
        this.absoluteExpiresAt = absoluteExpiresAt;
        this.userAgent = userAgent;
        this.ip = ip;
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public Instant idleExpiresAt() {
        return idleExpiresAt;
    }

    public Instant absoluteExpiresAt() {
        return absoluteExpiresAt;
    }

    public String userAgent() {
        return userAgent;
    }

    public String ip() {
        return ip;
    }

    /** Whether the session still signs its user in at {@code now}. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(idleExpiresAt) && now.isBefore(absoluteExpiresAt);
    }

    public void seen(Instant now, Instant newIdleExpiresAt) {
        lastSeenAt = now;
        idleExpiresAt = newIdleExpiresAt;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
