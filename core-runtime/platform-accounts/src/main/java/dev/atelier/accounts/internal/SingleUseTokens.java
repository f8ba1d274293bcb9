package dev.atelier.accounts.internal;

import dev.atelier.core.hash.Sha256;
import dev.atelier.core.ids.UuidV7;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Issues and redeems the 256-bit random tokens of mailed links, storing only their SHA-256. */
public final class SingleUseTokens {

    private final Clock clock;
    private final UuidV7 ids;
    private final SecureRandom random = new SecureRandom();

    public SingleUseTokens(Clock clock, UuidV7 ids) {
        this.clock = clock;
        this.ids = ids;
    }

    /** Stores a new token for {@code accountId} and returns it in clear (base64url, 43 characters). */
    public String issue(EntityManager em, String accountId, String purpose, Duration lifetime) {
        return issue(em, accountId, purpose, lifetime, null);
    }

    /** {@link #issue(EntityManager, String, String, Duration)} for a token that carries the address it confirms. */
    public String issue(EntityManager em, String accountId, String purpose, Duration lifetime, String newEmail) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.persist(new AccountTokenEntity("tok_" + compact(ids.next().toString()), accountId, purpose, hash(token),
                clock.instant().plus(lifetime), newEmail));
        return token;
    }

    /**
     * Marks the token used and returns it, if it exists in this EntityManager's tenant, has {@code purpose}, and is
     * unused and unexpired. Looked up by hash, so neither the clear token nor a timing difference on it reaches SQL.
     */
    public Optional<AccountTokenEntity> redeem(EntityManager em, String token, String purpose) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<AccountTokenEntity> found = em.createQuery(
                        "SELECT t FROM AccountTokenEntity t WHERE t.tokenHash = :hash AND t.purpose = :purpose",
                        AccountTokenEntity.class)
                .setParameter("hash", hash(token)).setParameter("purpose", purpose)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().filter(t -> t.usableAt(now));
        found.ifPresent(t -> t.markUsed(now));
        return found;
    }

    /** Marks every unused token of {@code accountId} with {@code purpose} as used. */
    public void invalidateAll(EntityManager em, String accountId, String purpose) {
        em.createQuery("UPDATE AccountTokenEntity t SET t.usedAt = :now WHERE t.accountId = :account"
                        + " AND t.purpose = :purpose AND t.usedAt IS NULL")
                .setParameter("now", clock.instant()).setParameter("account", accountId)
                .setParameter("purpose", purpose).executeUpdate();
    }

    static String compact(String uuid) {
        return uuid.replace("-", "");
    }

    private static String hash(String token) {
        return Sha256.hex(token);
    }
}
