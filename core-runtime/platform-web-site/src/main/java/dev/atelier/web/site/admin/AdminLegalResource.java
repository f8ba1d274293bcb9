package dev.atelier.web.site.admin;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.versions.Acceptances;
import dev.atelier.legal.versions.LegalVersionInfo;
import dev.atelier.legal.versions.LegalVersions;
import dev.atelier.legal.versions.VersionDiff;
import dev.atelier.web.legal.DiffLines;
import dev.atelier.web.legal.DocumentTitles;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /admin/legal}: each legal document's published versions (who published each, when, effective when, and
 * whether users were notified or had to accept), links to read them, and the diff of any two versions of one
 * document ({@code ?document=terms&from=1&to=3}). Tenant admins only.
 */
@Path("/admin/legal")
@Produces("text/html; charset=utf-8")
public final class AdminLegalResource {

    private final AdminPages admin;
    private final LegalVersions versions;

    @Inject
    public AdminLegalResource(AdminPages admin, LegalVersions versions) {
        this.admin = admin;
        this.versions = versions;
    }

    @GET
    public Response page(@QueryParam("document") String document, @QueryParam("from") String from,
            @QueryParam("to") String to, @Context HttpServletRequest request) {
        return admin.page(request, tenant -> {
            Map<String, Object> data = admin.data(tenant, "legal", Map.of(), Map.of(), false);
            data.put("documents", documents(tenant));
            int status = 200;
            if (document != null && number(from) > 0 && number(to) > 0) {
                Map<String, Object> diff = new LinkedHashMap<>();
                diff.put("document", document);
                diff.put("title", DocumentTitles.of(document));
                diff.put("from", number(from));
                diff.put("to", number(to));
                Optional<VersionDiff> found = versions.diff(tenant.id(), document, number(from), number(to));
                found.ifPresent(d -> diff.put("lines", DiffLines.of(d)));
                data.put("diff", diff);
                status = found.isPresent() ? 200 : 404;
            }
            return admin.render(request, tenant, "legal", "Legal documents", data, status);
        });
    }

    private List<Map<String, Object>> documents(Tenant tenant) {
        // The sign-up documents are listed even before their first version, so the admin sees they are missing.
        Set<String> names = new LinkedHashSet<>(Acceptances.SIGN_UP_DOCUMENTS);
        names.addAll(versions.documents(tenant.id()));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("name", name);
            document.put("title", DocumentTitles.of(name));
            document.put("versions", versions.list(tenant.id(), name).stream().map(AdminLegalResource::row).toList());
            documents.add(document);
        }
        return documents;
    }

    private static Map<String, Object> row(LegalVersionInfo version) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("number", version.number());
        row.put("effectiveDate", version.effectiveDate().toString());
        row.put("publishedAt", version.publishedAt().toString());
        row.put("publishedBy", version.publishedBy());
        row.put("mode", version.mode().key());
        row.put("href", "/legal/" + version.document() + "/v/" + version.number());
        return row;
    }

    private static int number(String value) {
        return value != null && value.matches("[0-9]{1,9}") ? Integer.parseInt(value) : 0;
    }
}
