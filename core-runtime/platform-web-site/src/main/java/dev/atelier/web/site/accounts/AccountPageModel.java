package dev.atelier.web.site.accounts;

import dev.atelier.web.auth.AccountServices;
import dev.atelier.web.auth.Viewer;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.ApiTokenInfo;
import dev.atelier.accounts.Identity;
import dev.atelier.accounts.SessionInfo;
import dev.atelier.core.tenants.Tenant;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code account} entry of the account page's data. */
final class AccountPageModel {

    private final AccountServices services;

    AccountPageModel(AccountServices services) {
        this.services = services;
    }

    Map<String, Object> of(Tenant tenant, Viewer viewer, String newToken) {
        Account account = services.accounts().find(tenant.id(), viewer.account().id()).orElse(viewer.account());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("profile", profile(account));
        model.put("methods", methods(tenant, account));
        List<SessionInfo> sessions = services.sessions().list(tenant.id(), account.id());
        model.put("sessions", sessions.stream().map(s -> session(s, viewer)).toList());
        model.put("tokens", services.apiTokens().list(tenant.id(), account.id()).stream()
                .filter(t -> t.revokedAt() == null).map(t -> token(t, sessions, viewer)).toList());
        model.put("newToken", newToken);
        model.put("reauthWithGoogle", !account.hasPassword());
        return model;
    }

    private static Map<String, Object> profile(Account account) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("displayName", account.displayName());
        map.put("email", account.email());
        map.put("emailVerified", account.emailVerified());
        map.put("createdAt", iso(account.createdAt()));
        return map;
    }

    private Map<String, Object> methods(Tenant tenant, Account account) {
        List<Map<String, Object>> identities = services.externalSignIns().identities(tenant.id(), account.id())
                .stream().map(AccountPageModel::identity).toList();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("password", account.hasPassword());
        map.put("identities", identities);
        return map;
    }

    private static Map<String, Object> identity(Identity identity) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("provider", identity.provider());
        map.put("email", identity.email());
        map.put("createdAt", iso(identity.createdAt()));
        return map;
    }

    private static Map<String, Object> session(SessionInfo session, Viewer viewer) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", session.id());
        map.put("current", viewer.session() != null && viewer.session().id().equals(session.id()));
        map.put("createdAt", iso(session.createdAt()));
        map.put("lastSeenAt", iso(session.lastSeenAt()));
        map.put("userAgent", session.userAgent());
        map.put("ip", session.ip());
        return map;
    }

    /** A token, with the session it was created in ({@code createdIn}; absent for older tokens) so owners can tell. */
    private static Map<String, Object> token(ApiTokenInfo token, List<SessionInfo> activeSessions, Viewer viewer) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (token.createdBy() != null) {
            Map<String, Object> createdIn = activeSessions.stream().filter(s -> s.id().equals(token.createdBy()))
                    .findFirst().map(s -> session(s, viewer)).orElseGet(LinkedHashMap::new);
            createdIn.put("active", !createdIn.isEmpty());
            map.put("createdIn", createdIn);
        }
        map.put("id", token.id());
        map.put("name", token.name());
        map.put("prefix", token.prefix());
        map.put("createdAt", iso(token.createdAt()));
        map.put("lastUsedAt", iso(token.lastUsedAt()));
        return map;
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
