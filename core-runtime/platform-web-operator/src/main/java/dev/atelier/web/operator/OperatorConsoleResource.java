package dev.atelier.web.operator;

import dev.atelier.web.auth.AccountServices;
import dev.atelier.web.auth.Cookies;
import dev.atelier.web.headers.ContentSecurityPolicy;
import dev.atelier.web.http.Origins;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;

/**
 * Signing in to the operator console with an operator token. The token is kept in a {@code SameSite=Strict},
 * HttpOnly cookie of the operator host only; every request checks it is still unrevoked. The form is posted only with
 * the operator host's own {@code Origin}, which is what protects it from other sites.
 */
@Path("/operator")
public final class OperatorConsoleResource {

    private static final Duration COOKIE_LIFETIME = Duration.ofHours(12);
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;"
            + "padding:0 1rem;color:#1d1b26}input{width:100%;padding:.6rem;font:inherit;box-sizing:border-box}"
            + "button{margin-top:1rem;padding:.6rem 1.2rem;font:inherit}[role=alert]{color:#b42318}";
    // The page's one inline style block, allowed by its hash.
    private static final String POLICY = ContentSecurityPolicy.strict().withInlineStyle(STYLE).toString();

    // The operator tokens to check, and the cookie settings (Secure or not) shared with the tenant sites.
    private final AccountServices accounts;

    @Inject
    public OperatorConsoleResource(AccountServices accounts) {
        this.accounts = accounts;
    }

    @GET
    @Path("signin")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response form() {
        return page(null, 200);
    }

    @POST
    @Path("signin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response signIn(@FormParam("token") String token, @HeaderParam("Origin") String origin,
            @HeaderParam("Host") String host) {
        if (!Origins.sameOrigin(origin, host)) {
            return page("This form must be sent from the operator console itself.", 403);
        }
        String value = token == null ? "" : token.strip();
        if (value.length() > 200 || accounts.operatorTokens().authenticate(value).isEmpty()) {
            return page("That operator token is unknown or revoked.", 401);
        }
        return Response.seeOther(URI.create("/")).header("Cache-Control", "no-store")
                .cookie(accounts.cookies().strict(Cookies.OPERATOR, value, COOKIE_LIFETIME)).build();
    }

    @POST
    @Path("signout")
    public Response signOut(@HeaderParam("Origin") String origin, @HeaderParam("Host") String host) {
        if (!Origins.sameOrigin(origin, host)) {
            return page("This form must be sent from the operator console itself.", 403);
        }
        return Response.seeOther(URI.create("/operator/signin")).header("Cache-Control", "no-store")
                .cookie(accounts.cookies().expired(Cookies.OPERATOR)).build();
    }

    private static Response page(String error, int status) {
        String message = error == null ? "" : "<p role=\"alert\">" + error + "</p>";
        String html = """
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width,initial-scale=1"><title>Operator sign-in · Atelier</title>
                <style>""" + STYLE + """
                </style></head><body><main><h1>Operator console</h1>
                <p>Paste an operator token. Create one on the server with
                <code>bin/atelier operators tokens create &lt;name&gt;</code>.</p>""" + message + """
                <form method="post" action="/operator/signin"><label for="token">Operator token</label>
                <input id="token" name="token" type="password" autocomplete="off" required>
                <button type="submit">Sign in</button></form></main></body></html>""";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Cache-Control", "no-store").header(ContentSecurityPolicy.HEADER, POLICY).entity(html).build();
    }
}
