package dev.atelier.accounts.operators;

import dev.atelier.accounts.internal.Secrets;
import dev.atelier.core.db.EntityManagers;
import dev.atelier.core.ids.UuidV7;
import dev.atelier.accounts.operators.internal.OperatorTokenEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens that sign platform operators in to the operator console and API. Operators create them on the command line
 * ({@code atelier operators tokens create}), because whoever can run that already controls the installation: there is
 * no operator sign-up to attack. A token is shown once at creation; only its SHA-256 and its first characters are
 * stored. Tokens belong to no tenant and mean nothing on tenant hosts.
 */
public final class OperatorTokens {

    /** What every token starts with: unlike tenant API tokens ({@code atl_}), so a leak is recognised for what it is. */
    public static final String PREFIX = "atlop_";
    /** Characters of a token kept for display. */
    public static final int DISPLAY_PREFIX_LENGTH = 10;
    /** Longest token name, in characters. */
    public static final int MAX_NAME_LENGTH = 100;
    /** Uses closer together than this are not written down, to spare the database a write per request. */
    public static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(OperatorTokens.class);

    private final EntityManagerFactory entityManagerFactory;
    private final Clock clock;
    private final UuidV7 ids;
    private final Secrets secrets = new Secrets();

    public OperatorTokens(EntityManagerFactory entityManagerFactory, Clock clock) {
        this.entityManagerFactory = entityManagerFactory;
        this.clock = clock;
        this.ids = new UuidV7(clock, new SecureRandom());
    }

    /**
     * Creates a token.
     *
     * @return the token in clear, to show once, and its description
     * @throws IllegalArgumentException if the name is blank, longer than {@link #MAX_NAME_LENGTH} or holds control
     *     characters
     */
    public NewOperatorToken create(String name) {
        String cleanName = name(name);
        String token = PREFIX + secrets.random();
        OperatorTokenInfo info = write(em -> {
            OperatorTokenEntity row = new OperatorTokenEntity("otk_" + ids.next().toString().replace("-", ""),
                    cleanName, Secrets.sha256(token), token.substring(0, DISPLAY_PREFIX_LENGTH), clock.instant());
            em.persist(row);
            return info(row);
        });
        // The id names the token in lists and revocations; the secret itself is shown once, never logged.
        LOG.info("Operator token created (id {}, not the token itself)", info.id());
        return new NewOperatorToken(token, info);
    }

    /**
     * The token, if {@code token} is an unrevoked operator token; empty otherwise (malformed tokens included). The
     * look-up is by SHA-256 in SQL, so no comparison of the clear token runs in Java for timing to reveal. The use is
     * written down at most once per {@link #TOUCH_INTERVAL}.
     */
    public Optional<OperatorTokenInfo> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || !Secrets.wellFormed(token.substring(PREFIX.length()))) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        Instant now = clock.instant();
        Optional<OperatorTokenEntity> found = read(em -> em.createQuery(
                        "SELECT t FROM OperatorTokenEntity t WHERE t.tokenHash = :hash", OperatorTokenEntity.class)
                .setParameter("hash", hash).getResultStream().findFirst().filter(t -> t.revokedAt() == null));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OperatorTokenEntity row = found.get();
        if (row.lastUsedAt() != null && row.lastUsedAt().plus(TOUCH_INTERVAL).isAfter(now)) {
            return Optional.of(info(row));
        }
        // Conditional on the token still being unrevoked, so a revocation between the read and this write wins.
        int touched = write(em -> em.createQuery("UPDATE OperatorTokenEntity t SET t.lastUsedAt = :now"
                        + " WHERE t.id = :id AND t.revokedAt IS NULL")
                .setParameter("now", now).setParameter("id", row.id()).executeUpdate());
        if (touched == 0) {
            return Optional.empty();
        }
        return Optional.of(new OperatorTokenInfo(row.id(), row.name(), row.prefix(), row.createdAt(), now, null));
    }

    /** Every token, revoked ones included (they say who had access when), newest first. */
    public List<OperatorTokenInfo> list() {
        return read(em -> em.createQuery("SELECT t FROM OperatorTokenEntity t ORDER BY t.createdAt DESC, t.id DESC",
                OperatorTokenEntity.class).getResultStream().map(OperatorTokens::info).toList());
    }

    /**
     * Revokes a token; it stops working at once. Revoking an already revoked token again is harmless.
     *
     * @return false if there is no such token
     */
    public boolean revoke(String id) {
        if (id == null) {
            return false;
        }
        boolean revoked = write(em -> {
            OperatorTokenEntity row = em.find(OperatorTokenEntity.class, id);
            if (row == null) {
                return false;
            }
            row.revoke(clock.instant());
            return true;
        });
        if (revoked) {
            LOG.info("Operator token revoked (id {})", id);
        }
        return revoked;
    }

    /** Whether any token works, so start-up can tell an operator how to make the first one. */
    public boolean any() {
        return read(em -> !em.createQuery("SELECT t.id FROM OperatorTokenEntity t WHERE t.revokedAt IS NULL",
                String.class).setMaxResults(1).getResultList().isEmpty());
    }

    private <T> T read(Function<EntityManager, T> work) {
        return EntityManagers.read(entityManagerFactory.createEntityManager(), work);
    }

    private <T> T write(Function<EntityManager, T> work) {
        return EntityManagers.write(entityManagerFactory.createEntityManager(), work);
    }

    private static String name(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("Give the token a name, such as the person or script that uses it.");
        }
        String name = raw.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("Use a token name of at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Use a token name without line breaks or tabs.");
        }
        return name;
    }

    private static OperatorTokenInfo info(OperatorTokenEntity row) {
        return new OperatorTokenInfo(row.id(), row.name(), row.prefix(), row.createdAt(), row.lastUsedAt(),
                row.revokedAt());
    }
}
