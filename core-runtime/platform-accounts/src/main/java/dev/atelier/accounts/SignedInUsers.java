package dev.atelier.accounts;

import dev.atelier.accounts.internal.AccountEntity;
import dev.atelier.accounts.internal.AccountRows;
import dev.atelier.accounts.internal.Secrets;
import dev.atelier.accounts.internal.SessionEntity;
import dev.atelier.core.tenants.TenantScope;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who a session cookie belongs to, as every signed-in request needs it: the session, its account and whether that
 * account is an admin of the tenant, read through one EntityManager (one connection, no transaction) instead of three.
 * The session's last use is written down through {@link Sessions#resolve} at most once a minute, as there.
 */
public final class SignedInUsers {

    /** A signed-in user of a request. */
    public record SignedInUser(SessionInfo session, Account account, boolean admin) {}

    private record Found(SessionEntity session, Account account, boolean admin) {}

    private final TenantScope scope;
    private final Sessions sessions;
    private final TenantAdmins admins;
    private final Clock clock;

    public SignedInUsers(TenantScope scope, Sessions sessions, TenantAdmins admins, Clock clock) {
        this.scope = scope;
        this.sessions = sessions;
        this.admins = admins;
        this.clock = clock;
    }

    /** The user of {@code cookieValue} in this tenant; empty for a malformed, unknown, ended or foreign cookie. */
    public Optional<SignedInUser> resolve(String tenantId, String cookieValue) {
        if (!Secrets.wellFormed(cookieValue)) {
            return Optional.empty();
        }
        String id = Secrets.sha256(cookieValue);
        Instant now = clock.instant();
        Optional<Found> found = scope.read(tenantId, em -> {
            // One round trip for both rows; the tenant filter applies to each entity.
            List<Object[]> rows = em.createQuery("SELECT s, a FROM SessionEntity s, AccountEntity a"
                    + " WHERE s.id = :id AND a.id = s.accountId", Object[].class).setParameter("id", id).getResultList();
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
