package dev.atelier.web.site.admin;

import dev.atelier.accounts.audit.AdminAudit;
import dev.atelier.accounts.audit.AuditActions;
import dev.atelier.accounts.audit.AuditEntry;
import dev.atelier.accounts.audit.AuditPage;
import dev.atelier.accounts.audit.InvalidAuditCursorException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.auth.AccountServices;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/audit}: every change the tenant's admins made, newest first, filtered by action or admin, a page at
 * a time; {@code ?format=csv} and {@code ?format=json} download the (filtered) log. Tenant admins only; another
 * tenant's entries are never listed.
 */
@Path("/admin/audit")
public final class AdminAuditResource {

    static final int PAGE_SIZE = 50;
    /** Most entries one download holds; the newest are kept. */
    static final int MAX_EXPORT = 10_000;
    private static final int MAX_FILTER_LENGTH = 254;

    private final AdminPages admin;
    private final AdminAudit audit;

    @Inject
    public AdminAuditResource(AdminPages admin, AccountServices accounts) {
        this.admin = admin;
        this.audit = accounts.audit();
    }

    @GET
    public Response page(@QueryParam("action") String action, @QueryParam("actor") String actor,
            @QueryParam("cursor") String cursor, @QueryParam("format") String format,
            @Context HttpServletRequest request) {
        return admin.page(request, tenant -> {
            String act = action != null && AuditActions.ALL.contains(action) ? action : "";
            String who = trimmed(actor);
            try {
                if ("csv".equals(format) || "json".equals(format)) {
                    return download(tenant, act, who, format);
                }
                return render(request, tenant, act, who, audit.list(tenant.id(), act, who, cursor, PAGE_SIZE));
            } catch (InvalidAuditCursorException e) {
                return admin.error(request, tenant, 400, "That page of the log does not exist",
                        "The link is not one this site made. Open the audit log again from the menu.");
            }
        });
    }

    private Response render(HttpServletRequest request, Tenant tenant, String action, String actor, AuditPage page) {
        Map<String, Object> data = admin.data(tenant, "audit", Map.of("action", action, "actor", actor), Map.of(),
                false);
        data.put("entries", page.entries().stream().map(AuditExport::row).toList());
        data.put("actions", AuditActions.ALL);
        String filters = "action=" + url(action) + "&actor=" + url(actor);
        data.put("next", page.nextCursor() == null ? null : "/admin/audit?" + filters + "&cursor=" + page.nextCursor());
        data.put("csv", "/admin/audit?" + filters + "&format=csv");
        data.put("json", "/admin/audit?" + filters + "&format=json");
        return admin.render(request, tenant, "audit", "Audit log", data, 200);
    }

    private Response download(Tenant tenant, String action, String actor, String format) {
        List<AuditEntry> entries = new ArrayList<>();
        String cursor = null;
        do {
            AuditPage page = audit.list(tenant.id(), action, actor, cursor, AdminAudit.MAX_PAGE);
            entries.addAll(page.entries());
            cursor = page.nextCursor();
        } while (cursor != null && entries.size() < MAX_EXPORT);
        List<AuditEntry> kept = entries.size() > MAX_EXPORT ? entries.subList(0, MAX_EXPORT) : entries;
        boolean csv = "csv".equals(format);
        String name = "audit-" + tenant.id() + "-" + LocalDate.now(ZoneOffset.UTC) + (csv ? ".csv" : ".json");
        return Response.ok(csv ? AuditExport.csv(kept) : AuditExport.json(kept))
                .type(csv ? "text/csv; charset=utf-8" : "application/json")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static String trimmed(String value) {
        String stripped = value == null ? "" : value.strip();
        return stripped.length() > MAX_FILTER_LENGTH ? stripped.substring(0, MAX_FILTER_LENGTH) : stripped;
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
