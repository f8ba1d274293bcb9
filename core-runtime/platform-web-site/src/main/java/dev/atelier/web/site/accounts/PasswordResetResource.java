package dev.atelier.web.site.accounts;

import dev.atelier.web.auth.AccountFlows;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.auth.Forms;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.InvalidAccountInputException;
import dev.atelier.core.tenants.Tenant;
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
import java.util.Map;
import java.util.Optional;

/**
 * Forgotten passwords: {@code /reset} mails a single-use link valid for an hour, {@code /reset/confirm} sets the new
 * password, ends every session, API token and pending email change of the account and signs in anew. The request
 * page answers the same whether or not the email has an account.
 */
@Path("/reset")
@Produces("text/html; charset=utf-8")
public final class PasswordResetResource {

    private final AccountFlows flows;

    @Inject
    public PasswordResetResource(AccountFlows flows) {
        this.flows = flows;
    }

    @GET
    public Response form(@Context HttpServletRequest request) {
        return requestPage(request, AuthPages.values("email", ""), Map.of(), false, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(@FormParam("email") String email, @FormParam(CsrfTokens.FIELD) String token,
            @Context HttpServletRequest request) {
        return flows.post(request, token, () -> {
            Tenant tenant = AuthPages.tenant(request);
            Map<String, Object> values = AuthPages.values("email", Forms.trimmed(email, 254));
            if (email == null || email.isBlank()) {
                return requestPage(request, values, Map.of("email", "Enter the email you signed up with."), false, 422);
            }
            flows.throttle().reset(tenant, request, email);
            flows.mailPasswordReset(tenant, request, email);
            return requestPage(request, values, Map.of(), true, 200);
        });
    }

    @GET
    @Path("confirm")
    public Response confirmForm(@QueryParam("token") String resetToken, @Context HttpServletRequest request) {
        return confirmPage(request, resetToken, Map.of(), false, 200);
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@FormParam("token") String resetToken, @FormParam("newPassword") String newPassword,
            @FormParam(CsrfTokens.FIELD) String token, @Context HttpServletRequest request) {
        return flows.post(request, token, () -> {
            if (resetToken == null || resetToken.isBlank() || resetToken.length() > 200) {
                return confirmPage(request, "", Map.of(), true, 400);
            }
            Tenant tenant = AuthPages.tenant(request);
            Optional<Account> account;
            try {
                account = flows.services().accounts().resetPassword(tenant.id(), resetToken, newPassword);
            } catch (InvalidAccountInputException e) {
                return confirmPage(request, resetToken, Map.of("newPassword", e.getMessage()), false, 422);
            }
            if (account.isEmpty()) {
                return confirmPage(request, "", Map.of(), true, 410);
            }
            // The reset ended every session and API token made before it; this sign-in is the only one left.
            return flows.signIns().redirect(request, tenant, account.get(), "/account?done=password-reset");
        });
    }

    private Response requestPage(HttpServletRequest request, Map<String, Object> values, Map<String, String> errors,
            boolean sent, int status) {
        return flows.pages().form(request, "reset-request.ftlh", "Reset your password", values, errors, status,
                Map.of("sent", sent));
    }

    private Response confirmPage(HttpServletRequest request, String resetToken, Map<String, String> errors,
            boolean invalid, int status) {
        return flows.pages().form(request, "reset.ftlh", "Choose a new password", Map.of(), errors, status,
                Map.of("token", resetToken == null ? "" : resetToken, "invalid", invalid));
    }
}
