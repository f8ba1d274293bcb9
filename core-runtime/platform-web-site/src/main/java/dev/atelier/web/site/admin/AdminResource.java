package dev.atelier.web.site.admin;

import dev.atelier.accounts.audit.AuditActions;
import dev.atelier.core.tenants.Branding;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.legal.drift.LegalDrift;
import dev.atelier.web.assets.LogoShape;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.legal.DocumentTitles;
import dev.atelier.web.pages.PageModels;
import dev.atelier.web.pages.PageRenderer;
import dev.atelier.web.tenant.BrandingUpdate;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant admin area: {@code /admin} and the branding form, for the tenant's admins only. A signed-out visitor is
 * sent to sign in; a signed-in user who is not an admin of this tenant gets 403.
 */
@Path("/admin")
@Produces("text/html; charset=utf-8")
public final class AdminResource {

    private static final int MAX_TEXT_FIELD_BYTES = 4096;
    // A chosen image travels back from the preview as base64 in a hidden field: 4 characters per 3 bytes.
    private static final int MAX_PENDING_CHARS = (LogoFormat.MAX_BYTES + 2) / 3 * 4 + 1;
    private static final List<String> IMAGES = List.of("logo", "favicon");

    private final PageRenderer pages;
    private final BrandingForms forms;
    private final PluginForms plugins;
    private final CsrfTokens csrf;
    private final AuthPages auth;
    private final LegalDrift drift;
    private final AdminAuditTrail trail;

    @Inject
    public AdminResource(PageRenderer pages, BrandingForms forms, PluginForms plugins, CsrfTokens csrf,
            AuthPages auth, LegalDrift drift, AdminAuditTrail trail) {
        this.auth = auth;
        this.trail = trail;
        this.drift = drift;
        this.pages = pages;
        this.forms = forms;
        this.plugins = plugins;
        this.csrf = csrf;
    }

    @GET
    public Response index(@Context HttpServletRequest request) {
        Tenant tenant = tenant(request);
        Response refused = refuse(request);
        if (refused != null) {
            return refused;
        }
        Map<String, Object> model = pages.model(request, tenant, "/admin", "Admin");
        Map<String, Object> admin = forms.adminModel(tenant, "index", forms.currentValues(tenant), Map.of(), false, false);
        admin.put("plugins", plugins.overview(tenant));
        admin.put("driftedDocuments", drift.driftedNames(tenant).stream().map(DocumentTitles::of).toList());
        model.put("admin", admin);
        return pages.renderPrivate(tenant, "admin/index.ftlh", model, 200);
    }

    @GET
    @Path("branding")
    public Response branding(@QueryParam("saved") String saved, @Context HttpServletRequest request) {
        Tenant tenant = tenant(request);
        Response refused = refuse(request);
        if (refused != null) {
            return refused;
        }
        return form(request, tenant, forms.currentValues(tenant), Map.of(), false, "1".equals(saved), null, 200);
    }

    @POST
    @Path("branding")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submit(@Context HttpServletRequest request) throws IOException {
        Tenant tenant = tenant(request);
        Response refused = refuse(request);
        if (refused != null) {
            return refused;
        }
        Map<String, String> form = forms.currentValues(tenant);
        Map<String, String> before = Map.copyOf(form);
        Map<String, byte[]> images = new HashMap<>();
        Map<String, String> pending = new HashMap<>();
        String token = null;
        Collection<Part> parts;
        try {
            parts = request.getParts();
        } catch (ServletException | IllegalStateException | IOException e) {
            return auth.unreadableForm(request);
        }
        for (Part part : parts) {
            if (part.getName().equals(CsrfTokens.FIELD)) {
                token = readText(part);
            } else if (IMAGES.contains(part.getName())) {
                if (part.getSize() > 0) {
                    images.put(part.getName(), readLogo(part));
                }
            } else if (part.getName().startsWith("pending_") && IMAGES.contains(part.getName().substring(8))) {
                pending.put(part.getName().substring(8), readText(part, MAX_PENDING_CHARS));
            } else if (form.containsKey(part.getName()) || part.getName().equals("action")) {
                form.put(part.getName(), readText(part));
            }
        }
        if (!csrf.valid(request, token)) {
            return AdminAccess.expired(pages, request);
        }
        boolean preview = "preview".equals(form.remove("action"));
        // A file chosen before a preview comes back as the pending one; a file chosen now replaces it.
        for (String image : IMAGES) {
            if (!images.containsKey(image) && pending.containsKey(image)) {
                images.put(image, decodePending(pending.get(image)));
            }
        }
        BrandingForms.Checked checked = forms.check(form, images.get("logo"), images.get("favicon"));
        keepPending(form, checked);
        if (!checked.errors().isEmpty()) {
            return form(request, tenant, form, checked.errors(), preview, false, null, 422);
        }
        if (preview) {
            return form(request, tenant, form, Map.of(), true, false, previewBrand(tenant, checked, request), 200);
        }
        forms.save(tenant, checked.update());
        trail.record(request, tenant, AuditActions.BRANDING_UPDATE, tenant.id(),
                changes(before, form, checked.update()));
        return Response.seeOther(URI.create("/admin/branding?saved=1")).header("Cache-Control", "no-store").build();
    }

    private Response form(HttpServletRequest request, Tenant tenant, Map<String, String> values, Map<String, String> errors, boolean preview,
            boolean saved, Map<String, Object> previewBrand, int status) {
        Map<String, Object> model = pages.model(request, tenant, "/admin/branding", "Branding");
        Map<String, Object> admin = forms.adminModel(tenant, "branding", values, errors, preview, saved);
        if (previewBrand != null) {
            admin.put("previewBrand", previewBrand);
        }
        model.put("admin", admin);
        return pages.renderPrivate(tenant, "admin/branding.ftlh", model, status);
    }

    // Valid chosen images ride along as hidden fields, so Save after Preview stores what the preview showed.
    private static void keepPending(Map<String, String> form, BrandingForms.Checked checked) {
        var update = checked.update();
        for (String image : IMAGES) {
            BrandingUpdate.Logo chosen = update == null ? null
                    : image.equals("logo") ? update.logo() : update.favicon();
            if (chosen != null) {
                form.put("pending_" + image, Base64.getEncoder().encodeToString(chosen.bytes()));
            }
        }
    }

    // What the audit log keeps of a branding save: the fields that changed, and of new images their type and size.
    private static Map<String, Object> changes(Map<String, String> before, Map<String, String> form,
            BrandingUpdate update) {
        Map<String, Object> details = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (before.containsKey(key) && !value.strip().equals(before.get(key).strip())) {
                details.put(key, value.strip());
            }
        });
        if (update.logo() != null) {
            details.put("logo", describe(update.logo()));
        }
        if (update.favicon() != null) {
            details.put("favicon", describe(update.favicon()));
        }
        return details;
    }

    private static String describe(BrandingUpdate.Logo image) {
        return "new " + image.contentType() + ", " + image.bytes().length + " bytes";
    }

    private static byte[] decodePending(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            // Not what the preview wrote: checked like an upload that is no image, so the admin is asked again.
            return new byte[] {0};
        }
    }

    // The brand as it would look once saved; an uploaded logo is shown inline because nothing was stored.
    private Map<String, Object> previewBrand(Tenant tenant, BrandingForms.Checked checked, HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, Object> current = (Map<String, Object>) pages.model(tenant, request.getRequestURI(), null).get("brand");
        var update = checked.update();
        String logoUrl = update.logo() == null ? (String) current.get("logoUrl")
                : "data:" + update.logo().contentType() + ";base64,"
                        + Base64.getEncoder().encodeToString(update.logo().bytes());
        Branding branding = new Branding(update.theme(), update.tagline(), update.colors(), update.fonts(), null, null);
        Map<String, Object> brand = new LinkedHashMap<>(
                PageModels.brand(update.theme(), branding, logoUrl, (String) current.get("faviconUrl")));
        brand.put("logoWordmark", update.logo() == null ? current.get("logoWordmark")
                : LogoShape.isWordmark(update.logo().contentType(), update.logo().bytes()));
        brand.put("name", update.name());
        brand.put("tagline", update.tagline());
        return brand;
    }

    private Response refuse(HttpServletRequest request) {
        return AdminAccess.refuse(pages, request);
    }

    private static Tenant tenant(HttpServletRequest request) {
        return AdminAccess.tenant(request);
    }

    private static String readText(Part part) throws IOException {
        return readText(part, MAX_TEXT_FIELD_BYTES);
    }

    private static String readText(Part part, int max) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(max), StandardCharsets.UTF_8);
        }
    }

    private static byte[] readLogo(Part part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(LogoFormat.MAX_BYTES + 1); // one byte over tells "too large" apart
        }
    }
}
