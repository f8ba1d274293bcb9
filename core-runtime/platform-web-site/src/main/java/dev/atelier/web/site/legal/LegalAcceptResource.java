package dev.atelier.web.site.legal;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.versions.Acceptances;
import dev.atelier.legal.versions.DocumentStanding;
import dev.atelier.legal.versions.LegalVersions;
import dev.atelier.web.auth.AccountFlows;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.auth.NextPath;
import dev.atelier.web.auth.Viewer;
import dev.atelier.web.legal.AcceptanceGate;
import dev.atelier.web.legal.DiffLines;
import dev.atelier.web.legal.DocumentTitles;
import dev.atelier.web.pages.PageRenderer;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /legal/accept}: where a signed-in user accepts the versions their tenant published in "require" mode, with
 * what changed since the version they accepted before; and {@code /legal/notices/dismiss}, which closes the banner of a
 * version published in "notify" mode. The accept form names the versions it showed: if a newer one was published in
 * between, the page is shown again with it instead of recording an acceptance of text the user did not see.
 */
// Under "/" like the other site pages: a root path of "/legal" would take /legal/privacy from them.
@Path("/")
@Produces("text/html; charset=utf-8")
public final class LegalAcceptResource {

    private static final String FALLBACK = "/create";

    private final AccountFlows flows;
    private final PageRenderer pages;
    private final Acceptances acceptances;
    private final LegalVersions versions;

    @Inject
    public LegalAcceptResource(AccountFlows flows, PageRenderer pages, Acceptances acceptances,
            LegalVersions versions) {
        this.flows = flows;
        this.pages = pages;
        this.acceptances = acceptances;
        this.versions = versions;
    }

    @GET
    @Path("legal/accept")
    public Response page(@QueryParam("next") String next, @Context HttpServletRequest request) {
        return AuthPages.signedIn(request, viewer -> render(request, viewer, NextPath.of(next, FALLBACK), false,
                200));
    }

    @POST
    @Path("legal/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@FormParam("accept") List<String> shown, @FormParam("next") String next,
            @FormParam(CsrfTokens.FIELD) String token, @Context HttpServletRequest request) {
        return flows.signedInPost(request, token, viewer -> {
            Tenant tenant = AuthPages.tenant(request);
            String after = NextPath.of(next, FALLBACK);
            List<DocumentStanding> pending = pending(tenant, viewer);
            Set<String> seen = new HashSet<>(shown == null ? List.of() : shown);
            if (!pending.stream().allMatch(s -> seen.contains(key(s)))) {
                return render(request, viewer, after, true, 409);
            }
            for (DocumentStanding standing : pending) {
                acceptances.accept(tenant.id(), viewer.account().id(), standing.current().document(),
                        standing.current().number(), request.getRemoteAddr());
            }
            return AuthPages.redirect(after);
        });
    }

    @POST
    @Path("legal/notices/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dismiss(@FormParam("document") String document, @FormParam("version") String version,
            @FormParam("next") String next, @FormParam(CsrfTokens.FIELD) String token,
            @Context HttpServletRequest request) {
        return flows.signedInPost(request, token, viewer -> {
            if (document != null && version != null && version.matches("[0-9]{1,9}")) {
                acceptances.dismiss(AuthPages.tenant(request).id(), viewer.account().id(), document,
                        Integer.parseInt(version));
            }
            return AuthPages.redirect(NextPath.of(next, "/"));
        });
    }

    private Response render(HttpServletRequest request, Viewer viewer, String next, boolean changed, int status) {
        Tenant tenant = AuthPages.tenant(request);
        List<Map<String, Object>> documents = pending(tenant, viewer).stream()
                .map(standing -> document(tenant, standing)).toList();
        Map<String, Object> model = pages.model(request, tenant, AcceptanceGate.ACCEPT_PATH,
                "Updated terms");
        Map<String, Object> accept = new LinkedHashMap<>();
        accept.put("documents", documents);
        accept.put("next", next);
        accept.put("changed", changed);
        model.put("accept", accept);
        return pages.renderPrivate(tenant, "legal-accept.ftlh", model, status);
    }

    private List<DocumentStanding> pending(Tenant tenant, Viewer viewer) {
        return acceptances.standings(tenant.id(), viewer.account().id()).stream().filter(DocumentStanding::mustAccept)
                .toList();
    }

    private Map<String, Object> document(Tenant tenant, DocumentStanding standing) {
        Map<String, Object> document = new LinkedHashMap<>();
        String name = standing.current().document();
        int number = standing.current().number();
        document.put("key", key(standing));
        document.put("title", DocumentTitles.of(name));
        document.put("number", number);
        document.put("effectiveDate", standing.current().effectiveDate().toString());
        document.put("href", "/legal/" + name + "/v/" + number);
        document.put("accepted", standing.accepted());
        if (standing.acceptedEarlier()) {
            document.put("changes", versions.diff(tenant.id(), name, standing.accepted(), number)
                    .map(DiffLines::of).orElse(List.of()));
        }
        return document;
    }

    private static String key(DocumentStanding standing) {
        return standing.current().document() + ":" + standing.current().number();
    }
}
