package dev.atelier.accounts;

import dev.atelier.accounts.audit.AdminAudit;
import dev.atelier.accounts.audit.AuditActions;
import dev.atelier.accounts.audit.AuditActor;
import dev.atelier.accounts.internal.AccountEntity;
import dev.atelier.core.tenants.TenantScope;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suspending and resuming accounts, by a tenant admin. A suspended account cannot sign in (password, Google, a reset
 * link), its sessions end at once and its API tokens are refused; resuming lets it sign in again and its tokens work
 * again. The change, the end of the sessions and the audit entry are one transaction.
 */
public final class AccountSuspensions {

    private static final Logger LOG = LoggerFactory.getLogger(AccountSuspensions.class);

    private final TenantScope scope;
    private final Clock clock;
    private final AdminAudit audit;
    private final AccountChanges changes;

    public AccountSuspensions(TenantScope scope, Clock clock, AdminAudit audit, AccountChanges changes) {
        this.scope = scope;
        this.clock = clock;
        this.audit = audit;
        this.changes = changes;
    }

    /** When the account was suspended; empty for an account that is not (or is unknown here). */
    public Optional<Instant> suspendedAt(String tenantId, String accountId) {
        return accountId == null ? Optional.empty() : scope.read(tenantId,
                em -> Optional.ofNullable(em.find(AccountEntity.class, accountId)).map(AccountEntity::suspendedAt));
    }

    /**
     * Suspends the account and ends every session of it.
     *
     * @param reason why, as the admin typed it; kept in the audit log
     * @return false if the tenant has no such account
     */
    public boolean suspend(String tenantId, String accountId, AuditActor actor, String reason) {
        boolean done = change(tenantId, accountId, true, actor, reason);
        if (done) {
            changes.sessionsEnded(tenantId, accountId, null);
            LOG.info("Account {} in tenant {} suspended by {}", accountId, tenantId, actor.accountId());
        }
        return done;
    }

    /** Lets a suspended account sign in again; false if the tenant has no such account. */
    public boolean resume(String tenantId, String accountId, AuditActor actor) {
        boolean done = change(tenantId, accountId, false, actor, null);
        if (done) {
            changes.detailsChanged(tenantId, accountId);
            LOG.info("Account {} in tenant {} resumed by {}", accountId, tenantId, actor.accountId());
        }
        return done;
    }

    private boolean change(String tenantId, String accountId, boolean suspend, AuditActor actor, String reason) {
        if (accountId == null) {
            return false;
        }
        return scope.write(tenantId, em -> {
            AccountEntity row = em.find(AccountEntity.class, accountId);
            if (row == null) {
                return false;
            }
            Instant now = clock.instant();
            if (suspend) {
                row.suspend(now);
                em.createQuery("UPDATE SessionEntity s SET s.revokedAt = :now WHERE s.accountId = :account"
                        + " AND s.revokedAt IS NULL").setParameter("now", now).setParameter("account", accountId)
                        .executeUpdate();
            } else {
                row.resume(now);
            }
            audit.record(em, actor, suspend ? AuditActions.ACCOUNT_SUSPEND : AuditActions.ACCOUNT_RESUME, accountId,
                    suspend ? Map.of("email", row.email(), "reason", reason == null ? "" : reason)
                            : Map.of("email", row.email()));
            return true;
        });
    }
}
