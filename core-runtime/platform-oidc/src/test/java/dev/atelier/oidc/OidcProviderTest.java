package dev.atelier.oidc;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signs in against a real OpenID provider (mock-oauth2-server) started per test, over HTTP. */
class OidcProviderTest {

    private static final String ISSUER_ID = "default";
    private static final String CLIENT_ID = "atelier-web";
    private static final String CLIENT_SECRET = "s3cret";
    private static final URI REDIRECT_URI = URI.create("https://auratuner.localhost/signin/google/callback");

    private final HttpClient browser = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private MockOAuth2Server server;
    private OidcProvider provider;

    @BeforeEach
    void startProvider() {
        server = new MockOAuth2Server();
        server.start();
        // Generous: the mock server's first answers are slow on a busy machine; the refusals have their own test.
        provider = new OidcProvider(server.issuerUrl(ISSUER_ID).uri(), Duration.ofSeconds(30));
    }

    @AfterEach
    void stopProvider() {
        server.shutdown();
    }

    @Test
    void signsInWithTheIdentityTheProviderVouchesFor() throws Exception {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "user-1234", "JWT", List.of(CLIENT_ID),
                Map.of("email", "ada@example.com", "email_verified", true, "name", "Ada Lovelace"), 3600));

        PendingAuthorization pending = provider.begin(CLIENT_ID, REDIRECT_URI);
        String code = authorizeInBrowser(pending);
        VerifiedIdentity identity = provider.complete(CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, code, pending);

        assertThat(identity).isEqualTo(new VerifiedIdentity(server.issuerUrl(ISSUER_ID).toString(), "user-1234",
                "ada@example.com", true, "Ada Lovelace"));
    }

    @Test
    void signsInAPublicClientWithoutSecretAndWithoutEmail() throws Exception {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "user-5678", "JWT", List.of(CLIENT_ID),
                Map.of(), 3600));

        PendingAuthorization pending = provider.begin(CLIENT_ID, REDIRECT_URI);
        VerifiedIdentity identity = provider.complete(CLIENT_ID, null, REDIRECT_URI, authorizeInBrowser(pending), pending);

        assertThat(identity.subject()).isEqualTo("user-5678");
        assertThat(identity.email()).isNull();
        assertThat(identity.emailVerified()).isFalse();
        assertThat(identity.name()).isNull();
    }

    @Test
    void sendsTheBrowserToTheProviderWithPkceStateNonceAndOpenIdScopes() throws Exception {
        PendingAuthorization pending = provider.begin(CLIENT_ID, REDIRECT_URI);

        Map<String, String> query = queryOf(pending.authorizationUri());
        assertThat(pending.authorizationUri().toString()).startsWith(server.authorizationEndpointUrl(ISSUER_ID).toString());
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", CLIENT_ID)
                .containsEntry("redirect_uri", REDIRECT_URI.toString())
                .containsEntry("scope", "openid email profile")
                .containsEntry("state", pending.state())
                .containsEntry("nonce", pending.nonce())
                .containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge");
        assertThat(query.get("code_challenge")).isNotEqualTo(pending.codeVerifier());
        assertThat(provider.begin(CLIENT_ID, REDIRECT_URI).state()).isNotEqualTo(pending.state());
    }

    @Test
    void neverPrintsTheCodeVerifier() throws Exception {
        PendingAuthorization pending = provider.begin(CLIENT_ID, REDIRECT_URI);

        assertThat(pending.toString()).doesNotContain(pending.codeVerifier()).contains(pending.state());
    }

    @Test
    void refusesAnIdTokenIssuedForAnotherSignInAttempt() throws Exception {
        PendingAuthorization pending = provider.begin(CLIENT_ID, REDIRECT_URI);
        String code = authorizeInBrowser(pending);
        PendingAuthorization otherAttempt = new PendingAuthorization(pending.authorizationUri(), pending.state(),
                "a-nonce-from-another-attempt", pending.codeVerifier());

        assertThatThrownBy(() -> provider.complete(CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, code, otherAttempt))
                .isInstanceOfSatisfying(OidcException.class,
                        e -> assertThat(e.reason()).isEqualTo(OidcException.Reason.NONCE_MISMATCH));
    }

    @Test
    void refusesAnIdTokenIssuedForAnotherClient() throws Exception {
        // The mock provider addresses ID tokens to the client redeeming the code; an extra "aud" claim overrides that.
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "user-1234", "JWT", List.of(CLIENT_ID),
                Map.of("aud", List.of("someone-elses-client"), "email", "ada@example.com"), 3600));

        PendingAuthorization pending = provider.begin(CLIENT_ID, REDIRECT_URI);
        String code = authorizeInBrowser(pending);

        assertThatThrownBy(() -> provider.complete(CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, code, pending))
                .isInstanceOfSatisfying(OidcException.class,
                        e -> assertThat(e.reason()).isEqualTo(OidcException.Reason.INVALID_ID_TOKEN));
    }

    @Test
    void refusesAnExpiredIdToken() throws Exception {
        // Expired an hour ago: well past the 60 seconds of clock skew allowed. Set as an "exp" claim rather than a
        // negative token expiry, which would also make the token response's expires_in negative and so unreadable.
        long anHourAgo = Instant.now().minusSeconds(3600).getEpochSecond();
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "user-1234", "JWT", List.of(CLIENT_ID),
                Map.of("exp", anHourAgo), 3600));

        PendingAuthorization pending = provider.begin(CLIENT_ID, REDIRECT_URI);
        String code = authorizeInBrowser(pending);

        assertThatThrownBy(() -> provider.complete(CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, code, pending))
                .isInstanceOfSatisfying(OidcException.class, e -> {
                    assertThat(e.reason()).isEqualTo(OidcException.Reason.INVALID_ID_TOKEN);
                    assertThat(e.getMessage()).containsIgnoringCase("expired");
                });
    }

    @Test
    void reportsAnUnreachableIssuerAsDiscoveryFailure() throws Exception {
        URI unreachable = URI.create("http://127.0.0.1:" + freePort() + "/nobody-here");
        OidcProvider nowhere = new OidcProvider(unreachable, Duration.ofSeconds(2));

        assertThatThrownBy(() -> nowhere.begin(CLIENT_ID, REDIRECT_URI))
                .isInstanceOfSatisfying(OidcException.class, e -> {
                    assertThat(e.reason()).isEqualTo(OidcException.Reason.DISCOVERY_FAILED);
                    assertThat(e.getMessage()).startsWith("Could not read the OpenID configuration of " + unreachable);
                });
    }

    /**
     * What a browser does: open the authorization URI and follow the provider's redirect back. With interactive
     * login off the mock provider signs in at once and redirects with a code.
     */
    private String authorizeInBrowser(PendingAuthorization pending) throws IOException, InterruptedException {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(pending.authorizationUri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("authorization endpoint answer").isEqualTo(302);
        URI callback = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(callback.toString()).startsWith(REDIRECT_URI.toString());
        Map<String, String> query = queryOf(callback);
        // The state check the caller of OidcProvider is responsible for.
        assertThat(query.get("state")).isEqualTo(pending.state());
        assertThat(query).containsKey("code");
        return query.get("code");
    }

    private static Map<String, String> queryOf(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
