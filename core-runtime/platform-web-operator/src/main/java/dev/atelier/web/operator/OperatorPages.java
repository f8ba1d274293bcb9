package dev.atelier.web.operator;

import dev.atelier.web.assets.StaticFiles;
import dev.atelier.web.pages.PlainPages;
import dev.atelier.web.theme.TemplateFailure;
import dev.atelier.web.theme.ThemeEngine;
import dev.atelier.web.theme.Themes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Renders the operator console's pages from {@code themes/default/operator/}. The operator host has no tenant, so
 * no tenant theme or override ever applies. Every page gets two values: {@code view}, the page's own record (read as
 * {@code ${view.models}}, record components by name), and {@code stylesheet}, the content-hashed URL of the console's
 * style sheet, so the pages need no inline style under the strict Content-Security-Policy.
 */
public final class OperatorPages {

    /** The console's style sheet, under {@code themes/default/static/}. */
    static final String STYLESHEET = "css/operator.css";
    private static final String FOLDER = "operator/";
    private static final String HTML = "text/html; charset=utf-8";

    private final ThemeEngine engine;
    private final StaticFiles files;

    @Inject
    public OperatorPages(ThemeEngine engine, StaticFiles files) {
        this.engine = engine;
        this.files = files;
    }

    /**
     * {@code operator/<template>} with {@code view}, answered with {@code status} and {@code cacheControl}; the plain
     * 500 page when the shipped template fails.
     */
    public Response render(String template, Object view, int status, String cacheControl) {
        Map<String, Object> model = Map.of("view", view, "stylesheet", files.url(Themes.DEFAULT, STYLESHEET));
        try {
            String html = engine.renderDefault(FOLDER + template, model);
            return Response.status(status).type(HTML).header("Cache-Control", cacheControl).entity(html).build();
        } catch (TemplateFailure e) {
            return PlainPages.serverError();
        }
    }
}
