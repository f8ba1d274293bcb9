package dev.atelier.web.site.legal;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.LegalDraft;
import dev.atelier.legal.documents.LegalDocumentException;
import dev.atelier.legal.documents.UnknownDocumentException;
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
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tenant's legal documents: {@code /legal/<document>} in the tenant's theme, {@code /legal/<document>.txt} as plain
 * text and {@code /legal/<document>.md} as Markdown ({@code privacy}, {@code terms}, or a document of the tenant's own).
 * An unknown document is 404: the themed page for the HTML form, a problem document for the others.
 */
// Under "/" like the accept and version pages: a resource rooted at /legal would take /legal/accept and
// /legal/<document>/v/<n> too, and Jersey does not fall back to another resource after choosing one.
@Path("/")
public final class LegalPagesResource {

    private static final Logger LOG = LoggerFactory.getLogger(LegalPagesResource.class);
    // No braces in the pattern: route catalogues read templates up to the first closing brace. Length is checked later.
    private static final String NAME = "legal/{document: [a-z][a-z0-9-]*}";

    private final PageRenderer pages;
    private final LegalPages documents;

    @Inject
    public LegalPagesResource(PageRenderer pages, LegalPages documents) {
        this.pages = pages;
        this.documents = documents;
    }

    @GET
    @Path(NAME)
    public Response html(@PathParam("document") String document, @Context HttpServletRequest request) {
        return respond(request, document, draft -> {
            Tenant tenant = RequestTenant.required(request);
            String title = DocumentTitles.of(document);
            Map<String, Object> model = pages.model(request, tenant, "/legal/" + document, title);
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("kind", document);
            page.put("title", title);
            page.put("html", draft.html());
            model.put("document", page);
            return pages.signedIn(request) ? pages.renderPrivate(tenant, "legal.ftlh", model, 200)
                    : pages.render(tenant, "legal.ftlh", model, 200);
        });
    }

    @GET
    @Path(NAME + ".txt")
    public Response text(@PathParam("document") String document, @Context HttpServletRequest request) {
        return plain(request, document, "text/plain; charset=utf-8", LegalDraft::text);
    }

    @GET
    @Path(NAME + ".md")
    public Response markdown(@PathParam("document") String document, @Context HttpServletRequest request) {
        return plain(request, document, "text/markdown; charset=utf-8", LegalDraft::markdown);
    }

    private Response plain(HttpServletRequest request, String document, String type,
            Function<LegalDraft, String> format) {
        return respond(request, document, draft -> Response.ok(format.apply(draft), type).build());
    }

    /** The tenant's current {@code document} made into a response, or the themed error page when there is none. */
    private Response respond(HttpServletRequest request, String document, Function<LegalDraft, Response> response) {
        Tenant tenant = RequestTenant.required(request);
        try {
            return response.apply(documents.current(tenant, document));
        } catch (UnknownDocumentException e) {
            // A page of the site like the others: its errors are the themed pages, for the person who followed a link.
            return pages.error(request, tenant, 404, "No such document", "This site has no document of that name.");
        } catch (LegalDocumentException e) {
            LOG.warn("Legal document {} of tenant {} does not render: {}", document, tenant.slug(), e.getMessage());
            return pages.error(request, tenant, 500, "Something went wrong",
                    "This document could not be shown. Please try again in a moment.");
        }
    }
}
