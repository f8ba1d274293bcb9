package dev.atelier.launcher.isolation;

import static java.util.Map.entry;

import java.util.Map;

/**
 * The reviewed list of what the platform serves that is not tenant-owned, each with the reason: routes, servlets and
 * filters that address no thing of a tenant or one of its users, so an isolation case would have nothing to create.
 * Everything else the running platform serves must be named by an {@link IsolationCase}. Adding an entry here is a
 * security decision: say why nobody's thing can be reached through it.
 */
final class NotTenantOwned {

    private static final String PUBLIC_PAGE = "a public page of the host's own tenant, the same for every visitor;"
            + " it addresses nothing by id (its cached copies are the CachedPageFilter's case)";
    private static final String ENTRY = "an entry point: it acts on the credentials posted or brought to this host,"
            + " which find only this host's tenant's accounts (signin.CrossTenantAccountsTest)";
    private static final String OPERATOR = "the operator API: platform-wide bundles and models, for the operator token"
            + " only, refused on tenant hosts";
    private static final String LEGAL_VERSION = "a published version of the host's own tenant's legal document, public"
            + " like /legal/privacy; versions are looked up within the host's tenant only (legal.LegalConsentTest)";
    private static final String OWN_ACCEPTANCE = "acts on the signed-in requester's own acceptances of the host's"
            + " own tenant's documents; it addresses no one else's (legal.LegalConsentTest)";
    private static final String CONSOLE = "the operator console, on the operator host only: no tenant's things";
    private static final String TENANTS = "the operator's tenants: platform-wide, for the operator token (pages: its"
            + " cookie and the console's own origin) only, on the operator host only (operators.OperatorTenantsTest)";

    static final Map<String, String> REASONS = Map.ofEntries(
            entry("GET /healthz", "process liveness: no tenant data"),
            entry("GET /readyz", "process readiness (database, plugin host): no tenant data"),
            entry("GET /static/{theme}/{hash}/{path}", "theme files shared by every tenant using the theme, public"),
            entry("GET /brand/style.css", "the host's own tenant's colours, public; addresses no other tenant"),
            entry("GET /api/v1/openapi.json", "the OpenAPI document of the JSON API: describes routes, no tenant's"
                    + " data, the same on every host"),
            entry("GET /api/v1/models", "the models deployed on the platform, the same list on every host"),
            entry("GET /api/v1/models/{id}", "one deployed model, platform-wide, the same on every host"),
            entry("GET /", PUBLIC_PAGE),
            entry("GET /pricing", PUBLIC_PAGE),
            entry("GET /legal/{document}", PUBLIC_PAGE),
            entry("GET /legal/{document}.txt", PUBLIC_PAGE),
            entry("GET /legal/{document}.md", PUBLIC_PAGE),
            entry("GET /legal/{document}/v/{number}", LEGAL_VERSION),
            entry("GET /legal/{document}/v/{number}.txt", LEGAL_VERSION),
            entry("GET /legal/{document}/v/{number}.md", LEGAL_VERSION),
            entry("GET /legal/accept", OWN_ACCEPTANCE),
            entry("POST /legal/accept", OWN_ACCEPTANCE),
            entry("POST /legal/notices/dismiss", OWN_ACCEPTANCE),
            entry("GET /signin", ENTRY),
            entry("POST /signin", ENTRY),
            entry("POST /signout", "ends the session the request brings, on this host only"),
            entry("GET /signup", ENTRY),
            entry("POST /signup", ENTRY),
            entry("GET /signup/done", "a confirmation page with no account data"),
            entry("GET /reset", ENTRY),
            entry("GET /signin/google", ENTRY),
            entry("GET /signin/google/callback", ENTRY + "; the state cookie binds it to this host"
                    + " (signin.GoogleSignInTest)"),
            entry("POST /api/v1/auth/signin", ENTRY),
            entry("POST /api/v1/auth/signout", "ends the session the request brings, on this host only"),
            entry("POST /api/v1/payments/{provider}/webhook", "a payment provider's entry for this host's tenant:"
                    + " believed only when signed with that tenant's secret, and what an event names is looked up"
                    + " within that tenant alone (billing.PaymentEventsTest, billing.SandboxPurchaseTest)"),
            entry("GET /operator", CONSOLE),
            entry("GET /operator/signin", CONSOLE),
            entry("POST /operator/signin", CONSOLE),
            entry("POST /operator/signout", CONSOLE),
            entry("GET /operator/bundles", CONSOLE),
            entry("POST /operator/bundles", CONSOLE),
            entry("POST /operator/bundles/{name}/canary", CONSOLE),
            entry("POST /operator/bundles/{name}/rollback", CONSOLE),
            entry("POST /operator/bundles/{name}/uninstall", CONSOLE),
            entry("POST /operator/bundles/{name}/canary/promote", CONSOLE),
            entry("POST /operator/bundles/{name}/canary/rollback", CONSOLE),
            entry("GET /operator/tenants", TENANTS),
            entry("POST /operator/tenants", TENANTS),
            entry("POST /operator/tenants/upload", TENANTS),
            entry("POST /operator/tenants/{slug}/suspend", TENANTS),
            entry("POST /operator/tenants/{slug}/resume", TENANTS),
            entry("GET /operator/health", CONSOLE),
            entry("GET /metrics", "platform-wide figures for Prometheus, for the operator token only, on the operator"
                    + " host only; tenants are named by slug, nothing of their users (operators"
                    + ".OperatorHealthAndMetricsTest)"),
            entry("GET /api/v1/operator/tenants", TENANTS),
            entry("POST /api/v1/operator/tenants", TENANTS),
            entry("GET /api/v1/operator/tenants/{slug}", TENANTS),
            entry("POST /api/v1/operator/tenants/{slug}/suspend", TENANTS),
            entry("POST /api/v1/operator/tenants/{slug}/resume", TENANTS),
            entry("GET /api/v1/operator/bundles", OPERATOR),
            entry("POST /api/v1/operator/bundles", OPERATOR),
            entry("GET /api/v1/operator/bundles/{name}", OPERATOR),
            entry("DELETE /api/v1/operator/bundles/{name}", OPERATOR),
            entry("POST /api/v1/operator/bundles/{name}/rollback", OPERATOR),
            entry("GET /api/v1/operator/bundles/{name}/versions", OPERATOR),
            entry("POST /api/v1/operator/bundles/{name}/canary", OPERATOR),
            entry("GET /api/v1/operator/bundles/{name}/canary", OPERATOR),
            entry("POST /api/v1/operator/bundles/{name}/canary/promote", OPERATOR),
            entry("POST /api/v1/operator/bundles/{name}/canary/rollback", OPERATOR),
            entry("GET /api/v1/operator/deployments", OPERATOR),
            entry("GET /api/v1/operator/rate-limits", OPERATOR),
            entry("GET /api/v1/operator/models/{id}/preview", OPERATOR),
            entry("servlet ServletContainer /*", "Jersey: serves the routes of its resource model, each listed here or"
                    + " named by a case"),
            entry("servlet Default404Servlet /", "Jetty's fallback for paths no servlet maps; Jersey maps every path,"
                    + " and the fallback serves nothing but 404"),
            entry("filter LongUriFilter", "refuses over-long addresses before routing; serves no content"),
            entry("filter AmbiguousPathFilter", "refuses ambiguous paths before routing; serves no content"),
            entry("filter BodySizeFilter", "refuses bodies over the route's limit; serves no content"));

    private NotTenantOwned() {}
}
