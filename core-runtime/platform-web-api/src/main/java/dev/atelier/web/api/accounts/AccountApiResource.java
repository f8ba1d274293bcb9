package dev.atelier.web.api.accounts;

import dev.atelier.web.auth.AccountFlows;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.CsrfTokens;
import dev.atelier.web.auth.RequestAuth;
import dev.atelier.web.auth.TokenRules;
import dev.atelier.web.auth.Tokens;
import dev.atelier.web.auth.Viewer;

import dev.atelier.accounts.Account;
import dev.atelier.accounts.ApiTokenInfo;
import dev.atelier.accounts.EmailNotVerifiedException;
import dev.atelier.accounts.InvalidAccountInputException;
import dev.atelier.accounts.NewApiToken;
import dev.atelier.accounts.PersonalData;
import dev.atelier.accounts.SessionInfo;
import dev.atelier.accounts.SignInTooOldException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.web.problem.Problem;
import dev.atelier.web.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * The signed-in user's account over JSON ({@code /api/v1/account}): who am I, personal API tokens, sessions and the
 * data export. Works with the session cookie (changes need the {@code X-CSRF-Token} header, whose value
 * {@code GET /api/v1/account} returns) or with a personal API token.
 */
@Path("/api/v1/account")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountApiResource {

    /** The signed-in user. {@code csrfToken} is set for session-cookie requests only. */
    public record Me(String id, String email, String displayName, boolean emailVerified, boolean admin,
            Instant createdAt, String csrfToken) {}

    /** A token; {@code createdBy} is the id of the session it was created in (null for older tokens). */
    public record TokenView(String id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
            String createdBy) {}

    /** What revoking a session answers: the tokens that session created, which keep working until revoked. */
    public record RevokedSession(String id, List<TokenView> tokensMade) {}

    /** A new token: {@code token} is shown this once and never again. */
    public record CreatedToken(String id, String name, String prefix, Instant createdAt, String token) {}

    public record SessionView(String id, boolean current, Instant createdAt, Instant lastSeenAt, String userAgent,
            String ip) {}

    public record NewTokenRequest(String name) {}

    public record ListOf<T>(List<T> items) {}

    private final AccountFlows flows;

    @Inject
    public AccountApiResource(AccountFlows flows) {
        this.flows = flows;
    }

    @GET
    public Me me(@Context HttpServletRequest request) {
        Viewer viewer = RequestAuth.requireViewer(request);
        Account a = viewer.account();
        return new Me(a.id(), a.email(), a.displayName(), a.emailVerified(), viewer.admin(), a.createdAt(),
                viewer.session() == null ? null : flows.csrf().forSession(a.tenantId(), viewer.session().id()));
    }

    @GET
    @Path("tokens")
    public ListOf<TokenView> tokens(@Context HttpServletRequest request) {
        Viewer viewer = RequestAuth.requireViewer(request);
        return new ListOf<>(flows.services().apiTokens().list(tenant(request).id(), viewer.account().id()).stream()
                .filter(t -> t.revokedAt() == null).map(AccountApiResource::view).toList());
    }

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createToken(NewTokenRequest body, @Context HttpServletRequest request) {
        Viewer viewer = RequestAuth.requireViewer(request);
        if (viewer.viaApiToken()) {
            throw ProblemException.forbidden("An API token cannot create API tokens. Sign in (POST /api/v1/auth/signin)"
                    + " and create it with the session cookie and the " + CsrfTokens.HEADER + " header.");
        }
        try {
            NewApiToken created = flows.services().apiTokens().createInSession(tenant(request).id(), viewer.session(),
                    body == null ? null : body.name());
            ApiTokenInfo info = created.info();
            return Response.status(201).header("Cache-Control", "no-store")
                    .entity(new CreatedToken(info.id(), info.name(), info.prefix(), info.createdAt(), created.token()))
                    .build();
        } catch (InvalidAccountInputException e) {
            throw ProblemException.invalid("The token was not created.",
                    List.of(new Problem.FieldError(e.field(), e.getMessage())));
        } catch (EmailNotVerifiedException e) {
            throw ProblemException.forbidden(TokenRules.CONFIRM_EMAIL_FIRST);
        } catch (SignInTooOldException e) {
            throw ProblemException.forbidden(TokenRules.signInAgain(e) + " Sign in again (POST /api/v1/auth/signin)"
                    + " and retry.");
        }
    }

    @DELETE
    @Path("tokens/{id}")
    public Response revokeToken(@PathParam("id") String id, @Context HttpServletRequest request) {
        Viewer viewer = RequestAuth.requireViewer(request);
        if (!flows.services().apiTokens().revoke(tenant(request).id(), viewer.account().id(), id)) {
            throw ProblemException.notFound("You have no API token with this id.");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("sessions")
    public ListOf<SessionView> sessions(@Context HttpServletRequest request) {
        Viewer viewer = RequestAuth.requireViewer(request);
        return new ListOf<>(flows.services().sessions().list(tenant(request).id(), viewer.account().id()).stream()
                .map(s -> view(s, viewer)).toList());
    }

    @DELETE
    @Path("sessions/{id}")
    public Response revokeSession(@PathParam("id") String id, @Context HttpServletRequest request) {
        Viewer viewer = RequestAuth.requireViewer(request);
        String tenantId = tenant(request).id();
        if (!flows.services().sessions().revoke(tenantId, viewer.account().id(), id)) {
            throw ProblemException.notFound("You have no session with this id.");
        }
        // Tokens outlive the session that made them; the owner decides whether those go too.
        List<TokenView> madeThere = flows.services().apiTokens().madeIn(tenantId, viewer.account().id(), id).stream()
                .filter(t -> t.revokedAt() == null).map(AccountApiResource::view).toList();
        return Response.ok(new RevokedSession(id, madeThere)).build();
    }

    @GET
    @Path("export")
    public Response export(@Context HttpServletRequest request) {
        Viewer viewer = RequestAuth.requireViewer(request);
        PersonalData.Export data = flows.services().personalData().export(tenant(request).id(), viewer.account().id())
                .orElseThrow(() -> ProblemException.notFound("The account no longer exists."));
        // Streamed as it is read: a long history is never held in memory whole.
        StreamingOutput json = data::writeTo;
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                .header("Cache-Control", "private, no-store").build();
    }

    private static Tenant tenant(HttpServletRequest request) {
        return AuthPages.tenant(request);
    }

    private static TokenView view(ApiTokenInfo t) {
        return new TokenView(t.id(), t.name(), t.prefix(), t.createdAt(), t.lastUsedAt(), t.createdBy());
    }

    private static SessionView view(SessionInfo s, Viewer viewer) {
        return new SessionView(s.id(), viewer.session() != null && viewer.session().id().equals(s.id()),
                s.createdAt(), s.lastSeenAt(), s.userAgent(), s.ip());
    }
}
