package dev.atelier.accounts;

import dev.atelier.accounts.internal.AccountConsentEntity;
import dev.atelier.accounts.internal.AccountEntity;
import dev.atelier.core.ids.UuidV7;
import dev.atelier.core.tenants.TenantScope;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * Which versions of the tenant's legal documents each account accepted, and when. Data protection law asks a business
 * to prove consent, so acceptances are only ever added, never overwritten; accepting a new version adds a row, and
 * each version is accepted at most once per account. The legal module ({@code dev.atelier.legal.versions}) records
 * acceptances of its published versions here, numbered {@code "1"}, {@code "2"}... Every method takes the tenant id
 * first and works through {@link TenantScope}.
 */
public final class Consents {

    /** Longest document name and version, in characters. */
    public static final int MAX_LENGTH = 100;

    private final TenantScope scope;
    private final Clock clock;
    private final UuidV7 ids;

    public Consents(TenantScope scope, Clock clock) {
        this.scope = scope;
        this.clock = clock;
        this.ids = new UuidV7(clock, new SecureRandom());
    }

    /**
     * Records that the account accepted {@code version} of {@code document} now, from {@code ip}. A version is
     * accepted once: recording it again (a second click, two tabs at once) keeps the first acceptance and its time.
     *
     * @param ip the address the acceptance came from, or null when it was not made over the web
     * @return whether this call recorded it; false when the account had accepted that version before
     * @throws IllegalArgumentException if the tenant has no such account, or document or version is blank or longer
     *     than {@link #MAX_LENGTH}: both come from the platform's pages, not from the user
     */
    public boolean record(String tenantId, String accountId, String document, String version, String ip) {
        require(document, "document");
        require(version, "version");
        return scope.write(tenantId, em -> {
            if (accountId == null || em.find(AccountEntity.class, accountId) == null) {
                throw new IllegalArgumentException("No account " + accountId + " in tenant " + tenantId);
            }
            // Native, for ON CONFLICT: with a unique index, concurrent acceptances insert one row without a lock.
            return em.createNativeQuery("INSERT INTO account_consent"
                            + " (id, tenant_id, account_id, document, version, accepted_at, ip)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .setParameter(1, "cns_" + ids.next().toString().replace("-", ""))
                    .setParameter(2, tenantId)
                    .setParameter(3, accountId)
                    .setParameter(4, document)
                    .setParameter(5, version)
                    .setParameter(6, Timestamp.from(clock.instant()))
                    .setParameter(7, ip)
                    .executeUpdate() == 1;
        });
    }

    /** The acceptances of an account, oldest first; empty for an unknown account. */
    public List<Consent> list(String tenantId, String accountId) {
        return scope.read(tenantId, em -> em.createQuery("SELECT c FROM AccountConsentEntity c"
                        + " WHERE c.accountId = :account ORDER BY c.acceptedAt, c.id", AccountConsentEntity.class)
                .setParameter("account", accountId).getResultStream()
                .map(row -> new Consent(row.document(), row.version(), row.acceptedAt(), row.ip())).toList());
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Consent " + what + " must be 1-" + MAX_LENGTH + " characters");
        }
    }
}
