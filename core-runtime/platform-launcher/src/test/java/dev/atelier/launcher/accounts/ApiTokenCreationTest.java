package dev.atelier.launcher.accounts;

import static dev.atelier.launcher.accounts.AccountSite.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Personal API tokens are made only in a recent sign-in, and each remembers the session that made it, so a stolen
 * old cookie cannot leave a token behind unnoticed.
 */
class ApiTokenCreationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final TestPlatform platform = AccountSite.builder().build();
    private final AccountSite site = new AccountSite(platform);

    @Test
    void aSessionSignedInOverAnHourAgoMustSignInAgainBeforeCreatingAToken() throws Exception {
        Browser ada = site.signedUp("Ada", "ada@example.com");
        site.verify(ada, "ada@example.com");
        signedInTwoHoursAgo("ada@example.com");

        HttpResponse<String> form = ada.submit("/account", "/account/tokens", Map.of("tokenName", "my script"));
        HttpResponse<String> api = ada.createApiToken("my script");

        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(form.body()).contains("API tokens can only be created within an hour of signing in")
                .contains("/signin?reauth=yes&amp;next=%2Faccount%23tokens");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(api.body()).get("detail").asText()).contains("within an hour of signing in");

        HttpResponse<String> signInAgain = ada.get("/signin?reauth=yes&next=%2Faccount%23tokens");
        assertThat(signInAgain.statusCode()).as("the sign-in form, although signed in").isEqualTo(200);
        HttpResponse<String> signedIn = ada.submit("/signin?reauth=yes&next=%2Faccount%23tokens", "/signin",
                Map.of("email", "ada@example.com", "password", PASSWORD, "next", "/account#tokens"));
        assertThat(signedIn.statusCode()).isEqualTo(303);

        HttpResponse<String> created = ada.submit("/account", "/account/tokens", Map.of("tokenName", "my script"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).containsPattern("atl_[A-Za-z0-9_-]{20,}").contains("This device");
    }

    @Test
    void revokingASessionSaysWhichTokensItMadeAndTheyKeepWorkingUntilRevoked() throws Exception {
        Browser laptop = site.signedUp("Ada", "ada@example.com");
        site.verify(laptop, "ada@example.com");
        JsonNode made = JSON.readTree(laptop.createApiToken("made on the laptop").body());
        Browser phone = site.visitor();
        assertThat(phone.signIn("ada@example.com", PASSWORD).statusCode()).isEqualTo(303);
        assertThat(phone.get("/account").body()).contains("made on the laptop")
                .doesNotContain("A session that has ended");

        JsonNode sessions = JSON.readTree(phone.get("/api/v1/account/sessions").body()).get("items");
        String laptopSession = StreamSupport.stream(sessions.spliterator(), false)
                .filter(s -> !s.get("current").asBoolean()).findFirst().orElseThrow().get("id").asText();
        HttpResponse<String> revoked = phone.delete("/api/v1/account/sessions/" + laptopSession, phone.csrfHeader());

        assertThat(revoked.statusCode()).isEqualTo(200);
        JsonNode tokensMade = JSON.readTree(revoked.body()).get("tokens_made");
        assertThat(tokensMade).singleElement().satisfies(t -> {
            assertThat(t.get("id").asText()).isEqualTo(made.get("id").asText());
            assertThat(t.get("created_by").asText()).isEqualTo(laptopSession);
        });
        assertThat(site.visitor().get("/api/v1/account", Map.of("Authorization", "Bearer "
                + made.get("token").asText())).statusCode()).isEqualTo(200);
        assertThat(phone.get("/account").body()).contains("A session that has ended");
    }

    // As if the user had signed in two hours ago: the platform's clock is the real one.
    private void signedInTwoHoursAgo(String email) throws Exception {
        String accountId = site.account(email).orElseThrow().id();
        try (Connection connection = site.platform().atelier().database().dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE account_session"
                        + " SET created_at = created_at - interval '2 hours' WHERE account_id = ?")) {
            update.setString(1, accountId);
            assertThat(update.executeUpdate()).isPositive();
        }
    }
}
