package dev.atelier.web.site.admin;

import dev.atelier.accounts.audit.AuditActions;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.documents.LegalDocumentException;
import dev.atelier.legal.documents.LegalDocuments;
import dev.atelier.legal.documents.UnknownDocumentException;
import dev.atelier.legal.drift.LegalDrift;
import dev.atelier.legal.versions.LegalVersions;
import dev.atelier.legal.versions.VersionDiff;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.legal.DiffLines;
import dev.atelier.web.legal.DocumentTitles;
import dev.atelier.web.tenant.SiteSetup;
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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin/legal}: each legal document's published versions and the diff of any two
 * ({@code ?document=terms&from=1&to=3}); the editor of a document's template ({@code ?edit=terms}) with Preview (the
 * rendering in the site's theme, or the template's problem with its line and column) and Publish (effective date,
 * notify or require acceptance; once per form shown); and, for each published document whose disclosures no longer
 * match the site's configuration, the regenerated draft's diff with a one-click publish. Tenant admins only.
 */
@Path("/admin/legal")
@Produces("text/html; charset=utf-8")
public final class AdminLegalResource {

    private static final String SECTION = "legal";
    private static final Logger LOG = LoggerFactory.getLogger(AdminLegalResource.class);

    private final AdminPages admin;
    private final LegalVersions versions;
    private final LegalDocuments documents;
    private final LegalAdminView view;
    private final LegalEditor editor;
    private final AdminAuditTrail trail;

    @Inject
    public AdminLegalResource(AdminPages admin, LegalVersions versions, LegalDocuments documents, LegalDrift drift,
            SiteSetup setup, AdminAuditTrail trail) {
        this.admin = admin;
        this.trail = trail;
        this.versions = versions;
        this.documents = documents;
        this.view = new LegalAdminView(versions, documents, drift);
        this.editor = new LegalEditor(documents, versions, setup.templates());
    }

    @GET
    public Response page(@QueryParam("document") String document, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("edit") String edit,
            @QueryParam("published") String published, @QueryParam("version") String version,
            @Context HttpServletRequest request) {
        return admin.page(request, tenant -> {
            Map<String, Object> data = view.data(admin.data(tenant, SECTION, Map.of(), Map.of(), false), tenant);
            if (published != null && number(version) > 0) {
                data.put("published", Map.of("title", DocumentTitles.of(published), "number", number(version),
                        "href", "/legal/" + published + "/v/" + number(version)));
            }
            if (edit != null) {
                Optional<Map<String, Object>> opened = view.editor(tenant, edit);
                if (opened.isEmpty()) {
                    return noSuchDocument(request, tenant);
                }
                data.put("editor", opened.get());
            }
            int status = 200;
            if (document != null && number(from) > 0 && number(to) > 0) {
                status = diff(tenant, document, number(from), number(to), data);
            }
            return admin.render(request, tenant, SECTION, "Legal documents", data, status);
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> posted, @Context HttpServletRequest request) {
        return admin.form(request, posted, tenant -> submit(request, tenant, LegalEditForm.read(posted)));
    }

    private Response submit(HttpServletRequest request, Tenant tenant, LegalEditForm form) {
        if (!documents.documents(tenant).contains(form.document())) {
            return noSuchDocument(request, tenant);
        }
        try {
            // A resent form publishes nothing and answers the earlier number: logged once, like it is published.
            int newest = versions.current(tenant.id(), form.document()).map(v -> v.info().number()).orElse(0);
            LegalEditor.Outcome outcome = form.publish() ? editor.publish(tenant, form, publisher(request))
                    : editor.preview(tenant, form);
            if (outcome.published() > 0) {
                if (outcome.published() > newest) {
                    trail.record(request, tenant, AuditActions.LEGAL_PUBLISH, form.document(), Map.of("version",
                            outcome.published(), "effective_date", form.effectiveDate(), "mode", form.mode()));
                }
                return AuthPages.redirect("/admin/legal?published=" + form.document() + "&version="
                        + outcome.published());
            }
            Map<String, Object> data = view.data(admin.data(tenant, SECTION, Map.of(), outcome.form().errors(),
                    false), tenant);
            data.put("editor", LegalEditor.view(outcome, DocumentTitles.of(form.document())));
            return admin.render(request, tenant, SECTION, "Legal documents", data, outcome.ok() ? 200 : 422);
        } catch (UnknownDocumentException e) {
            return noSuchDocument(request, tenant);
        } catch (LegalDocumentException e) {
            LOG.warn("Legal document {} of tenant {} does not render: {}", form.document(), tenant.slug(),
                    e.getMessage());
            return admin.error(request, tenant, 503, "The document cannot be rendered right now", e.getMessage());
        }
    }

    private int diff(Tenant tenant, String document, int from, int to, Map<String, Object> data) {
        Map<String, Object> diff = new LinkedHashMap<>();
        diff.put("document", document);
        diff.put("title", DocumentTitles.of(document));
        diff.put("from", from);
        diff.put("to", to);
        Optional<VersionDiff> found = versions.diff(tenant.id(), document, from, to);
        found.ifPresent(d -> diff.put("lines", DiffLines.of(d)));
        data.put("diff", diff);
        return found.isPresent() ? 200 : 404;
    }

    private Response noSuchDocument(HttpServletRequest request, Tenant tenant) {
        return admin.error(request, tenant, 404, "No such document",
                "Your site has no legal document of that name. Pick one on the legal documents page.");
    }

    private static String publisher(HttpServletRequest request) {
        return RequestAuth.viewer(request).map(v -> v.account().email()).orElse("an admin");
    }

    private static int number(String value) {
        return value != null && value.matches("[0-9]{1,9}") ? Integer.parseInt(value) : 0;
    }
}
