package dev.atelier.launcher.accounts;

import static dev.atelier.launcher.accounts.AccountSite.PASSWORD;
import static dev.atelier.launcher.accounts.AccountSite.TENANT_NAME;
import static dev.atelier.launcher.accounts.AccountSite.signIn;
import static dev.atelier.launcher.accounts.EmailPasswordFlowsTest.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    private AccountSite site;

    @BeforeEach
    void start() throws Exception {
        site = AccountSite.start();
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void anAccountWhoseEmailIsNotConfirmedGetsNoApiTokenOnThePageOrInTheApi() throws Exception {
        Visitor squatter = site.signedUp("Squatter", VICTIM);

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
        Visitor owner = site.signedUp("Owner", VICTIM);
        site.verify(owner, VICTIM);
        // Someone who learnt the password signs in and leaves a token behind.
        Visitor intruder = site.visitor();
        assertThat(signIn(intruder, VICTIM, PASSWORD).statusCode()).isEqualTo(303);
        HttpResponse<String> created = intruder.createApiToken("backdoor");
        assertThat(created.statusCode()).isEqualTo(201);
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token(created));
        assertThat(site.visitor().get("/api/v1/account", bearer).statusCode()).isEqualTo(200);

        Visitor resetting = site.visitor();
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
        Visitor squatter = site.signedUp("Squatter", VICTIM);
        HttpResponse<String> change = squatter.submit("/account", "/account/email",
                Map.of("newEmail", "squatter@elsewhere.example", "currentPassword", PASSWORD));
        assertThat(change.statusCode()).isEqualTo(303);
        Mail changeLink = site.awaitMail("squatter@elsewhere.example", CHANGE_SUBJECT);

        // The owner opens the confirmation mail that reached their mailbox.
        Visitor owner = site.visitor();
        site.verify(owner, VICTIM);

        assertThat(location(squatter.get("/account"))).as("the squatter's session").startsWith("/signin");
        HttpResponse<String> late = site.visitor().get(changeLink.linkPath());
        assertThat(late.statusCode()).as("the squatter's pending email change").isEqualTo(410);
        assertThat(site.account(VICTIM)).hasValueSatisfying(a -> assertThat(a.emailVerified()).isTrue());
        assertThat(site.account("squatter@elsewhere.example")).isEmpty();
    }

    @Test
    void aPasswordResetEndsAPendingEmailChangeMadeBeforeIt() throws Exception {
        Visitor squatter = site.signedUp("Squatter", VICTIM);
        squatter.submit("/account", "/account/email",
                Map.of("newEmail", "squatter@elsewhere.example", "currentPassword", PASSWORD));
        Mail changeLink = site.awaitMail("squatter@elsewhere.example", CHANGE_SUBJECT);

        assertThat(site.resetPassword(site.visitor(), VICTIM, OWNERS_PASSWORD, 1).statusCode()).isEqualTo(303);

        assertThat(squatter.get(changeLink.linkPath()).statusCode()).isEqualTo(410);
        assertThat(signIn(site.visitor(), VICTIM, PASSWORD).statusCode()).as("the squatter's password").isEqualTo(401);
        assertThat(signIn(site.visitor(), VICTIM, OWNERS_PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void theBrowserThatFollowsTheVerificationLinkSignedInToTheAccountStaysSignedIn() throws Exception {
        Visitor laptop = site.signedUp("Ada", "ada@example.com");
        Visitor phone = site.visitor();
        assertThat(signIn(phone, "ada@example.com", PASSWORD).statusCode()).isEqualTo(303);

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
