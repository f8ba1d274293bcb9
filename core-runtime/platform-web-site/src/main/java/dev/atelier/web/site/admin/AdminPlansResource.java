package dev.atelier.web.site.admin;

import dev.atelier.accounts.audit.AuditActions;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings.Plan;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.pages.Prices;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/plans}: the plans and top-up packs the tenant sells (archived ones apart), a form to add or edit one,
 * and archiving. Saved into the tenant's stored configuration like the other admin pages. Tenant admins only.
 */
@Path("/admin/plans")
@Produces("text/html; charset=utf-8")
public final class AdminPlansResource {

    private static final String SECTION = "plans";

    private final AdminPages admin;
    private final PlanForms forms;
    private final AdminAuditTrail trail;

    @Inject
    public AdminPlansResource(AdminPages admin, PlanForms forms, AdminAuditTrail trail) {
        this.admin = admin;
        this.forms = forms;
        this.trail = trail;
    }

    @GET
    public Response page(@QueryParam("edit") String edit, @QueryParam("saved") String saved,
            @Context HttpServletRequest request) {
        return admin.page(request, tenant -> page(request, tenant, edit, saved));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> posted, @Context HttpServletRequest request) {
        return admin.form(request, posted, tenant -> save(request, tenant, posted));
    }

    @POST
    @Path("archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archive(MultivaluedMap<String, String> posted, @Context HttpServletRequest request) {
        return admin.form(request, posted, tenant -> archive(request, tenant, posted));
    }

    private Response page(HttpServletRequest request, Tenant tenant, String edit, String saved) {
        if (edit == null) {
            return render(request, tenant, PlanForms.blank(), Map.of(), saved, 200);
        }
        Optional<Plan> plan = PlanForms.find(tenant, edit);
        return plan.isEmpty() ? notFound(request, tenant)
                : render(request, tenant, PlanForms.values(tenant, plan.get()), Map.of(), null, 200);
    }

    private Response save(HttpServletRequest request, Tenant tenant, MultivaluedMap<String, String> posted) {
        PlanForms.Checked checked = forms.check(tenant, posted);
        Map<String, String> errors = checked.errors().isEmpty() ? forms.save(tenant, checked) : checked.errors();
        if (errors.isEmpty()) {
            trail.record(request, tenant, AuditActions.PLAN_SAVE, checked.plan().id(), AdminAuditTrail.fields(posted));
            return AuthPages.redirect("/admin/plans?saved=" + encode(checked.plan().id()));
        }
        return render(request, tenant, PlanForms.submitted(posted), errors, null, 422);
    }

    private Response archive(HttpServletRequest request, Tenant tenant, MultivaluedMap<String, String> posted) {
        String id = posted.getFirst(PlanForms.ID);
        if (id == null || PlanForms.find(tenant, id).isEmpty()) {
            return notFound(request, tenant);
        }
        boolean archived = !"0".equals(posted.getFirst("archived"));
        Map<String, String> errors = forms.archive(tenant, id, archived);
        if (errors.isEmpty()) {
            trail.record(request, tenant, archived ? AuditActions.PLAN_ARCHIVE : AuditActions.PLAN_UNARCHIVE, id,
                    Map.of());
            return AuthPages.redirect("/admin/plans?saved=" + encode(id));
        }
        return render(request, tenant, PlanForms.blank(), errors, null, 422);
    }

    private Response notFound(HttpServletRequest request, Tenant tenant) {
        return admin.error(request, tenant, 404, "No such plan",
                "Your site has no plan or top-up with that id. Pick one on the plans page.");
    }

    private Response render(HttpServletRequest request, Tenant tenant, Map<String, String> form,
            Map<String, String> errors, String saved, int status) {
        Map<String, Object> data = admin.data(tenant, SECTION, form, errors, saved != null);
        List<Plan> plans = PlanForms.plans(tenant);
        data.put("plans", plans.stream().filter(p -> !p.archived()).map(p -> row(tenant, p)).toList());
        data.put("archived", plans.stream().filter(Plan::archived).map(p -> row(tenant, p)).toList());
        data.put("savedId", saved == null ? "" : saved);
        data.put("currency", PlanForms.currency(tenant));
        data.put("example", MoneyInput.typed(1299, PlanForms.currency(tenant)));
        data.put("provider", PlanForms.provider(tenant).orElse(""));
        return admin.render(request, tenant, SECTION, "Plans & top-ups", data, status);
    }

    private static Map<String, Object> row(Tenant tenant, Plan plan) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", plan.id());
        row.put("name", plan.name());
        row.put("kind", plan.interval() == null ? "Top-up" : "month".equals(plan.interval()) ? "Monthly plan"
                : "Yearly plan");
        row.put("price", Prices.format(plan.priceMinor(), plan.currency()));
        row.put("credits", plan.credits());
        row.put("highlighted", plan.highlighted());
        row.put("priority", plan.priority());
        row.put("lasts", lasts(plan));
        row.put("providerPrice", PlanForms.provider(tenant).map(p -> plan.prices().get(p)).orElse(null));
        return row;
    }

    /** How long the credits last, as the table says it. */
    private static String lasts(Plan plan) {
        if (plan.interval() == null) {
            return plan.validDays() == null ? "Never expire" : plan.validDays() + " days from purchase";
        }
        if (plan.rolloverMax() == Plan.ROLLOVER_ALL) {
            return "One period; all unused credits carry over";
        }
        return plan.rolloverMax() > 0 ? "One period; up to " + plan.rolloverMax() + " unused credits carry over"
                : "One period";
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
