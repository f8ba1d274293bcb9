package dev.atelier.web.site.pages;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.site.theme.TemplateFailure;
import dev.atelier.web.site.theme.ThemeEngine;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a template and its data into an HTML response for a tenant, error pages included. */
public final class PageRenderer {

    private static final String HTML = "text/html; charset=utf-8";

    private final ThemeEngine engine;
    private final PageModels models;
    private final PageCache cache;

    public PageRenderer(ThemeEngine engine, PageModels models, PageCache cache) {
        this.engine = engine;
        this.models = models;
        this.cache = cache;
    }

    /** The base data model of a page; add page-specific entries and pass it to {@link #render}. */
    public Map<String, Object> model(Tenant tenant, String path, String title) {
        return models.of(tenant, path, title);
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
     * A page as a visitor who is not signed in sees it. Such pages depend only on the tenant, the page and the
     * deployed models, so recent renderings are reused (see {@link PageCache}).
     */
    public Response page(Tenant tenant, String template, String path, String title) {
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


    /** {@code error/<status>.ftlh} of the tenant's theme, or {@code error/500.ftlh} when there is none. */
    public Response error(Tenant tenant, String path, int status, String title, String detail) {
        Map<String, Object> model = model(tenant, path, title);
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
