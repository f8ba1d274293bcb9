package dev.atelier.web.operator;

import dev.atelier.plugins.ModelInfo;
import dev.atelier.plugins.ModelRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.headers.ContentSecurityPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The operator host's start page (its {@code /} is routed here): says the platform runs and shows each deployed model
 * with a live preview. Operators only (see {@link dev.atelier.web.operator.OperatorConsoleResource}); tenant hosts
 * answer 404 here.
 */
@Path("/operator")
public final class StartPageResource {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
            + "padding:0 1rem;color:#1d1b26}h1{margin-bottom:.2rem}ul.models{list-style:none;padding:0;display:grid;"
            + "grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:1rem}ul.models li{border:1px solid #ddd;"
            + "border-radius:.6rem;padding:.8rem}img{width:100%;border-radius:.4rem}code{background:#f3f1f7;"
            + "padding:.1rem .3rem;border-radius:.2rem}";
    // The page's one inline style block, allowed by its hash.
    private static final String POLICY = ContentSecurityPolicy.strict().withInlineStyle(STYLE).toString();

    private final ModelRegistry models;

    @Inject
    public StartPageResource(ModelRegistry models) {
        this.models = models;
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response page(@Context HttpServletRequest request) {
        if (!RequestAuth.isOperator(request)) {
            return Response.seeOther(URI.create("/operator/signin")).header("Cache-Control", "no-store").build();
        }
        return Response.ok(html()).header("Cache-Control", "private, no-store")
                .header(ContentSecurityPolicy.HEADER, POLICY).build();
    }

    private String html() {
        StringBuilder html = new StringBuilder(2048).append("""
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width,initial-scale=1"><title>Atelier</title>
                <style>""").append(STYLE).append("""
                </style></head><body><main>
                <h1>Atelier is running</h1><p>The platform is up. Generation models deployed right now:</p>
                <ul class="models">""");
        for (ModelInfo model : models.list()) {
            String id = model.descriptor().id();
            html.append("<li><h2>").append(escape(model.descriptor().name())).append("</h2><p><code>")
                    .append(escape(id)).append("</code> ").append(escape(model.descriptor().version()))
                    .append("</p><img alt=\"Preview of ").append(escape(model.descriptor().name()))
                    .append("\" src=\"/api/v1/operator/models/").append(urlPart(id))
                    .append("/preview?prompt=atelier&amp;width=512&amp;height=512\"></li>");
        }
        return html.append("""
                </ul><p>JSON: <a href="/api/v1/models">/api/v1/models</a> ·
                bundles: <a href="/api/v1/operator/bundles">/api/v1/operator/bundles</a> ·
                <a href="/readyz">/readyz</a></p>
                <form method="post" action="/operator/signout"><button type="submit">Sign out</button></form>
                </main></body></html>""").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String urlPart(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
