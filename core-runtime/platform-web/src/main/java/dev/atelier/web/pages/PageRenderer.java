package dev.atelier.web.pages;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.theme.TemplateFailure;
import dev.atelier.web.theme.ThemeEngine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a template and its data into an HTML response for a tenant, error pages included.
 *
 * @param engine renders a tenant's templates through its theme chain
 * @param models the data every page receives
 * @param cache recent renderings of pages as signed-out visitors see them
 * @param visitors adds what depends on the visitor (user, CSRF token, flash message)
 */
public record PageRenderer(ThemeEngine engine, PageModels models, PageCache cache, VisitorModel visitors) {

    private static final String HTML = "text/html; charset=utf-8";

    /** The data model of a page as everyone sees it; see {@link #model(HttpServletRequest, Tenant, String, String)}. */
    public Map<String, Object> model(Tenant tenant, String path, String title) {
        return models.of(tenant, path, title);
    }

    /**
     * The data model of a page for the visitor making {@code request} ({@code user}, {@code csrf}, {@code flash}
     * included); add page-specific entries and pass it to {@link #render}.
     */
    public Map<String, Object> model(HttpServletRequest request, Tenant tenant, String path, String title) {
        Map<String, Object> model = models.of(tenant, path, title);
        visitors.addTo(request, model);
        return model;
    }

    /** The text of message {@code key} in {@code tenant}'s wording (its theme's, overridden by its own). */
    public String message(Tenant tenant, String key) {
        return engine.messages(tenant).text(key, List.of());
    }

    /** Whether the request comes from a signed-in user (whose pages must not be shared). */
    public boolean signedIn(HttpServletRequest request) {
        return visitors.signedIn(request);
    }

    /** Like {@link #render(Tenant, String, Map, int)}, marked private to the visitor: never stored by caches. */
    public Response renderPrivate(Tenant tenant, String template, Map<String, Object> model, int status) {
        Response response = render(tenant, template, model, status);
        response.getHeaders().putSingle("Cache-Control", "private, no-store");
        return response;
    }

    public Response render(Tenant tenant, String template, Map<String, Object> model, int status) {
        try {
            return Response.status(status).type(HTML).entity(engine.render(tenant, template, model)).build();
        } catch (TemplateFailure e) {
            return error(tenant, String.valueOf(((Map<?, ?>) model.get("page")).get("path")), 500,
                    "Something went wrong", "This page could not be shown. Please try again in a moment.");
        }
    }

    /**
     * A page that shows everyone the same but for the visitor's part of its data. A signed-out visitor's depends only
     * on the tenant, the page and the deployed models, so recent renderings are reused (see {@link PageCache}). A
     * signed-in user's is shared the same way by users alike but for their texts (see {@link ViewerTexts}), which are
     * spliced into each user's copy; a page whose template transforms those texts is rendered for each user whole.
     */
    public Response page(HttpServletRequest request, Tenant tenant, String template, String path, String title) {
        if (visitors.signedIn(request)) {
            return personal(request, tenant, template, path, title);
        }
        PageCache.Key key = PageCache.key(tenant, path, models.modelSnapshot());
        try {
            byte[] html = cache.get(key, () -> engine.render(tenant, template, model(tenant, path, title))
                    .getBytes(StandardCharsets.UTF_8));
            return Response.ok(html, HTML).build();
        } catch (TemplateFailure e) {
            return error(tenant, path, 500, "Something went wrong",
                    "This page could not be shown. Please try again in a moment.");
        }
    }

    /**
     * The page at {@code path} for the signed-in user of {@code request} if a rendering shared by users like them is
     * kept (made by {@link #page} moments ago), else null: what a filter in front of Jersey can answer by itself.
     * The request must carry its tenant and viewer as the authentication filters leave them.
     */
    public byte[] keptPersonal(HttpServletRequest request, Tenant tenant, String path) {
        Map<String, Object> visitor = new HashMap<>();
        visitors.addTo(request, visitor);
        ViewerTexts texts = ViewerTexts.of(visitor);
        if (texts == null) {
            return null;
        }
        SplicedPage page = cache.findSpliced(new PageCache.SplicedKey(
                PageCache.key(tenant, path, models.modelSnapshot()), texts.shape()));
        return page == null || !page.spliceable() ? null : page.with(texts.values());
    }

    private Response personal(HttpServletRequest request, Tenant tenant, String template, String path,
            String title) {
        Map<String, Object> visitor = new HashMap<>();
        visitors.addTo(request, visitor);
        ViewerTexts texts = ViewerTexts.of(visitor);
        SplicedPage page = SplicedPage.UNSPLICEABLE;
        if (texts != null) {
            PageCache.SplicedKey key = new PageCache.SplicedKey(PageCache.key(tenant, path, models.modelSnapshot()),
                    texts.shape());
            try {
                page = cache.spliced(key, () -> splice(tenant, template, path, title, visitor));
            } catch (TemplateFailure e) {
                return error(tenant, path, 500, "Something went wrong",
                        "This page could not be shown. Please try again in a moment.");
            }
        }
        if (!page.spliceable()) {
            Map<String, Object> model = models.of(tenant, path, title);
            model.putAll(visitor);
            return renderPrivate(tenant, template, model, 200);
        }
        return Response.ok(page.with(texts.values()), HTML).header("Cache-Control", "private, no-store").build();
    }

    // Rendered twice, with two sets of markers, to find out whether the template leaves the texts as they are.
    private SplicedPage splice(Tenant tenant, String template, String path, String title, Map<String, Object> visitor)
            throws TemplateFailure {
        List<List<String>> markers = ViewerTexts.markers();
        String[] renderings = new String[2];
        for (int i = 0; i < 2; i++) {
            Map<String, Object> model = models.of(tenant, path, title);
            model.putAll(ViewerTexts.marked(visitor, markers.get(i)));
            renderings[i] = engine.render(tenant, template, model);
        }
        return SplicedPage.of(renderings[0], markers.get(0), renderings[1], markers.get(1));
    }

    /** {@code error/<status>.ftlh} of the tenant's theme, or {@code error/500.ftlh} when there is none. */
    public Response error(Tenant tenant, String path, int status, String title, String detail) {
        return error(model(tenant, path, title), tenant, path, status, title, detail);
    }

    /** Like {@link #error(Tenant, String, int, String, String)}, with the visitor's header (signed in or not). */
    public Response error(HttpServletRequest request, Tenant tenant, int status, String title, String detail) {
        String path = request.getRequestURI();
        return error(model(request, tenant, path, title), tenant, path, status, title, detail);
    }

    private Response error(Map<String, Object> model, Tenant tenant, String path, int status, String title,
            String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("title", title);
        error.put("detail", detail);
        model.put("error", error);
        String template = engine.has(tenant, "error/" + status + ".ftlh") ? "error/" + status + ".ftlh" : "error/500.ftlh";
        try {
            return Response.status(status).type(HTML).header("Cache-Control", "no-store")
                    .entity(engine.render(tenant, template, model)).build();
        } catch (TemplateFailure e) {
            return PlainPages.serverError();
        }
    }
}
