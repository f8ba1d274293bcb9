package dev.atelier.accounts;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import dev.atelier.accounts.internal.AccountEntity;
import dev.atelier.accounts.internal.ApiTokenEntity;
import dev.atelier.accounts.internal.Secrets;
import dev.atelier.core.ids.UuidV7;
import dev.atelier.core.tenants.TenantScope;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
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
    /** How long after its sign-in a session may create tokens, unless configured otherwise. */
    public static final Duration DEFAULT_RECENT_SIGN_IN = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);

    private final TenantScope scope;
    private final Clock clock;
    private final Duration recentSignIn;
    private final UuidV7 ids;
    private final Secrets secrets = new Secrets();
    private final AccountChanges changes;

    /** One use of a token: whose it is, and when its use was last written down. */
    record Use(String tokenHash, String accountId, Instant lastUsedAt) {}

    /** Tokens that sessions signed in within {@link #DEFAULT_RECENT_SIGN_IN} may create. */
    public ApiTokens(TenantScope scope, Clock clock) {
        this(scope, clock, DEFAULT_RECENT_SIGN_IN, new AccountChanges());
    }

    /**
     * @param recentSignIn how long after its sign-in a session may still create tokens ({@link #createInSession})
     * @param changes told of every revocation, so that whoever keeps signed-in users in memory drops the token's
     *     account before {@link #revoke} returns
     */
    public ApiTokens(TenantScope scope, Clock clock, Duration recentSignIn, AccountChanges changes) {
        if (recentSignIn.isNegative() || recentSignIn.isZero()) {
            throw new IllegalArgumentException("The recent sign-in window must be positive");
        }
        this.scope = scope;
        this.clock = clock;
        this.recentSignIn = recentSignIn;
        this.changes = changes;
        this.ids = new UuidV7(clock, new SecureRandom());
    }

    /** Tokens with {@code atelier.accounts.api-token.recent-sign-in} of {@code config}. */
    public static ApiTokens fromConfig(TenantScope scope, Clock clock, AtelierConfig config, AccountChanges changes) {
        return new ApiTokens(scope, clock, config.get(Keys.API_TOKEN_RECENT_SIGN_IN), changes);
    }

    /**
     * Creates a token for the account signed in with {@code session}, the only way users get tokens: never with
     * another token, so a leaked token cannot make itself successors, and only within {@link #DEFAULT_RECENT_SIGN_IN}
     * (or the configured window) of the session's sign-in, so an old stolen cookie cannot either. The session is
     * recorded as the token's {@link ApiTokenInfo#createdBy()}. A session counts as signed in when it started (sign-in,
     * password reset, Google) or was renewed after the user proved something (a password change, a confirmed email).
     *
     * @throws SignInTooOldException if the session signed in longer ago than the window
     * @throws EmailNotVerifiedException if the account's email is not confirmed
     * @throws InvalidAccountInputException (field {@code name}) if the name is unacceptable
     */
    public NewApiToken createInSession(String tenantId, SessionInfo session, String name) {
        if (!session.createdAt().plus(recentSignIn).isAfter(clock.instant())) {
            throw new SignInTooOldException(recentSignIn);
        }
        return create(tenantId, session.accountId(), name, session.id());
    }

    /**
     * Creates a token for an account whose email is confirmed, on the platform's own behalf (tests, operator tools):
     * no session made it. Users get theirs through {@link #createInSession}.
     *
     * @throws EmailNotVerifiedException if the account's email is not confirmed
     * @throws IllegalArgumentException if the tenant has no such account or the name is unacceptable
     */
    public NewApiToken create(String tenantId, String accountId, String name) {
        return create(tenantId, accountId, name, null);
    }

    // A token made before the owner proves the address would be a credential the owner cannot see coming.
    private NewApiToken create(String tenantId, String accountId, String name, String createdBy) {
        String cleanName = name(name);
        String token = PREFIX + secrets.random();
        ApiTokenInfo info = scope.write(tenantId, em -> {
            AccountEntity account = accountId == null ? null : em.find(AccountEntity.class, accountId);
            if (account == null) {
                throw new IllegalArgumentException("No account " + accountId + " in tenant " + tenantId);
            }
            if (account.emailVerifiedAt() == null) {
                throw new EmailNotVerifiedException(accountId);
            }
            ApiTokenEntity row = new ApiTokenEntity("tok_" + ids.next().toString().replace("-", ""), accountId,
                    cleanName, Secrets.sha256(token), token.substring(0, DISPLAY_PREFIX_LENGTH), clock.instant(),
                    createdBy);
            em.persist(row);
            return info(tenantId, row);
        });
        LOG.info("API token {} created for account {} in tenant {}", info.id(), accountId, tenantId);
        return new NewApiToken(token, info);
    }

    /**
     * The id of the account {@code token} acts as, if it is an unrevoked token of this tenant, the account's email
     * is confirmed and the account is not suspended; empty otherwise (malformed tokens included). A token of an
     * unconfirmed account can only come from before tokens required a confirmed email; it stays refused until the
     * owner proves the address, which revokes it. The use is written down at most once per {@link Sessions#TOUCH_INTERVAL}.
     */
    public Optional<String> authenticate(String tenantId, String token) {
        return use(tenantId, token).map(Use::accountId);
    }

    /** {@link #authenticate}, telling also the token's hash and its last use as now written down. */
    Optional<Use> use(String tenantId, String token) {
        if (token == null || !token.startsWith(PREFIX) || !Secrets.wellFormed(token.substring(PREFIX.length()))) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        Instant now = clock.instant();
        Optional<ApiTokenEntity> found = scope.read(tenantId, em -> em.createQuery(
                        "SELECT t FROM ApiTokenEntity t, AccountEntity a WHERE t.tokenHash = :hash"
                                + " AND a.id = t.accountId AND a.emailVerifiedAt IS NOT NULL AND a.suspendedAt IS NULL", ApiTokenEntity.class)
                .setParameter("hash", hash).getResultStream().findFirst().filter(t -> t.revokedAt() == null));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiTokenEntity row = found.get();
        Instant lastUsed = row.lastUsedAt();
        if (lastUsed == null || !lastUsed.plus(Sessions.TOUCH_INTERVAL).isAfter(now)) {
            // Conditional on the token still being unrevoked, so a revocation between the read and this write wins.
            int touched = scope.write(tenantId, em -> em.createQuery("UPDATE ApiTokenEntity t SET t.lastUsedAt = :now"
                            + " WHERE t.id = :id AND t.revokedAt IS NULL")
                    .setParameter("now", now).setParameter("id", row.id()).executeUpdate());
            if (touched == 0) {
                return Optional.empty();
            }
            lastUsed = now;
        }
        return Optional.of(new Use(hash, row.accountId(), lastUsed));
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
            changes.tokensRevoked(tenantId, accountId);
            LOG.info("API token {} of account {} in tenant {} revoked", tokenId, accountId, tenantId);
        }
        return revoked;
    }

    /** The tokens created in the session {@code sessionId} of the account, revoked ones included, oldest first. */
    public List<ApiTokenInfo> madeIn(String tenantId, String accountId, String sessionId) {
        return scope.read(tenantId, em -> em.createQuery("SELECT t FROM ApiTokenEntity t WHERE t.accountId = :account"
                        + " AND t.createdBy = :session ORDER BY t.createdAt, t.id", ApiTokenEntity.class)
                .setParameter("account", accountId).setParameter("session", sessionId).getResultStream()
                .map(row -> info(tenantId, row)).toList());
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
                row.lastUsedAt(), row.revokedAt(), row.createdBy());
    }
}
