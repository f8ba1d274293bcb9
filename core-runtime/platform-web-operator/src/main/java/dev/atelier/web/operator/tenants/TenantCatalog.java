package dev.atelier.web.operator.tenants;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.web.Page;
import dev.atelier.web.Pagination;
import dev.atelier.web.auth.Links;
import dev.atelier.web.problem.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/** The tenants with their usage and admin links, by slug, a page at a time; the console and the API share it. */
public final class TenantCatalog {

    private final TenantDirectory directory;
    private final TenantUsages usages;
    private final Links links;

    public TenantCatalog(TenantDirectory directory, TenantUsages usages, Links links) {
        this.directory = directory;
        this.usages = usages;
        this.links = links;
    }

    /** One page of tenants ordered by slug; a bad cursor is a 400 problem, a bad limit 422. */
    public Page<TenantView> page(Integer limit, String cursor, HttpServletRequest request) {
        Map<String, TenantUsage> usage = usages.all();
        return Pagination.page(directory.all().stream().map(t -> view(t, usage, request)).toList(),
                TenantView::slug, limit, cursor);
    }

    /** One tenant; 404 problem when there is none. */
    public TenantView one(String slug, HttpServletRequest request) {
        Tenant tenant = directory.bySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("There is no tenant \"" + slug + "\"."));
        return view(tenant, usages.all(), request);
    }

    /** The view of a tenant just changed, with its usage. */
    public TenantView view(Tenant tenant, HttpServletRequest request) {
        return view(tenant, usages.all(), request);
    }

    private TenantView view(Tenant tenant, Map<String, TenantUsage> usage, HttpServletRequest request) {
        return TenantView.of(tenant, usage.getOrDefault(tenant.id(), TenantUsage.NONE),
                links.forMail(tenant, request, "/admin"));
    }
}
