package dev.atelier.web.operator;

import dev.atelier.web.auth.AccountServices;
import dev.atelier.web.auth.Cookies;
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
 * the operator host's own {@code Origin}, which is what protects it from other sites. The form is
 * {@code operator/signin.ftlh}.
 */
@Path("/operator")
public final class OperatorConsoleResource {

    private static final Duration COOKIE_LIFETIME = Duration.ofHours(12);
    private static final String FOREIGN_ORIGIN = "This form must be sent from the operator console itself.";

    // The operator tokens to check, and the cookie settings (Secure or not) shared with the tenant sites.
    private final AccountServices accounts;
    private final OperatorPages pages;

    @Inject
    public OperatorConsoleResource(AccountServices accounts, OperatorPages pages) {
        this.accounts = accounts;
        this.pages = pages;
    }

    @GET
    @Path("signin")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response form() {
        return page(SignInPage.fresh(), 200);
    }

    @POST
    @Path("signin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public Response signIn(@FormParam("token") String token, @HeaderParam("Origin") String origin,
            @HeaderParam("Host") String host) {
        if (!Origins.sameOrigin(origin, host)) {
            return page(new SignInPage(FOREIGN_ORIGIN), 403);
        }
        String value = token == null ? "" : token.strip();
        if (value.length() > 200 || accounts.operatorTokens().authenticate(value).isEmpty()) {
            return page(new SignInPage("That operator token is unknown or revoked."), 401);
        }
        return Response.seeOther(URI.create("/")).header("Cache-Control", "no-store")
                .cookie(accounts.cookies().strict(Cookies.OPERATOR, value, COOKIE_LIFETIME)).build();
    }

    @POST
    @Path("signout")
    public Response signOut(@HeaderParam("Origin") String origin, @HeaderParam("Host") String host) {
        if (!Origins.sameOrigin(origin, host)) {
            return page(new SignInPage(FOREIGN_ORIGIN), 403);
        }
        return Response.seeOther(URI.create("/operator/signin")).header("Cache-Control", "no-store")
                .cookie(accounts.cookies().expired(Cookies.OPERATOR)).build();
    }

    private Response page(SignInPage view, int status) {
        return pages.render("signin.ftlh", view, status, "no-store");
    }
}
