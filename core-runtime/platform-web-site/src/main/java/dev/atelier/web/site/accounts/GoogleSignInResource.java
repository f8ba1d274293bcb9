package dev.atelier.web.site.accounts;

import dev.atelier.web.auth.AccountFlows;
import dev.atelier.web.auth.AuthPages;
import dev.atelier.web.auth.Cookies;
import dev.atelier.web.auth.NextPath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.accounts.ExternalSignIn;
import dev.atelier.accounts.ExternalSignInRefusedException;
import dev.atelier.core.secrets.SecretKeyException;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.oidc.OidcException;
import dev.atelier.oidc.PendingAuthorization;
import dev.atelier.oidc.VerifiedIdentity;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Sign in with Google" for tenants whose {@code sign_in.google} names a client: OpenID Connect authorization code
 * flow with PKCE, state and nonce. What must survive the round trip to Google travels in a short-lived cookie sealed
 * with the platform key, bound to the tenant, so nothing is stored for abandoned attempts.
 */
@Path("/signin/google")
@Produces("text/html; charset=utf-8")
public final class GoogleSignInResource {

    static final String PROVIDER = "google";
    private static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(GoogleSignInResource.class);

    private final AccountFlows flows;

    @Inject
    public GoogleSignInResource(AccountFlows flows) {
        this.flows = flows;
    }

    @GET
    public Response start(@QueryParam("next") String next, @Context HttpServletRequest request) {
        Tenant tenant = AuthPages.tenant(request);
        Optional<String> clientId = clientId(tenant);
        if (clientId.isEmpty()) {
            return flows.pages().error(request, 404, "Page not found", "This site does not offer Google sign-in.");
        }
        PendingAuthorization pending;
        try {
            pending = flows.services().google().provider().begin(clientId.get(), callback(request));
        } catch (OidcException e) {
            LOG.warn("Tenant {}: Google sign-in could not start: {}", tenant.slug(), e.getMessage());
            return failed(request, "Google sign-in is not available right now. Please try again in a moment or use"
                    + " your email and password.", 503);
        }
        ObjectNode state = JSON.createObjectNode()
                .put("tenant", tenant.id()).put("state", pending.state()).put("nonce", pending.nonce())
                .put("verifier", pending.codeVerifier()).put("authorization", pending.authorizationUri().toString())
                .put("next", NextPath.of(next, "/create"))
                .put("expires", Instant.now().plus(PENDING_LIFETIME).getEpochSecond());
        String sealed = flows.services().secrets().seal(state.toString(), context(tenant));
        return Response.seeOther(pending.authorizationUri()).header("Cache-Control", "no-store")
                .cookie(flows.services().cookies().lax(Cookies.OIDC, sealed.replace('+', '-').replace('/', '_')
                        .replace("=", ""), PENDING_LIFETIME))
                .build();
    }

    @GET
    @Path("callback")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @Context HttpServletRequest request) {
        Tenant tenant = AuthPages.tenant(request);
        Optional<String> clientId = clientId(tenant);
        Optional<JsonNode> pending = pending(request, tenant);
        if (clientId.isEmpty() || pending.isEmpty() || state == null || !sameText(state, pending.get().path("state").asText())) {
            return failed(request, "That Google sign-in attempt expired or did not start here. Please try again.", 400);
        }
        if (error != null || code == null) {
            return failed(request, "Google sign-in was cancelled. You can try again or use your email and password.",
                    400);
        }
        VerifiedIdentity identity;
        try {
            JsonNode started = pending.get();
            identity = flows.services().google().provider().complete(clientId.get(), clientSecret(tenant),
                    callback(request), code, new PendingAuthorization(
                            URI.create(started.path("authorization").asText()), state,
                            started.path("nonce").asText(), started.path("verifier").asText()));
        } catch (OidcException e) {
            LOG.warn("Tenant {}: Google sign-in refused ({}): {}", tenant.slug(), e.reason(), e.getMessage());
            return failed(request, "Google sign-in did not work. Please try again or use your email and password.",
                    401);
        }
        ExternalSignIn result;
        try {
            result = flows.services().externalSignIns().signIn(tenant.id(), PROVIDER, identity.subject(),
                    identity.email(), identity.emailVerified(), identity.name());
        } catch (ExternalSignInRefusedException e) {
            return failed(request, e.getMessage(), 403);
        }
        if (flows.services().suspensions().suspendedAt(tenant.id(), result.account().id()).isPresent()) {
            // Said as at a password sign-in: a session would be refused at once and the person see only "signed out".
            return failed(request, SignInResource.SUSPENDED.formatted(tenant.supportEmail()), 403);
        }
        String next = pending.get().path("next").asText("/create");
        if (result.outcome() == ExternalSignIn.Outcome.CREATED) {
            flows.welcome(tenant, result.account(), request);
        } else if (result.outcome() == ExternalSignIn.Outcome.LINKED) {
            next = "/account?done=google-linked";
        }
        NewCookie session = flows.signIns().start(request, tenant, result.account());
        return Response.seeOther(URI.create(NextPath.of(next, "/create"))).header("Cache-Control", "no-store")
                .cookie(session, flows.services().cookies().expired(Cookies.OIDC)).build();
    }

    private Optional<JsonNode> pending(HttpServletRequest request, Tenant tenant) {
        Optional<String> cookie = Cookies.value(request, Cookies.OIDC);
        if (cookie.isEmpty() || cookie.get().length() > 4096) {
            return Optional.empty();
        }
        try {
            String sealed = cookie.get().replace('-', '+').replace('_', '/');
            sealed = sealed + "=".repeat((4 - sealed.length() % 4) % 4);
            JsonNode node = JSON.readTree(flows.services().secrets().open(sealed, context(tenant)));
            boolean current = tenant.id().equals(node.path("tenant").asText())
                    && node.path("expires").asLong() > Instant.now().getEpochSecond();
            return current ? Optional.of(node) : Optional.empty();
        } catch (SecretKeyException | IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private Response failed(HttpServletRequest request, String message, int status) {
        return flows.pages().form(request, "signin.ftlh", "Sign in", AuthPages.values("email", ""),
                Map.of("form", message), status, Map.of("next", ""));
    }

    private URI callback(HttpServletRequest request) {
        return URI.create(flows.links().onRequestHost(request, "/signin/google/callback"));
    }

    private static String context(Tenant tenant) {
        return "oidc-pending:" + tenant.id();
    }

    private static Optional<String> clientId(Tenant tenant) {
        TenantSettings settings = tenant.settings();
        if (settings == null || settings.signIn() == null || !settings.signIn().google()) {
            return Optional.empty();
        }
        String id = settings.signIn().googleConfig().get("client_id");
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(id);
    }

    private static String clientSecret(Tenant tenant) {
        return tenant.settings().signIn().googleConfig().get("client_secret");
    }

    private static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
