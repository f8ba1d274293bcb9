package dev.atelier.launcher.isolation;

import java.util.List;

/**
 * Every isolation case, with the routes each proves; {@link CrossTenantIsolationTest} runs each and checks that
 * together they cover every tenant-owned route, servlet and filter of the running platform.
 */
final class IsolationCases {

    static final List<IsolationCase> ALL = List.of(
            new IsolationCase("generations", GenerationCase::create,
                    List.of("POST /api/v1/generations", "GET /api/v1/generations", "GET /api/v1/generations/{id}",
                            "GET /api/v1/generations/{id}/events", "POST /api/v1/generations/{id}/cancel",
                            "DELETE /api/v1/generations/{id}", "GET /create", "POST /create", "GET /gallery",
                            "GET /gallery/{id}", "POST /gallery/{id}/cancel", "POST /gallery/{id}/delete",
                            "POST /hooks/generations/{job}/{attempt}/{signature}",
                            // Hands the events route's checked streams from Jersey to the asynchronous writer.
                            "filter StreamHandOff")),
            new IsolationCase("media links", MediaLinkCase::create,
                    List.of("GET /media/{key}")),
            new IsolationCase("uploads", UploadCase::create,
                    List.of("POST /api/v1/uploads")),
            new IsolationCase("account pages", AccountCase::create,
                    List.of("GET /account", "GET /api/v1/account", "GET /account/billing", "POST /account/profile",
                            "POST /account/email", "POST /account/password", "POST /account/delete",
                            "POST /account/verify/resend")),
            new IsolationCase("sessions", SessionCase::create,
                    List.of("GET /api/v1/account/sessions", "DELETE /api/v1/account/sessions/{id}",
                            "POST /account/sessions/{id}/revoke", "POST /account/sessions/revoke-others")),
            new IsolationCase("API tokens", ApiTokenCase::create,
                    List.of("POST /api/v1/account/tokens", "GET /api/v1/account/tokens",
                            "DELETE /api/v1/account/tokens/{id}", "POST /account/tokens",
                            "POST /account/tokens/{id}/revoke")),
            new IsolationCase("data export", DataExportCase::create,
                    List.of("GET /account/export", "GET /api/v1/account/export")),
            new IsolationCase("purchases", BillingCase::create,
                    List.of("GET /billing/checkout", "POST /billing/checkout", "GET /billing/sandbox/checkout/{id}",
                            "POST /billing/sandbox/checkout/{id}", "POST /billing/sandbox/renew",
                            "GET /account/billing/receipts/{id}", "POST /api/v1/billing/checkouts",
                            "GET /api/v1/billing/payments", "GET /api/v1/billing/subscription",
                            "GET /admin/payments", "POST /admin/payments/refund", "GET /admin/plans",
                            "POST /admin/plans", "POST /admin/plans/archive", "POST /account/billing/portal",
                            "POST /api/v1/billing/portal-sessions", "GET /billing/sandbox/portal",
                            "POST /billing/sandbox/portal", "POST /admin/payments/subscriptions/{id}/renew")),
            new IsolationCase("credits", CreditsCase::create,
                    List.of("GET /api/v1/credits", "GET /admin/users", "POST /admin/users/grant",
                            "GET /admin/users/{id}", "POST /admin/users/{id}/suspend", "POST /admin/users/{id}/resume",
                            "POST /admin/users/{id}/sessions/revoke")),
            new IsolationCase("admin pages", AdminCase::create,
                    List.of("GET /admin", "GET /admin/branding", "POST /admin/branding", "GET /admin/models",
                            "POST /admin/models", "GET /admin/plugins", "POST /admin/plugins", "GET /admin/legal",
                            "POST /admin/legal", "GET /admin/audit")),
            new IsolationCase("mailed links", MailedLinkCase::create,
                    List.of("GET /verify", "POST /reset", "GET /reset/confirm", "POST /reset/confirm",
                            "GET /account/email/confirm")),
            new IsolationCase("brand logos", BrandLogoCase::create,
                    List.of("GET /brand/{file}")),
            new IsolationCase("cached pages", CachedPageCase::create,
                    List.of("filter CachedPageFilter")),
            new IsolationCase("shared signed-in pages", SignedInPageCase::create,
                    List.of("filter SignedInPageFilter")));

    private IsolationCases() {}
}
