package dev.atelier.web.site.admin;

import dev.atelier.accounts.audit.AdminAudit;
import dev.atelier.accounts.audit.AuditActor;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.auth.AccountServices;
import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.auth.Viewer;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import dev.atelier.web.auth.CsrfTokens;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.MDC;

/**
 * Writes the admin area's changes into the tenant's audit log, naming the signed-in admin and the request. Only
 * called after {@link AdminPages#refuseForm} let the request through, so there always is an admin.
 */
public final class AdminAuditTrail {

    private final AdminAudit audit;

    @Inject
    public AdminAuditTrail(AccountServices accounts) {
        this.audit = accounts.audit();
    }

    /** Records a change committed just before, in a transaction of its own. */
    void record(HttpServletRequest request, Tenant tenant, String action, String target, Map<String, ?> details) {
        audit.record(tenant.id(), actor(request), action, target, details);
    }

    /**
     * The fields of a posted form as the log keeps them: every field but the anti-forgery token and the one-time
     * number, several values of one field joined with commas.
     */
    static Map<String, String> fields(MultivaluedMap<String, String> posted) {
        Map<String, String> fields = new TreeMap<>();
        posted.forEach((name, values) -> {
            if (!CsrfTokens.FIELD.equals(name) && !"nonce".equals(name)) {
                fields.put(name, String.join(", ", values));
            }
        });
        return fields;
    }

    /** The admin making {@code request}'s change, for services that record it with the change itself. */
    static AuditActor actor(HttpServletRequest request) {
        Viewer viewer = RequestAuth.viewer(request)
                .orElseThrow(() -> new IllegalStateException("An admin change without a signed-in admin"));
        // The request id the request's log lines carry, so an entry leads to them.
        return new AuditActor(viewer.account().id(), viewer.account().email(), MDC.get("request_id"));
    }
}
