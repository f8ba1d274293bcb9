package dev.atelier.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.atelier.accounts.internal.AccountEntity;
import dev.atelier.accounts.internal.AccountRows;
import dev.atelier.accounts.internal.Secrets;
import dev.atelier.accounts.internal.SessionEntity;
import dev.atelier.core.tenants.TenantScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who a session cookie or a personal API token belongs to, as every signed-in request needs it: the session, its
 * account and whether that account is an admin of the tenant, read through one EntityManager (one connection, no
 * transaction) instead of three.
 * The session's last use is written down through {@link Sessions#resolve} at most once a minute, as there.
 *
 * <p>What was read is kept for up to {@code maxAge}, keyed by tenant and session id (the cookie's hash), so a busy
 * user's requests cost no database work. Kept users are dropped at once by every change the account services tell of
 * ({@link AccountChanges}: sessions ended, name, email, verification, admin grant) and, for other nodes' changes, by
 * {@link #forget}; so a revoked session is refused on the very next request. A kept session is read again when its
 * once-a-minute touch is due or its kept expiry passed. API tokens are kept the same way ({@link #resolveToken}):
 * a revocation ({@link ApiTokens#revoke}, an email proof, a suspension) drops the token's account at once.
 */
public final class SignedInUsers {

    /** The most signed-in users kept; beyond it the least used are read again when they come back. */
    public static final int MAX_KEPT = 50_000;

    /**
     * A signed-in user of a request.
     *
     * @param session the session of a cookie; null for an API token
     */
    public record SignedInUser(SessionInfo session, Account account, boolean admin) {}

    /** What is kept of a user: the user, and until when it may be used without reading it again. */
    private record Kept(SignedInUser user, Instant touchDue) {}

    private record Found(SessionEntity session, Account account, boolean admin) {}

    private record Key(String tenantId, String sessionId) {}

    private final TenantScope scope;
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final TenantAdmins admins;
    private final Clock clock;
    private final Cache<Key, Kept> kept;
    /** Counts the forgets, so a read that raced one is not kept (see {@link #keep}). */
    private final AtomicLong forgets = new AtomicLong();

    /** Signed-in users read from the database on every request. */
    public SignedInUsers(TenantScope scope, Sessions sessions, TenantAdmins admins, Clock clock) {
        this(scope, sessions, admins, clock, Duration.ZERO, new AccountChanges());
    }

    /**
     * @param maxAge how long a user read is reused ({@code atelier.accounts.session.cache-max-age}); zero keeps none
     * @param changes the changes of the account services that built {@code sessions} and {@code admins}: each drops
     *     what is kept of the accounts it names
     */
    public SignedInUsers(TenantScope scope, Sessions sessions, TenantAdmins admins, Clock clock, Duration maxAge,
            AccountChanges changes) {
        this(scope, sessions, new ApiTokens(scope, clock, ApiTokens.DEFAULT_RECENT_SIGN_IN, changes), admins, clock,
                maxAge, changes);
    }

    /**
     * @param maxAge how long a user read is reused ({@code atelier.accounts.session.cache-max-age}); zero keeps none
     * @param changes the changes of the account services that built {@code sessions}, {@code tokens} and
     *     {@code admins}: each drops what is kept of the accounts it names
     */
    public SignedInUsers(TenantScope scope, Sessions sessions, ApiTokens tokens, TenantAdmins admins, Clock clock,
            Duration maxAge, AccountChanges changes) {
        this.scope = scope;
        this.sessions = sessions;
        this.tokens = tokens;
        this.admins = admins;
        this.clock = clock;
        this.kept = Caffeine.newBuilder().maximumSize(maxAge.isZero() ? 0 : MAX_KEPT).expireAfterWrite(maxAge)
                .build();
        changes.onChange(change -> forget(change.tenantId(), change.accountId(), change.sessionId()));
    }

    /** The user of {@code cookieValue} in this tenant; empty for a malformed, unknown, ended or foreign cookie. */
    public Optional<SignedInUser> resolve(String tenantId, String cookieValue) {
        if (!Secrets.wellFormed(cookieValue)) {
            return Optional.empty();
        }
        Key key = new Key(tenantId, Secrets.sha256(cookieValue));
        Instant now = clock.instant();
        Kept known = kept.getIfPresent(key);
        if (known != null && current(known, now)) {
            return Optional.of(known.user());
        }
        long forgetsBefore = forgets.get();
        Optional<SignedInUser> read = read(tenantId, cookieValue, key.sessionId(), now);
        read.ifPresentOrElse(user -> keep(key, new Kept(user, touchDue(user.session())), forgetsBefore),
                () -> kept.invalidate(key));
        return read;
    }

    /**
     * The user a personal API token acts for in this tenant ({@link ApiTokens#authenticate}: unrevoked, confirmed
     * email, not suspended), with no session; empty for a malformed, unknown, revoked or foreign token. Kept like a
     * session: read again when its once-a-minute use is due to be written down.
     */
    public Optional<SignedInUser> resolveToken(String tenantId, String token) {
        if (token == null || !token.startsWith(ApiTokens.PREFIX)
                || !Secrets.wellFormed(token.substring(ApiTokens.PREFIX.length()))) {
            return Optional.empty();
        }
        // Hashes of cookies and of tokens never meet: a token's hash covers its prefix, which no cookie has.
        Key key = new Key(tenantId, Secrets.sha256(token));
        Instant now = clock.instant();
        Kept known = kept.getIfPresent(key);
        if (known != null && known.touchDue().isAfter(now)) {
            return Optional.of(known.user());
        }
        long forgetsBefore = forgets.get();
        Optional<ApiTokens.Use> use = tokens.use(tenantId, token);
        Optional<SignedInUser> read = use.flatMap(found -> scope.read(tenantId, em -> {
            AccountEntity row = em.find(AccountEntity.class, found.accountId());
            if (row == null) {
                return Optional.<SignedInUser>empty();
            }
            Account account = AccountRows.dto(tenantId, row);
            return Optional.of(new SignedInUser(null, account, admins.isAdmin(em, account)));
        }));
        if (read.isPresent()) {
            keep(key, new Kept(read.get(), use.get().lastUsedAt().plus(Sessions.TOUCH_INTERVAL)), forgetsBefore);
        } else {
            kept.invalidate(key);
        }
        return read;
    }

    /**
     * Drops what is kept of a tenant's signed-in users, for a change made elsewhere (another node, the tenant's
     * configuration).
     *
     * @param tenantId the tenant; null for every tenant
     * @param accountId the account whose sessions or details changed; null for every account of the tenant unless
     *     {@code sessionId} is given
     * @param sessionId the one session that ended, or null
     */
    public void forget(String tenantId, String accountId, String sessionId) {
        // Counted first: a read that started before this forget and is kept after it notices and drops itself.
        forgets.incrementAndGet();
        if (tenantId == null) {
            kept.invalidateAll();
            return;
        }
        if (sessionId != null) {
            kept.invalidate(new Key(tenantId, sessionId));
            if (accountId == null) {
                return;
            }
        }
        kept.asMap().entrySet().removeIf(entry -> entry.getKey().tenantId().equals(tenantId)
                && (accountId == null || entry.getValue().user().account().id().equals(accountId)));
    }

    // A kept session is still good unless its touch is due (read again, which writes it down) or its end has come.
    private static boolean current(Kept known, Instant now) {
        SessionInfo session = known.user().session();
        return known.touchDue().isAfter(now) && session.idleExpiresAt().isAfter(now)
                && session.absoluteExpiresAt().isAfter(now);
    }

    private static Instant touchDue(SessionInfo session) {
        return session.lastSeenAt().plus(Sessions.TOUCH_INTERVAL);
    }

    // The read may have seen the database before a change whose forget ran while it was under way: then it is not
    // kept. A forget that comes after the put finds the entry and drops it itself.
    private void keep(Key key, Kept user, long forgetsBefore) {
        kept.put(key, user);
        if (forgets.get() != forgetsBefore) {
            kept.invalidate(key);
        }
    }

    private Optional<SignedInUser> read(String tenantId, String cookieValue, String id, Instant now) {
        Optional<Found> found = scope.read(tenantId, em -> {
            // One round trip for both rows; the tenant filter applies to each entity.
            List<Object[]> rows = em.createQuery("SELECT s, a FROM SessionEntity s, AccountEntity a"
                    + " WHERE s.id = :id AND a.id = s.accountId AND a.suspendedAt IS NULL", Object[].class).setParameter("id", id).getResultList();
            if (rows.isEmpty() || !((SessionEntity) rows.get(0)[0]).activeAt(now)) {
                return Optional.empty();
            }
            SessionEntity session = (SessionEntity) rows.get(0)[0];
            Account account = AccountRows.dto(tenantId, (AccountEntity) rows.get(0)[1]);
            return Optional.of(new Found(session, account, admins.isAdmin(em, account)));
        });
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Found f = found.get();
        if (f.session().lastSeenAt().plus(Sessions.TOUCH_INTERVAL).isAfter(now)) {
            return Optional.of(new SignedInUser(Sessions.info(tenantId, f.session()), f.account(), f.admin()));
        }
        // Due for its once-a-minute touch: Sessions does that (and notices a revocation that raced this read).
        return sessions.resolve(tenantId, cookieValue).map(info -> new SignedInUser(info, f.account(), f.admin()));
    }
}
