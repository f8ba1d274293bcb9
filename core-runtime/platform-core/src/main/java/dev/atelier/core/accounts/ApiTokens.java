package dev.atelier.core.accounts;

import dev.atelier.core.accounts.internal.AccountEntity;
import dev.atelier.core.accounts.internal.ApiTokenEntity;
import dev.atelier.core.accounts.internal.Secrets;
import dev.atelier.core.ids.UuidV7;
import dev.atelier.core.tenants.TenantScope;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Personal API tokens ({@code Authorization: Bearer atl_...}) that users create and revoke on the account page. A
 * token is shown once at creation; only its SHA-256 and its first 8 characters are stored. Every method takes the
 * tenant id first and works through {@link TenantScope}: a token of one tenant is unknown at every other.
 */
public final class ApiTokens {

    /** What every token starts with, so leaked tokens are easy to recognise (for example by secret scanners). */
    public static final String PREFIX = "atl_";
    /** Characters of a token kept for display. */
    public static final int DISPLAY_PREFIX_LENGTH = 8;
    /** Longest token name, in characters. */
    public static final int MAX_NAME_LENGTH = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);

    private final TenantScope scope;
    private final Clock clock;
    private final UuidV7 ids;
    private final Secrets secrets = new Secrets();

    public ApiTokens(TenantScope scope, Clock clock) {
        this.scope = scope;
        this.clock = clock;
        this.ids = new UuidV7(clock, new SecureRandom());
    }

    /**
     * Creates a token for an account of this tenant.
     *
     * @return the token in clear, to show once, and its description
     * @throws InvalidAccountInputException (field {@code name}) if the name is blank, longer than
     *     {@link #MAX_NAME_LENGTH} or holds control characters
     * @throws IllegalArgumentException if the tenant has no such account
     */
    public NewApiToken create(String tenantId, String accountId, String name) {
        String cleanName = name(name);
        String token = PREFIX + secrets.random();
        ApiTokenInfo info = scope.write(tenantId, em -> {
            if (accountId == null || em.find(AccountEntity.class, accountId) == null) {
                throw new IllegalArgumentException("No account " + accountId + " in tenant " + tenantId);
            }
            ApiTokenEntity row = new ApiTokenEntity("tok_" + ids.next().toString().replace("-", ""), accountId,
                    cleanName, Secrets.sha256(token), token.substring(0, DISPLAY_PREFIX_LENGTH), clock.instant());
            em.persist(row);
            return info(tenantId, row);
        });
        LOG.info("API token {} created for account {} in tenant {}", info.id(), accountId, tenantId);
        return new NewApiToken(token, info);
    }

    /**
     * The id of the account {@code token} acts as, if it is an unrevoked token of this tenant; empty otherwise
     * (malformed tokens included). The use is written down at most once per {@link Sessions#TOUCH_INTERVAL}.
     */
    public Optional<String> authenticate(String tenantId, String token) {
        if (token == null || !token.startsWith(PREFIX) || !Secrets.wellFormed(token.substring(PREFIX.length()))) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        Instant now = clock.instant();
        Optional<ApiTokenEntity> found = scope.read(tenantId, em -> em.createQuery(
                        "SELECT t FROM ApiTokenEntity t WHERE t.tokenHash = :hash", ApiTokenEntity.class)
                .setParameter("hash", hash).getResultStream().findFirst().filter(t -> t.revokedAt() == null));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiTokenEntity row = found.get();
        if (row.lastUsedAt() == null || !row.lastUsedAt().plus(Sessions.TOUCH_INTERVAL).isAfter(now)) {
            // Conditional on the token still being unrevoked, so a revocation between the read and this write wins.
            int touched = scope.write(tenantId, em -> em.createQuery("UPDATE ApiTokenEntity t SET t.lastUsedAt = :now"
                            + " WHERE t.id = :id AND t.revokedAt IS NULL")
                    .setParameter("now", now).setParameter("id", row.id()).executeUpdate());
            if (touched == 0) {
                return Optional.empty();
            }
        }
        return Optional.of(row.accountId());
    }

    /** The unrevoked tokens of an account, newest first. */
    public List<ApiTokenInfo> list(String tenantId, String accountId) {
        return scope.read(tenantId, em -> em.createQuery("SELECT t FROM ApiTokenEntity t WHERE t.accountId = :account"
                        + " AND t.revokedAt IS NULL ORDER BY t.createdAt DESC, t.id DESC", ApiTokenEntity.class)
                .setParameter("account", accountId).getResultStream().map(row -> info(tenantId, row)).toList());
    }

    /**
     * Revokes one of the account's tokens; it stops working at once. Revoking an already revoked token again is
     * harmless.
     *
     * @return false if the tenant has no such token of this account (another account's token included)
     */
    public boolean revoke(String tenantId, String accountId, String tokenId) {
        if (tokenId == null || accountId == null) {
            return false;
        }
        boolean revoked = scope.write(tenantId, em -> {
            ApiTokenEntity row = em.find(ApiTokenEntity.class, tokenId);
            if (row == null || !row.accountId().equals(accountId)) {
                return false;
            }
            row.revoke(clock.instant());
            return true;
        });
        if (revoked) {
            LOG.info("API token {} of account {} in tenant {} revoked", tokenId, accountId, tenantId);
        }
        return revoked;
    }

    /** Every token of an account, revoked ones included, oldest first, for a personal data export. */
    List<ApiTokenInfo> everyStored(String tenantId, String accountId) {
        return scope.read(tenantId, em -> em.createQuery("SELECT t FROM ApiTokenEntity t WHERE t.accountId = :account"
                        + " ORDER BY t.createdAt, t.id", ApiTokenEntity.class)
                .setParameter("account", accountId).getResultStream().map(row -> info(tenantId, row)).toList());
    }

    private static String name(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidAccountInputException("name", "Give the token a name, such as the script that uses it.");
        }
        String name = raw.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidAccountInputException("name",
                    "Use a name of at most " + MAX_NAME_LENGTH + " characters.");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidAccountInputException("name", "Use a name without line breaks or tabs.");
        }
        return name;
    }

    private static ApiTokenInfo info(String tenantId, ApiTokenEntity row) {
        return new ApiTokenInfo(row.id(), tenantId, row.accountId(), row.name(), row.prefix(), row.createdAt(),
                row.lastUsedAt(), row.revokedAt());
    }
}
