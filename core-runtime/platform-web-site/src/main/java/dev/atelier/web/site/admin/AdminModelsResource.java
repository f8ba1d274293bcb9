package dev.atelier.web.site.admin;

import dev.atelier.accounts.audit.AuditActions;
import dev.atelier.core.tenants.ConfigProblem;
import dev.atelier.core.tenants.InvalidTenantConfigException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.auth.AuthPages;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /admin/models}: which deployed models the tenant offers, at what price, and how many generations may wait or
 * run at once per user and per tenant. Tenant admins only.
 */
@Path("/admin/models")
@Produces("text/html; charset=utf-8")
public final class AdminModelsResource {

    private final AdminPages admin;
    private final ModelForms forms;
    private final AdminAuditTrail trail;

    @Inject
    public AdminModelsResource(AdminPages admin, ModelForms forms, AdminAuditTrail trail) {
        this.admin = admin;
        this.forms = forms;
        this.trail = trail;
    }

    @GET
    public Response page(@QueryParam("saved") String saved, @Context HttpServletRequest request) {
        return admin.page(request,
                tenant -> render(request, tenant, forms.currentValues(tenant), Map.of(), "1".equals(saved), 200));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> posted, @Context HttpServletRequest request) {
        return admin.form(request, posted, tenant -> save(request, tenant, posted));
    }

    private Response save(HttpServletRequest request, Tenant tenant, MultivaluedMap<String, String> posted) {
        ModelForms.Checked checked = forms.check(tenant, posted);
        if (checked.errors().isEmpty()) {
            try {
                forms.save(tenant, checked);
                trail.record(request, tenant, AuditActions.MODELS_UPDATE, tenant.id(), AdminAuditTrail.fields(posted));
                return AuthPages.redirect("/admin/models?saved=1");
            } catch (InvalidTenantConfigException e) {
                Map<String, String> errors = new LinkedHashMap<>();
                for (ConfigProblem problem : e.problems()) {
                    errors.put(problem.path(), problem.message());
                }
                return render(request, tenant, forms.submittedValues(tenant, posted), errors, false, 422);
            }
        }
        return render(request, tenant, forms.submittedValues(tenant, posted), checked.errors(), false, 422);
    }

    private Response render(HttpServletRequest request, Tenant tenant, Map<String, Object> values,
            Map<String, String> errors, boolean saved, int status) {
        Map<String, Object> data = admin.data(tenant, "models", Map.of(), errors, saved);
        data.put("form", values);
        data.put("models", forms.view(tenant));
        return admin.render(request, tenant, "models", "Models", data, status);
    }
}
