package dev.atelier.web.site.legal;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.versions.LegalVersion;
import dev.atelier.legal.versions.LegalVersions;
import dev.atelier.web.legal.DocumentTitles;
import dev.atelier.web.pages.PageRenderer;
import dev.atelier.web.tenant.RequestTenant;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /legal/<document>/v/<n>}: a published version exactly as it was published, in the tenant's theme, and as
 * plain text ({@code .txt}) and Markdown ({@code .md}) like the current version's pages. A version that does not
 * exist, whatever its number (one past {@code int} too), is the site's themed 404 page, as every page's is.
 */
// Under "/" like the other site pages: a root path of "/legal/..." would take /legal/privacy from them.
@Path("/")
public final class LegalVersionPagesResource {

    private final PageRenderer pages;
    private final LegalVersions versions;

    @Inject
    public LegalVersionPagesResource(PageRenderer pages, LegalVersions versions) {
        this.pages = pages;
        this.versions = versions;
    }

    @GET
    @Path("legal/{document}/v/{number: [0-9]+}")
    public Response page(@PathParam("document") String document, @PathParam("number") String number,
            @Context HttpServletRequest request) {
        Tenant tenant = RequestTenant.required(request);
        Optional<LegalVersion> version = version(tenant, document, number);
        if (version.isEmpty()) {
            return noSuchVersion(request, tenant, number);
        }
        int found = version.get().info().number();
        String path = "/legal/" + document + "/v/" + found;
        Map<String, Object> model = pages.model(request, tenant, path, DocumentTitles.of(document));
        model.put("legalVersion", view(version.get(),
                versions.current(tenant.id(), document).map(c -> c.info().number()).orElse(found)));
        return pages.signedIn(request) ? pages.renderPrivate(tenant, "legal-version.ftlh", model, 200)
                : pages.render(tenant, "legal-version.ftlh", model, 200);
    }

    @GET
    @Path("legal/{document}/v/{number: [0-9]+}.txt")
    public Response text(@PathParam("document") String document, @PathParam("number") String number,
            @Context HttpServletRequest request) {
        return plain(request, document, number, "text/plain; charset=utf-8", false);
    }

    @GET
    @Path("legal/{document}/v/{number: [0-9]+}.md")
    public Response markdown(@PathParam("document") String document, @PathParam("number") String number,
            @Context HttpServletRequest request) {
        return plain(request, document, number, "text/markdown; charset=utf-8", true);
    }

    private Response plain(HttpServletRequest request, String document, String number, String type,
            boolean markdown) {
        Tenant tenant = RequestTenant.required(request);
        return version(tenant, document, number)
                .map(v -> Response.ok(markdown ? v.content().markdown() : v.content().text(), type)
                        // A published version never changes.
                        .header("Cache-Control", "public, max-age=3600").build())
                .orElseGet(() -> noSuchVersion(request, tenant, number));
    }

    /** The version numbered {@code number} (digits, as the path allows), if it exists; none past {@code int}. */
    private Optional<LegalVersion> version(Tenant tenant, String document, String number) {
        try {
            return versions.version(tenant.id(), document, Integer.parseInt(number));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    private Response noSuchVersion(HttpServletRequest request, Tenant tenant, String number) {
        return pages.error(request, tenant, 404, "No such version", "This document has no version "
                + (number.length() > 12 ? "with that number" : number)
                + ". The current one is linked at the foot of every page.");
    }

    /** The {@code legalVersion} of the page: the version's facts, its HTML, and which version is current. */
    static Map<String, Object> view(LegalVersion version, int current) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("document", version.info().document());
        view.put("title", DocumentTitles.of(version.info().document()));
        view.put("number", version.info().number());
        view.put("effectiveDate", version.info().effectiveDate().toString());
        view.put("publishedAt", version.info().publishedAt().toString());
        view.put("html", version.content().html());
        view.put("current", current);
        view.put("isCurrent", current == version.info().number());
        return view;
    }
}
