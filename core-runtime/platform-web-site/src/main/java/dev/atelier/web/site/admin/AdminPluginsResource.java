package dev.atelier.web.site.admin;

import dev.atelier.accounts.audit.AuditActions;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.plugins.DescribedPlugin;
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
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/plugins}: the settings of each plugin the tenant's configuration names, as the deployed plugin declares
 * them, with what is wrong with the tenant's values and who processes personal data through the plugin; each deployed
 * plugin's form saves its settings. Tenant admins only.
 */
@Path("/admin/plugins")
@Produces("text/html; charset=utf-8")
public final class AdminPluginsResource {

    private final AdminPages admin;
    private final PluginForms forms;
    private final AdminAuditTrail trail;

    @Inject
    public AdminPluginsResource(AdminPages admin, PluginForms forms, AdminAuditTrail trail) {
        this.admin = admin;
        this.forms = forms;
        this.trail = trail;
    }

    @GET
    public Response page(@QueryParam("saved") String saved, @Context HttpServletRequest request) {
        return admin.page(request, tenant -> render(request, tenant, null, "1".equals(saved), 200));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> posted, @Context HttpServletRequest request) {
        return admin.form(request, posted, tenant -> save(request, tenant, posted));
    }

    private Response save(HttpServletRequest request, Tenant tenant, MultivaluedMap<String, String> posted) {
        String section = posted.getFirst("section");
        String pluginId = posted.getFirst("plugin");
        Optional<DescribedPlugin> plugin = section == null || pluginId == null ? Optional.empty()
                : forms.find(tenant, section, pluginId);
        if (plugin.isEmpty()) {
            return admin.error(request, tenant, 404, "No such plugin",
                    "Your configuration names no deployed plugin of that name here.");
        }
        Optional<PluginForms.Refused> problems = forms.save(tenant, plugin.get(), posted);
        if (problems.isEmpty()) {
            // Setting names only: the values may be secrets, which never leave the encrypted settings.
            trail.record(request, tenant, AuditActions.PLUGIN_SETTINGS, section + ":" + pluginId,
                    Map.of("settings", String.join(", ", AdminAuditTrail.fields(posted).keySet())));
            return AuthPages.redirect("/admin/plugins?saved=1");
        }
        return render(request, tenant, problems.get(), false, 422);
    }

    private Response render(HttpServletRequest request, Tenant tenant, PluginForms.Refused refused, boolean saved,
            int status) {
        Map<String, Object> data = admin.data(tenant, "plugins", Map.of(), Map.of(), saved);
        data.put("plugins", forms.view(tenant, refused));
        return admin.render(request, tenant, "plugins", "Plugin settings", data, status);
    }
}
