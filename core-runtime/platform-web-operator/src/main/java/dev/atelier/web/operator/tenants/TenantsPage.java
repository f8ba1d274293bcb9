package dev.atelier.web.operator.tenants;

import java.util.List;

/**
 * What {@code operator/tenants.ftlh} shows: the tenants, the form to create one (with what was typed when it was
 * refused), the zip upload, and what the last action did.
 *
 * @param tenants one page of tenants, by slug
 * @param nextCursor the cursor of the next page, or {@code null} on the last
 * @param form the create form's values (blank on a fresh page)
 * @param themes the theme folders a tenant may use
 * @param problems why the last create or upload was refused, one line each; empty otherwise
 * @param notice what the last action did ("Created acme."), or {@code null}
 */
public record TenantsPage(List<TenantView> tenants, String nextCursor, NewTenant form, List<String> themes,
        List<String> problems, String notice) {

    public TenantsPage {
        tenants = List.copyOf(tenants);
        themes = List.copyOf(themes);
        problems = List.copyOf(problems);
    }

    /** The create form as first shown. */
    static NewTenant blankForm() {
        return new NewTenant("", "", "", "", "default");
    }
}
