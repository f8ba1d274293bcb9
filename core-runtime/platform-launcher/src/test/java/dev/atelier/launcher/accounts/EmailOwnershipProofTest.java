package dev.atelier.launcher.accounts;

import static dev.atelier.launcher.accounts.AccountSite.PASSWORD;
import static dev.atelier.launcher.accounts.AccountSite.TENANT_NAME;
import static dev.atelier.launcher.accounts.EmailPasswordFlowsTest.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.Mail;
import dev.atelier.launcher.platform.TestPlatform;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Registering someone's email first gains nothing: an unconfirmed account gets no API tokens, and when the owner
 * proves the address (verification link, password reset) every session, API token and pending email change made
 * before ends.
 */
class EmailOwnershipProofTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VICTIM = "victim@example.com";
    private static final String OWNERS_PASSWORD = "owner picks a new phrase 8";
    private static final String CHANGE_SUBJECT = "Confirm your email address for " + TENANT_NAME;

    @RegisterExtension
    final TestPlatform platform = AccountSite.builder().build();
    private final AccountSite site = new AccountSite(platform);

    @Test
    void anAccountWhoseEmailIsNotConfirmedGetsNoApiTokenOnThePageOrInTheApi() throws Exception {
        Browser squatter = site.signedUp("Squatter", VICTIM);

        HttpResponse<String> form = squatter.submit("/account", "/account/tokens", Map.of("tokenName", "keep"));
        HttpResponse<String> api = squatter.createApiToken("keep");

        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(form.body()).contains("Confirm your email address first")
                .doesNotContainPattern("atl_[A-Za-z0-9_-]{20,}");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(api.body()).get("detail").asText()).contains("Confirm your email address first");
        assertThat(JSON.readTree(squatter.get("/api/v1/account/tokens").body()).get("items")).isEmpty();
    }

    @Test
    void apiTokenMadeBeforeAPasswordResetStopsWorking() throws Exception {
        Browser owner = site.signedUp("Owner", VICTIM);
        site.verify(owner, VICTIM);
        // Someone who learnt the password signs in and leaves a token behind.
        Browser intruder = site.visitor();
        assertThat(intruder.signIn(VICTIM, PASSWORD).statusCode()).isEqualTo(303);
        HttpResponse<String> created = intruder.createApiToken("backdoor");
        assertThat(created.statusCode()).isEqualTo(201);
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token(created));
        assertThat(site.visitor().get("/api/v1/account", bearer).statusCode()).isEqualTo(200);

        Browser resetting = site.visitor();
        HttpResponse<String> reset = site.resetPassword(resetting, VICTIM, OWNERS_PASSWORD, 1);

        assertThat(reset.statusCode()).isEqualTo(303);
        assertThat(site.visitor().get("/api/v1/account", bearer).statusCode()).isEqualTo(401);
        assertThat(intruder.get("/api/v1/account").statusCode()).as("the intruder's session").isEqualTo(401);
        assertThat(owner.get("/api/v1/account").statusCode()).as("sessions from before the reset").isEqualTo(401);
        assertThat(resetting.get("/api/v1/account").statusCode()).as("the reset's own sign-in").isEqualTo(200);
        assertThat(resetting.get("/account?done=password-reset").body()).contains("You have no API tokens.");
    }

    @Test
    void followingTheVerificationLinkEndsTheSquattersSessionAndPendingEmailChange() throws Exception {
        Browser squatter = site.signedUp("Squatter", VICTIM);
        HttpResponse<String> change = squatter.submit("/account", "/account/email",
                Map.of("newEmail", "squatter@elsewhere.example", "currentPassword", PASSWORD));
        assertThat(change.statusCode()).isEqualTo(303);
        Mail changeLink = site.awaitMail("squatter@elsewhere.example", CHANGE_SUBJECT);

        // The owner opens the confirmation mail that reached their mailbox.
        Browser owner = site.visitor();
        site.verify(owner, VICTIM);

        assertThat(location(squatter.get("/account"))).as("the squatter's session").startsWith("/signin");
        HttpResponse<String> late = site.visitor().get(changeLink.linkPath());
        assertThat(late.statusCode()).as("the squatter's pending email change").isEqualTo(410);
        assertThat(site.account(VICTIM)).hasValueSatisfying(a -> assertThat(a.emailVerified()).isTrue());
        assertThat(site.account("squatter@elsewhere.example")).isEmpty();
    }

    @Test
    void aPasswordResetEndsAPendingEmailChangeMadeBeforeIt() throws Exception {
        Browser squatter = site.signedUp("Squatter", VICTIM);
        squatter.submit("/account", "/account/email",
                Map.of("newEmail", "squatter@elsewhere.example", "currentPassword", PASSWORD));
        Mail changeLink = site.awaitMail("squatter@elsewhere.example", CHANGE_SUBJECT);

        assertThat(site.resetPassword(site.visitor(), VICTIM, OWNERS_PASSWORD, 1).statusCode()).isEqualTo(303);

        assertThat(squatter.get(changeLink.linkPath()).statusCode()).isEqualTo(410);
        assertThat(site.visitor().signIn(VICTIM, PASSWORD).statusCode()).as("the squatter's password").isEqualTo(401);
        assertThat(site.visitor().signIn(VICTIM, OWNERS_PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void theBrowserThatFollowsTheVerificationLinkSignedInToTheAccountStaysSignedIn() throws Exception {
        Browser laptop = site.signedUp("Ada", "ada@example.com");
        Browser phone = site.visitor();
        assertThat(phone.signIn("ada@example.com", PASSWORD).statusCode()).isEqualTo(303);

        site.verify(laptop, "ada@example.com");

        assertThat(laptop.get("/account").statusCode()).isEqualTo(200);
        assertThat(location(phone.get("/account"))).as("the other session").startsWith("/signin");
        HttpResponse<String> created = laptop.createApiToken("my script");
        assertThat(created.statusCode()).as("tokens once the email is confirmed").isEqualTo(201);
    }

    private static String token(HttpResponse<String> created) throws Exception {
        JsonNode body = JSON.readTree(created.body());
        return body.get("token").asText();
    }
}
