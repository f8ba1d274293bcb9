package dev.atelier.web.site.admin;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.pages.PageRenderer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Function;

/**
 * What the admin area's page resources share: who may use a page, whether a posted form is current, and rendering
 * {@code admin/<section>.ftlh} with the data every admin page has (the tenant's branding summary, template errors).
 */
public record AdminPages(PageRenderer pages, BrandingForms branding, CsrfTokens csrf) {

    /** The answer for someone who may not use the admin area of this host, or {@code null} for a tenant admin. */
    Response refuse(HttpServletRequest request) {
        return AdminAccess.refuse(pages, request);
    }

    /** {@link #refuse}, and for an admin the answer to a form whose anti-forgery token is not current. */
    Response refuseForm(HttpServletRequest request, String csrfToken) {
        Response refused = refuse(request);
        if (refused == null && !csrf.valid(request, csrfToken)) {
            return AdminAccess.expired(pages, request);
        }
        return refused;
    }

    /** {@link #refuse}, or for a tenant admin {@code answer} for the tenant of this host. */
    Response page(HttpServletRequest request, Function<Tenant, Response> answer) {
        Response refused = refuse(request);
        return refused != null ? refused : answer.apply(AdminAccess.tenant(request));
    }

    /**
     * {@link #refuseForm} for a form {@code posted} with its anti-forgery token in the usual field, or for a tenant
     * admin's current form {@code answer} for the tenant of this host.
     */
    Response form(HttpServletRequest request, MultivaluedMap<String, String> posted,
            Function<Tenant, Response> answer) {
        Response refused = refuseForm(request, posted.getFirst(CsrfTokens.FIELD));
        return refused != null ? refused : answer.apply(AdminAccess.tenant(request));
    }

    /** The data every admin page has, for {@code section}, with a form's values and errors. */
    Map<String, Object> data(Tenant tenant, String section, Map<String, String> form, Map<String, String> errors,
            boolean saved) {
        return branding.adminModel(tenant, section, form, errors, false, saved);
    }

    /** Renders {@code admin/<section>.ftlh} at {@code /admin/<section>} with {@code data} as its {@code admin}. */
    Response render(HttpServletRequest request, Tenant tenant, String section, String title,
            Map<String, Object> data, int status) {
        Map<String, Object> model = pages.model(request, tenant, "/admin/" + section, title);
        model.put("admin", data);
        return pages.renderPrivate(tenant, "admin/" + section + ".ftlh", model, status);
    }

    Response error(HttpServletRequest request, Tenant tenant, int status, String title, String detail) {
        return pages.error(request, tenant, status, title, detail);
    }
}
