package dev.atelier.accounts.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * What proving an account's email does, the same for every proof: the verification link, a password reset link and
 * an external sign-in whose provider confirmed the address. The account counts as verified, and every credential
 * made before the proof ends — sessions, API tokens, pending email changes and other verification links —
 * because whoever made them never proved the address and may have registered it first to wait for its owner.
 */
public final class EmailProof {

    private EmailProof() {}

    /**
     * Marks the account verified and ends its earlier credentials, in the caller's transaction.
     *
     * @param keepSessionId a session to leave running (the one the proof was made in, signed in to this very
     *     account), or null to end them all
     * @return how many sessions and API tokens ended, for the log
     */
    public static int prove(EntityManager em, AccountEntity row, String keepSessionId, Instant now) {
        row.markEmailVerified(now);
        int sessions = em.createQuery("UPDATE SessionEntity s SET s.revokedAt = :now WHERE s.accountId = :account"
                        + " AND s.revokedAt IS NULL AND s.id <> :keep")
                .setParameter("now", now).setParameter("account", row.id())
                .setParameter("keep", keepSessionId == null ? "" : keepSessionId).executeUpdate();
        int tokens = em.createQuery("UPDATE ApiTokenEntity t SET t.revokedAt = :now WHERE t.accountId = :account"
                        + " AND t.revokedAt IS NULL")
                .setParameter("now", now).setParameter("account", row.id()).executeUpdate();
        // A pending email change confirmed later would hand the proven account to the address it names; a second
        // verification link would prove nothing new. Reset links went to the proven address and may stay.
        em.createQuery("UPDATE AccountTokenEntity t SET t.usedAt = :now WHERE t.accountId = :account"
                        + " AND t.usedAt IS NULL AND t.purpose IN (:change, :verify)")
                .setParameter("now", now).setParameter("account", row.id())
                .setParameter("change", AccountTokenEntity.CHANGE_EMAIL)
                .setParameter("verify", AccountTokenEntity.VERIFY_EMAIL).executeUpdate();
        return sessions + tokens;
    }
}
