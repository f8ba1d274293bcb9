package dev.atelier.launcher.accounts;

import static dev.atelier.launcher.accounts.AccountSite.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.web.auth.Cookies;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Changes made on the strength of a cookie need the CSRF token of the session (or the visitor) on this site; a personal
 * API token needs none in the JSON API, but forms never take one.
 */
class CsrfProtectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_PASSWORD = "quiet harbour kite 37";
    private static final String FORGED = "0".repeat(64);

    @RegisterExtension
    final TestPlatform platform = AccountSite.builder().build();
    private final AccountSite site = new AccountSite(platform);

    @Test
    void signInFormWithoutOrWithAWrongTokenIsRefusedAndSignsNobodyIn() throws Exception {
        site.signedUp("Ada", "ada@example.com").forgetCookies();
        Browser visitor = site.visitor();
        visitor.get("/signin");
        Browser other = site.visitor();
        String othersToken = other.csrfOf("/signin");

        for (String token : new String[] {null, "", FORGED, othersToken}) {
            HttpResponse<String> response = visitor.post("/signin",
                    form("email", "ada@example.com", "password", PASSWORD, "csrf", token));

            assertThat(response.statusCode()).as("csrf %s", token).isEqualTo(403);
            assertThat(response.body()).contains("This form has expired");
            assertThat(visitor.cookie(Cookies.SESSION)).as("csrf %s", token).isEmpty();
        }
        assertThat(visitor.signIn("ada@example.com", PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void passwordChangeWithoutOrWithAWrongTokenIsRefusedAndTheOldPasswordStillWorks() throws Exception {
        Browser ada = site.signedUp("Ada", "ada@example.com");
        String visitorToken = site.visitor().csrfOf("/signin");

        for (String token : new String[] {null, FORGED, visitorToken}) {
            HttpResponse<String> response = ada.post("/account/password",
                    form("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD, "csrf", token));

            assertThat(response.statusCode()).as("csrf %s", token).isEqualTo(403);
            assertThat(response.body()).contains("This form has expired");
        }
        assertThat(site.visitor().signIn("ada@example.com", NEW_PASSWORD).statusCode()).isEqualTo(401);
        assertThat(site.visitor().signIn("ada@example.com", PASSWORD).statusCode()).isEqualTo(303);
        assertThat(ada.get("/account").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void apiTokenFormWithoutOrWithAWrongTokenIsRefusedAndCreatesNoToken() throws Exception {
        Browser ada = site.signedUp("Ada", "ada@example.com");
        site.verify(ada, "ada@example.com");

        for (String token : new String[] {null, FORGED}) {
            HttpResponse<String> response = ada.post("/account/tokens", form("tokenName", "forged", "csrf", token));

            assertThat(response.statusCode()).as("csrf %s", token).isEqualTo(403);
        }
        assertThat(JSON.readTree(ada.get("/api/v1/account/tokens").body()).get("items")).isEmpty();
        HttpResponse<String> created = ada.submit("/account", "/account/tokens", Map.of("tokenName", "my script"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).containsPattern("atl_[A-Za-z0-9_-]{20,}");
        assertThat(JSON.readTree(ada.get("/api/v1/account/tokens").body()).get("items")).hasSize(1);
    }

    @Test
    void jsonApiNeedsTheCsrfHeaderWithTheSessionCookieButNotWithAnApiToken() throws Exception {
        Browser ada = site.signedUp("Ada", "ada@example.com");
        site.verify(ada, "ada@example.com");
        String body = "{\"name\":\"my script\"}";

        HttpResponse<String> withoutHeader = ada.postJson("/api/v1/account/tokens", body, Map.of());
        HttpResponse<String> wrongHeader = ada.postJson("/api/v1/account/tokens", body,
                Map.of("X-CSRF-Token", FORGED));

        for (HttpResponse<String> refused : java.util.List.of(withoutHeader, wrongHeader)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains("X-CSRF-Token");
        }
        assertThat(JSON.readTree(ada.get("/api/v1/account/tokens").body()).get("items")).isEmpty();

        HttpResponse<String> withHeader = ada.createApiToken("my script");
        HttpResponse<String> second = ada.createApiToken("my other script");

        assertThat(withHeader.statusCode()).isEqualTo(201);
        String apiToken = JSON.readTree(withHeader.body()).get("token").asText();
        assertThat(apiToken).startsWith("atl_");

        Browser script = site.visitor();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + apiToken);
        HttpResponse<String> whoAmI = script.get("/api/v1/account", bearer);
        HttpResponse<String> revokedWithoutCsrf = script.delete("/api/v1/account/tokens/"
                + JSON.readTree(second.body()).get("id").asText(), bearer);

        assertThat(JSON.readTree(whoAmI.body()).get("email").asText()).isEqualTo("ada@example.com");
        assertThat(JSON.readTree(whoAmI.body()).get("csrf_token").isNull()).isTrue();
        assertThat(revokedWithoutCsrf.statusCode()).isEqualTo(204);
        assertThat(script.cookie(Cookies.SESSION)).isEmpty();
        assertThat(JSON.readTree(ada.get("/api/v1/account/tokens").body()).get("items")).hasSize(1);
    }

    @Test
    void anApiTokenCannotCreateMoreApiTokens() throws Exception {
        Browser ada = site.signedUp("Ada", "ada@example.com");
        site.verify(ada, "ada@example.com");
        String apiToken = JSON.readTree(ada.createApiToken("my script").body()).get("token").asText();

        HttpResponse<String> byToken = site.visitor().postJson("/api/v1/account/tokens",
                "{\"name\":\"made by a script\"}", Map.of("Authorization", "Bearer " + apiToken));

        assertThat(byToken.statusCode()).isEqualTo(403);
        assertThat(byToken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(byToken.body()).get("detail").asText()).contains("cannot create API tokens");
        assertThat(JSON.readTree(ada.get("/api/v1/account/tokens").body()).get("items")).hasSize(1);
    }

    @Test
    void aFormPostedWithAnApiTokenIsRefusedWhateverCsrfCookieTheCallerBrings() throws Exception {
        Browser ada = site.signedUp("Ada", "ada@example.com");
        site.verify(ada, "ada@example.com");
        String apiToken = JSON.readTree(ada.createApiToken("my script").body()).get("token").asText();
        // The caller's own visitor cookie and the token that goes with it, from a signed-out page.
        Browser script = site.visitor();
        String chosen = script.csrfOf("/signin");

        Map<String, String> bearer = Map.of("Authorization", "Bearer " + apiToken);
        HttpResponse<String> token = script.postForm("/account/tokens", form("tokenName", "made by a form",
                "csrf", chosen), bearer);
        HttpResponse<String> password = script.postForm("/account/password", form("currentPassword", PASSWORD,
                "newPassword", NEW_PASSWORD, "csrf", chosen), bearer);

        assertThat(token.statusCode()).isEqualTo(403);
        assertThat(password.statusCode()).isEqualTo(403);
        assertThat(password.body()).contains("This form has expired");
        assertThat(JSON.readTree(ada.get("/api/v1/account/tokens").body()).get("items")).hasSize(1);
        assertThat(site.visitor().signIn("ada@example.com", PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void aVisitorsCsrfTokenFromAnotherTenantsSiteIsRefused() throws Exception {
        site.signedUp("Ada", "ada@example.com").forgetCookies();
        Browser elsewhere = site.platform().browser(site.platform().secondDemoTenant());
        String foreignToken = elsewhere.csrfOf("/reset");
        Browser visitor = site.visitor();
        visitor.setCookie(Cookies.CSRF, elsewhere.cookie(Cookies.CSRF).orElseThrow());

        HttpResponse<String> reset = visitor.post("/reset", form("email", "ada@example.com", "csrf", foreignToken));
        HttpResponse<String> signIn = visitor.post("/signin", form("email", "ada@example.com", "password", PASSWORD,
                "csrf", foreignToken));

        assertThat(reset.statusCode()).isEqualTo(403);
        assertThat(reset.body()).contains("This form has expired");
        assertThat(signIn.statusCode()).isEqualTo(403);
        assertThat(visitor.cookie(Cookies.SESSION)).isEmpty();
        assertThat(site.mailsTo("ada@example.com")).noneMatch(m -> m.subject().startsWith("Reset your"));
    }

    /** Form fields in order; a null value leaves the field out. */
    private static Map<String, String> form(String... keysAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                fields.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return fields;
    }
}
