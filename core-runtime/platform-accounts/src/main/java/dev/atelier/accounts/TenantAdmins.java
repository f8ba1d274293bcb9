package dev.atelier.accounts;

import dev.atelier.accounts.internal.TenantAdminEntity;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.core.tenants.TenantScope;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use a tenant's admin area. A grant names an email, not an account, so an operator can grant before the
 * person signs up; it takes effect only for an account whose email is verified, because until then anyone could have
 * typed that address. Grants come from two places that add up: rows operators make ({@link #grant}, the
 * {@code atelier tenants add-admin} command) and the {@code admins} list of the tenant's tenant.yaml
 * ({@link dev.atelier.core.tenants.TenantSettings#admins()}).
 */
public final class TenantAdmins {

    private static final Logger LOG = LoggerFactory.getLogger(TenantAdmins.class);

    private final TenantScope scope;
    private final TenantDirectory directory;
    private final Clock clock;
    private final AccountChanges changes;

    /** Admins whose grants nobody else is told of; for tests and commands that keep nothing in memory. */
    public TenantAdmins(TenantScope scope, TenantDirectory directory, Clock clock) {
        this(scope, directory, clock, new AccountChanges());
    }

    /** @param changes told of every grant (of any account of the tenant), after it is committed */
    public TenantAdmins(TenantScope scope, TenantDirectory directory, Clock clock, AccountChanges changes) {
        this.changes = java.util.Objects.requireNonNull(changes, "changes");
        this.scope = scope;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Makes {@code email} (normalized first) an admin of the tenant; granting it again changes nothing.
     *
     * @throws InvalidAccountInputException (field {@code email}) if the email is malformed
     */
    public void grant(String tenantId, String email) {
        String normalizedEmail = EmailAddress.normalize(email);
        try {
            scope.run(tenantId, em -> {
                if (em.find(TenantAdminEntity.class, normalizedEmail) == null) {
                    em.persist(new TenantAdminEntity(normalizedEmail, clock.instant()));
                    em.flush();
                }
            });
        } catch (PersistenceException e) {
            // The same grant made at the same moment elsewhere: it exists, which is all that was asked.
            if (!Accounts.isUniqueViolation(e)) {
                throw e;
            }
        }
        // A grant names an email, not an account: every account of the tenant is read afresh.
        changes.detailsChanged(tenantId, null);
        LOG.info("Tenant {}: admin granted to an email", tenantId);
    }

    /** Whether the account may use its tenant's admin area: its email is verified and granted. */
    public boolean isAdmin(Account account) {
        if (account == null || !account.emailVerified()) {
            return false;
        }
        if (fromSettings(account.tenantId()).contains(account.email())) {
            return true;
        }
        return scope.read(account.tenantId(), em -> em.find(TenantAdminEntity.class, account.email()) != null);
    }

    /** {@link #isAdmin(Account)} within an EntityManager already open for the account's tenant. */
    boolean isAdmin(EntityManager em, Account account) {
        if (account == null || !account.emailVerified()) {
            return false;
        }
        return fromSettings(account.tenantId()).contains(account.email())
                || em.find(TenantAdminEntity.class, account.email()) != null;
    }

    /** The granted emails of the tenant, from both sources, sorted and without repeats. */
    public List<String> list(String tenantId) {
        TreeSet<String> emails = new TreeSet<>(fromSettings(tenantId));
        emails.addAll(scope.read(tenantId, em -> em.createQuery("SELECT a.email FROM TenantAdminEntity a",
                String.class).getResultList()));
        return List.copyOf(emails);
    }

    private List<String> fromSettings(String tenantId) {
        // The directory is keyed by host and slug; it holds every tenant in memory, so a scan by id is cheap.
        Optional<Tenant> tenant = directory.byId(tenantId);
        return tenant.map(t -> t.settings().admins()).orElse(List.of());
    }
}
