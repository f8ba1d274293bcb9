package dev.atelier.accounts;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import dev.atelier.accounts.internal.AccountEntity;
import dev.atelier.accounts.internal.Secrets;
import dev.atelier.accounts.internal.SessionEntity;
import dev.atelier.core.tenants.TenantScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-side sessions of signed-in users. The cookie holds a 256-bit random secret; the database holds only its
 * SHA-256, which is also the session's id, so a look-up compares hashes in SQL and never the secret in Java. A session
 * ends when revoked, when unused for the idle timeout, or at the absolute lifetime after sign-in, whichever comes
 * first. Every method takes the tenant id first and works through {@link TenantScope}: a cookie of one tenant is
 * unknown at every other.
 */
public final class Sessions {

    /** Longest User-Agent kept, in characters; longer ones are cut. */
    public static final int MAX_USER_AGENT_LENGTH = 300;
    /** Uses closer together than this are not written down, to spare the database a write per request. */
    public static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

    private final TenantScope scope;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration absoluteLifetime;
    private final Secrets secrets = new Secrets();
    private final AccountChanges changes;

    /** Sessions whose ends nobody else is told of; for tests and commands that keep nothing in memory. */
    public Sessions(TenantScope scope, Clock clock, Duration idleTimeout, Duration absoluteLifetime) {
        this(scope, clock, idleTimeout, absoluteLifetime, new AccountChanges());
    }

    /** @param changes told of every session that ends before its time, after the end is committed */
    public Sessions(TenantScope scope, Clock clock, Duration idleTimeout, Duration absoluteLifetime,
            AccountChanges changes) {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || absoluteLifetime.isNegative()
                || absoluteLifetime.isZero()) {
            throw new IllegalArgumentException("Session idle timeout and absolute lifetime must be positive");
        }
        this.scope = scope;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.absoluteLifetime = absoluteLifetime;
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    /** Sessions with {@code atelier.accounts.session.idle-timeout} and {@code .absolute-lifetime} of {@code config}. */
    public static Sessions fromConfig(TenantScope scope, Clock clock, AtelierConfig config, AccountChanges changes) {
        return new Sessions(scope, clock, config.get(Keys.SESSION_IDLE_TIMEOUT),
                config.get(Keys.SESSION_ABSOLUTE_LIFETIME), changes);
    }

    /**
     * Starts a session for an account that just proved who it is.
     *
     * @param userAgent the User-Agent header or null; cut to {@link #MAX_USER_AGENT_LENGTH} characters
     * @param ip the client address or null
     * @throws IllegalArgumentException if the tenant has no such account
     */
    public NewSession start(String tenantId, String accountId, String userAgent, String ip) {
        Objects.requireNonNull(accountId, "accountId");
        String cookie = secrets.random();
        SessionInfo info = scope.write(tenantId, em -> {
            // The foreign key alone would accept an account of another tenant.
            if (em.find(AccountEntity.class, accountId) == null) {
                throw new IllegalArgumentException("No account " + accountId + " in tenant " + tenantId);
            }
            Instant now = clock.instant();
            return persist(em, tenantId, cookie, accountId, now, now.plus(absoluteLifetime), userAgent(userAgent), ip);
        });
        LOG.info("Session started for account {} in tenant {}", accountId, tenantId);
        return new NewSession(cookie, info);
    }

    /**
     * The session of {@code cookieValue} if it is active in this tenant, with its idle expiry slid forward. Empty for
     * a malformed, unknown, revoked or expired value. The use is written down at most once per
     * {@link #TOUCH_INTERVAL}.
     */
    public Optional<SessionInfo> resolve(String tenantId, String cookieValue) {
        if (!Secrets.wellFormed(cookieValue)) {
            return Optional.empty();
        }
        String id = Secrets.sha256(cookieValue);
        Instant now = clock.instant();
        Optional<SessionEntity> found = scope.read(tenantId,
                em -> Optional.ofNullable(em.find(SessionEntity.class, id)).filter(row -> row.activeAt(now)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionEntity row = found.get();
        if (row.lastSeenAt().plus(TOUCH_INTERVAL).isAfter(now)) {
            return Optional.of(info(tenantId, row));
        }
        Instant idleExpiresAt = slidIdleExpiry(row, now);
        // Conditional on the row still being active, so a revocation between the read and this write wins.
        int touched = scope.write(tenantId, em -> em.createQuery("UPDATE SessionEntity s SET s.lastSeenAt = :now,"
                        + " s.idleExpiresAt = :idle WHERE s.id = :id AND s.revokedAt IS NULL AND s.lastSeenAt < :now")
                .setParameter("now", now).setParameter("idle", idleExpiresAt).setParameter("id", id).executeUpdate());
        if (touched == 0 && !scope.read(tenantId, em -> Optional.ofNullable(em.find(SessionEntity.class, id))
                .filter(current -> current.activeAt(now)).isPresent())) {
            return Optional.empty();
        }
        row.seen(now, idleExpiresAt);
        return Optional.of(info(tenantId, row));
    }

    /**
     * Replaces an active session with a new one for the same account, for sign-in and privilege changes, so a cookie
     * planted or seen before no longer works. The new session keeps the old one's absolute expiry: rotating proves
     * nothing new about the user, so it must not stretch the lifetime.
     *
     * @return the new session, or empty (and nothing changed) if {@code cookieValue} is not an active session here
     */
    public Optional<NewSession> rotate(String tenantId, String cookieValue) {
        if (!Secrets.wellFormed(cookieValue)) {
            return Optional.empty();
        }
        String cookie = secrets.random();
        String oldId = Secrets.sha256(cookieValue);
        Optional<NewSession> rotated = scope.write(tenantId, em -> {
            Instant now = clock.instant();
            SessionEntity old = em.find(SessionEntity.class, oldId, LockModeType.PESSIMISTIC_WRITE);
            if (old == null || !old.activeAt(now)) {
                return Optional.<NewSession>empty();
            }
            old.revoke(now);
            SessionInfo info = persist(em, tenantId, cookie, old.accountId(), now, old.absoluteExpiresAt(),
                    old.userAgent(), old.ip());
            LOG.info("Session rotated for account {} in tenant {}", old.accountId(), tenantId);
            return Optional.of(new NewSession(cookie, info));
        });
        rotated.ifPresent(replaced -> changes.sessionsEnded(tenantId, replaced.info().accountId(), oldId));
        return rotated;
    }

    /** Ends the session of {@code cookieValue} (sign-out); false if it was not an active session here. */
    public boolean revoke(String tenantId, String cookieValue) {
        if (!Secrets.wellFormed(cookieValue)) {
            return false;
        }
        String id = Secrets.sha256(cookieValue);
        boolean revoked = revokeWhere(tenantId, "s.id = :id", "id", id) > 0;
        // Only a session this call ended: whoever ended it before told then, and a made-up cookie must not be news.
        if (revoked) {
            changes.sessionsEnded(tenantId, null, id);
        }
        return revoked;
    }

    /**
     * Ends one session of an account by its {@link SessionInfo#id()}, for the account page's list; false if the
     * account has no such active session here (another account's session included).
     */
    public boolean revoke(String tenantId, String accountId, String sessionId) {
        if (sessionId == null) {
            return false;
        }
        boolean revoked = scope.write(tenantId, em -> em.createQuery("UPDATE SessionEntity s SET s.revokedAt = :now"
                        + " WHERE s.id = :id AND s.accountId = :account AND s.revokedAt IS NULL")
                .setParameter("now", clock.instant()).setParameter("id", sessionId)
                .setParameter("account", accountId).executeUpdate()) > 0;
        if (revoked) {
            changes.sessionsEnded(tenantId, accountId, sessionId);
        }
        return revoked;
    }

    /** Ends every session of an account ("sign out everywhere", password reset); returns how many had not ended yet. */
    public int revokeAllFor(String tenantId, String accountId) {
        int revoked = revokeWhere(tenantId, "s.accountId = :account", "account", accountId);
        changes.sessionsEnded(tenantId, accountId, null);
        LOG.info("{} sessions of account {} in tenant {} revoked", revoked, accountId, tenantId);
        return revoked;
    }

    /**
     * Ends every other session of the account signed in with {@code cookieValue}, keeping this one; returns how many
     * ended, or 0 if {@code cookieValue} is not an active session here.
     */
    public int revokeOthers(String tenantId, String cookieValue) {
        Optional<SessionInfo> current = resolve(tenantId, cookieValue);
        if (current.isEmpty()) {
            return 0;
        }
        SessionInfo keep = current.get();
        int revoked = scope.write(tenantId, em -> em.createQuery("UPDATE SessionEntity s SET s.revokedAt = :now"
                        + " WHERE s.accountId = :account AND s.id <> :keep AND s.revokedAt IS NULL")
                .setParameter("now", clock.instant()).setParameter("account", keep.accountId())
                .setParameter("keep", keep.id()).executeUpdate());
        if (revoked > 0) {
            changes.sessionsEnded(tenantId, keep.accountId(), null);
        }
        LOG.info("{} other sessions of account {} in tenant {} revoked", revoked, keep.accountId(), tenantId);
        return revoked;
    }

    /** Tells of the sessions an erased account's rows took with them. */
    void accountErased(String tenantId, String accountId) {
        changes.sessionsEnded(tenantId, accountId, null);
    }

    /** The active sessions of an account, most recently used first. */
    public List<SessionInfo> list(String tenantId, String accountId) {
        Instant now = clock.instant();
        return scope.read(tenantId, em -> em.createQuery("SELECT s FROM SessionEntity s WHERE s.accountId = :account"
                        + " AND s.revokedAt IS NULL AND s.idleExpiresAt > :now AND s.absoluteExpiresAt > :now"
                        + " ORDER BY s.lastSeenAt DESC, s.createdAt DESC", SessionEntity.class)
                .setParameter("account", accountId).setParameter("now", now).getResultStream()
                .map(row -> info(tenantId, row)).toList());
    }

    /**
     * Every stored session of an account, ended ones included, oldest first: they hold the addresses and browsers the
     * account signed in from, which a personal data export must show.
     */
    List<SessionInfo> everyStored(String tenantId, String accountId) {
        return scope.read(tenantId, em -> em.createQuery("SELECT s FROM SessionEntity s WHERE s.accountId = :account"
                        + " ORDER BY s.createdAt, s.id", SessionEntity.class)
                .setParameter("account", accountId).getResultStream().map(row -> info(tenantId, row)).toList());
    }

    private SessionInfo persist(EntityManager em, String tenantId, String cookie, String accountId, Instant now,
            Instant absoluteExpiresAt, String userAgent, String ip) {
        Instant idleExpiresAt = min(now.plus(idleTimeout), absoluteExpiresAt);
        SessionEntity row = new SessionEntity(Secrets.sha256(cookie), accountId, now, idleExpiresAt,
                absoluteExpiresAt, userAgent, ip);
        em.persist(row);
        em.flush();
        return info(tenantId, row);
    }

    private int revokeWhere(String tenantId, String condition, String parameter, String value) {
        return scope.write(tenantId, em -> em.createQuery("UPDATE SessionEntity s SET s.revokedAt = :now WHERE "
                        + condition + " AND s.revokedAt IS NULL")
                .setParameter("now", clock.instant()).setParameter(parameter, value).executeUpdate());
    }

    private Instant slidIdleExpiry(SessionEntity row, Instant now) {
        return min(now.plus(idleTimeout), row.absoluteExpiresAt());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String userAgent(String raw) {
        if (raw == null || raw.length() <= MAX_USER_AGENT_LENGTH) {
            return raw;
        }
        int end = MAX_USER_AGENT_LENGTH;
        // Never split a surrogate pair: half a character would not be valid text.
        if (Character.isHighSurrogate(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(0, end);
    }

    static SessionInfo info(String tenantId, SessionEntity row) {
        return new SessionInfo(row.id(), tenantId, row.accountId(), row.createdAt(), row.lastSeenAt(),
                row.idleExpiresAt(), row.absoluteExpiresAt(), row.userAgent(), row.ip());
    }
}
