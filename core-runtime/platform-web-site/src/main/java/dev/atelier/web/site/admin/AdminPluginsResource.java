package dev.atelier.web.site.admin;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.tenant.TenantPluginDescriptions;
import dev.atelier.web.pages.PageRenderer;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /admin/plugins}: the settings of each plugin the tenant's configuration names, as the deployed plugin declares
 * them, with what is wrong with the tenant's values and who processes personal data through the plugin. Tenant admins
 * only. The values come from the tenant folder, so the form shows them without saving.
 */
@Path("/admin/plugins")
@Produces("text/html; charset=utf-8")
public final class AdminPluginsResource {

    private final PageRenderer pages;
    private final BrandingForms admin;
    private final TenantPluginDescriptions plugins;

    @Inject
    public AdminPluginsResource(PageRenderer pages, BrandingForms admin, TenantPluginDescriptions plugins) {
        this.pages = pages;
        this.admin = admin;
        this.plugins = plugins;
    }

    @GET
    public Response page(@Context HttpServletRequest request) {
        Response refused = AdminAccess.refuse(pages, request);
        if (refused != null) {
            return refused;
        }
        Tenant tenant = AdminAccess.tenant(request);
        Map<String, Object> model = pages.model(request, tenant, "/admin/plugins", "Plugin settings");
        Map<String, Object> view = new LinkedHashMap<>(admin.adminModel(tenant, "plugins", Map.of(), Map.of(), false,
                false));
        view.put("plugins", plugins.of(tenant).stream().map(PluginSettingsView::of).toList());
        model.put("admin", view);
        return pages.renderPrivate(tenant, "admin/plugins.ftlh", model, 200);
    }
}
