package dev.atelier.launcher.accounts;

import static dev.atelier.launcher.accounts.AccountSite.PASSWORD;
import static dev.atelier.launcher.accounts.AccountSite.TENANT_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.accounts.Account;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.Mail;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.web.auth.Cookies;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What people type into the account forms, odd or hostile: each value is refused with a message at its field, or
 * stored exactly as typed and shown escaped wherever it appears. Nothing is stored mangled, nothing answers 500.
 */
class AccountInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SQL = "'); DROP TABLE account;--";
    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final String SCRIPT_ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";

    @RegisterExtension
    final TestPlatform platform = AccountSite.builder().build();
    private final AccountSite site = new AccountSite(platform);

    @Test
    void malformedEmailsAreRefusedAtTheEmailFieldAndCreateNoAccount() throws Exception {
        String[] malformed = {"plainaddress", "ada@", "@example.com", "ada@@example.com", "ada lovelace@example.com",
                "ada@example", "<script>@example.com", "a".repeat(250) + "@example.com"};
        Browser visitor = site.visitor();

        for (String email : malformed) {
            HttpResponse<String> response = visitor.signUp("Ada", email, PASSWORD);

            assertThat(response.statusCode()).as(email).isEqualTo(422);
            assertThat(response.body()).as(email).contains("id=\"signup-email-error\"")
                    .containsAnyOf("Enter an email address like name@example.com.", "Use an email address of at most")
                    .doesNotContain("<script>@");
            assertThat(visitor.cookie(Cookies.SESSION)).as(email).isEmpty();
        }
        assertThat(visitor.signUp("Ada", "<script>@example.com", PASSWORD).body())
                .contains("value=\"&lt;script&gt;@example.com\"");
        site.signedUp("Ada", "ada@example.com");
        site.awaitMail("ada@example.com", "Welcome to " + TENANT_NAME);
        assertThat(site.mails()).extracting(Mail::to).containsOnly("ada@example.com");
    }

    @Test
    void aTenKilobytePasswordIsRefusedAtItsFieldAndNeverBreaksSignIn() throws Exception {
        String huge = "correct horse ".repeat(750);
        assertThat(huge.length()).isGreaterThan(10_000);
        Browser visitor = site.visitor();

        HttpResponse<String> signUp = visitor.signUp("Ada", "ada@example.com", huge);

        assertThat(signUp.statusCode()).isEqualTo(422);
        assertThat(signUp.body()).contains("id=\"signup-password-error\"").contains("Use at most 256 characters.")
                .doesNotContain("correct horse correct horse");
        assertThat(site.account("ada@example.com")).isEmpty();

        Browser ada = site.signedUp("Ada", "ada@example.com");
        assertThat(site.visitor().signIn("ada@example.com", huge).statusCode()).isEqualTo(401);
        HttpResponse<String> json = site.visitor().postJson("/api/v1/auth/signin",
                JSON.writeValueAsString(Map.of("email", "ada@example.com", "password", huge)), Map.of());
        assertThat(json.statusCode()).isEqualTo(401);
        HttpResponse<String> change = ada.submit("/account", "/account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", huge));
        assertThat(change.statusCode()).isEqualTo(422);
        assertThat(change.body()).contains("Use at most 256 characters.");
        assertThat(site.visitor().signIn("ada@example.com", PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void fullwidthAndUpperCaseFormsOfAnEmailAreOneAccount() throws Exception {
        Browser max = site.visitor();

        HttpResponse<String> signedUp = max.signUp("Max", "\uFF2D\uFF41\uFF58@Example.com", PASSWORD);

        assertThat(signedUp.statusCode()).isEqualTo(303);
        Account account = site.account("max@example.com").orElseThrow();
        assertThat(account.email()).isEqualTo("max@example.com");
        site.awaitMail("max@example.com", "Confirm your email address for " + TENANT_NAME);
        for (String email : new String[] {"max@example.com", "MAX@EXAMPLE.COM", "\uFF2D\uFF41\uFF58@Example.com",
                " Max@example.com "}) {
            Browser visitor = site.visitor();
            assertThat(visitor.signIn(email, PASSWORD).statusCode()).as(email).isEqualTo(303);
            assertThat(visitor.get("/account").body()).as(email).contains("max@example.com");
        }

        Browser again = site.visitor();
        HttpResponse<String> secondSignUp = again.signUp("Someone", "max@example.com", "another password 12345");

        assertThat(secondSignUp.statusCode()).isEqualTo(200);
        assertThat(secondSignUp.body()).contains("Check your inbox");
        assertThat(again.cookie(Cookies.SESSION)).isEmpty();
        site.awaitMail("max@example.com", "Reset your " + TENANT_NAME + " password");
        assertThat(site.account("MAX@example.com").orElseThrow().id()).isEqualTo(account.id());
        assertThat(site.visitor().signIn("max@example.com", "another password 12345").statusCode())
                .isEqualTo(401);
    }

    @Test
    void sqlInADisplayNameIsStoredVerbatimAndHarmless() throws Exception {
        Browser bobby = site.signedUp(SQL, "bobby@example.com");

        assertThat(site.account("bobby@example.com").orElseThrow().displayName()).isEqualTo(SQL);
        assertThat(bobby.get("/account").body()).contains("value=\"&#39;); DROP TABLE account;--\"");
        assertThat(site.visitor().get("/").statusCode()).isEqualTo(200);
        assertThat(site.visitor().signIn("bobby@example.com", PASSWORD).statusCode()).isEqualTo(303);
        Mail welcome = site.awaitMail("bobby@example.com", "Welcome to " + TENANT_NAME);
        assertThat(welcome.text()).contains("Hello " + SQL + ",");
        assertThat(welcome.html()).contains("Hello &#39;); DROP TABLE account;--,");
    }

    @Test
    void markupInADisplayNameIsStoredVerbatimAndEscapedOnEveryPageAndInTheWelcomeEmail() throws Exception {
        Browser eve = site.signedUp(SCRIPT, "eve@example.com");

        assertThat(site.account("eve@example.com").orElseThrow().displayName()).isEqualTo(SCRIPT);
        for (String path : new String[] {"/", "/pricing", "/create", "/gallery", "/account", "/signup/done"}) {
            String page = eve.get(path).body();
            assertThat(page).as(path).doesNotContain("<script>alert");
        }
        assertThat(eve.get("/account").body()).contains("value=\"" + SCRIPT_ESCAPED + "\"");
        assertThat(JSON.readTree(eve.get("/api/v1/account").body()).get("display_name").asText()).isEqualTo(SCRIPT);
        Mail welcome = site.awaitMail("eve@example.com", "Welcome to " + TENANT_NAME);
        assertThat(welcome.html()).contains("Hello " + SCRIPT_ESCAPED + ",").doesNotContain("<script>");
        assertThat(welcome.text()).contains("Hello " + SCRIPT + ",");
        Mail verification = site.awaitMail("eve@example.com", "Confirm your email address for " + TENANT_NAME);
        assertThat(verification.html()).doesNotContain("<script>");

        String image = "<img src=x onerror=alert(1)>";
        HttpResponse<String> renamed = eve.submit("/account", "/account/profile", Map.of("displayName", image));

        assertThat(renamed.statusCode()).isEqualTo(303);
        assertThat(site.account("eve@example.com").orElseThrow().displayName()).isEqualTo(image);
        assertThat(eve.get("/account").body()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain(image);
    }

    @Test
    void displayNamesThatAreTooLongOrHoldControlCharactersAreRefusedAtTheirField() throws Exception {
        Browser ada = site.signedUp("Ada", "ada@example.com");

        HttpResponse<String> tooLong = ada.submit("/account", "/account/profile",
                Map.of("displayName", "A".repeat(101)));
        HttpResponse<String> nul = ada.submit("/account", "/account/profile", Map.of("displayName", "Ada\u0000x"));
        HttpResponse<String> lineBreak = ada.submit("/account", "/account/profile",
                Map.of("displayName", "Ada\nLovelace"));
        HttpResponse<String> signUpTooLong = site.visitor().signUp("B".repeat(101), "b@example.com", PASSWORD);

        for (HttpResponse<String> refused : java.util.List.of(tooLong, nul, lineBreak)) {
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("id=\"profile-name-error\"");
        }
        assertThat(tooLong.body()).contains("Use a name of at most 100 characters.");
        assertThat(nul.body()).contains("Use a name without line breaks or tabs.");
        assertThat(signUpTooLong.statusCode()).isEqualTo(422);
        assertThat(signUpTooLong.body()).contains("id=\"signup-name-error\"");
        assertThat(site.account("ada@example.com").orElseThrow().displayName()).isEqualTo("Ada");
        assertThat(site.account("b@example.com")).isEmpty();
    }
}
