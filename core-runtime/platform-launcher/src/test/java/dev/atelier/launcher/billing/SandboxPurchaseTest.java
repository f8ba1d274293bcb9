package dev.atelier.launcher.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.billing.payments.PaymentReconciler;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.plugins.PluginKinds;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Buying on AuraTuner's local profile, whose payments go through the sandbox provider: from the pricing page through
 * the test checkout page to the credits, over HTTP as a browser and a script do it.
 */
class SandboxPurchaseTest {

    private static final String SLUG = "auratuner";
    /** AuraTuner's sign-up bonus (tenant.yaml). */
    private static final long BONUS = 25;

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();

    @BeforeAll
    static void sandboxDeployed() {
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.atelier().plugins().plugins(PluginKinds.PAYMENTS)
                .find("sandbox").isPresent());
    }

    @Test
    void aNewUserChoosesTheCreatorPlanPaysOnTheTestPageAndSeesTheCreditsArrive() throws Exception {
        Browser buyer = newBuyer();
        assertThat(buyer.get("/pricing").body()).contains("href=\"/billing/checkout?offer=creator\"");

        HttpResponse<String> confirm = buyer.get("/billing/checkout?offer=creator");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Creator plan", "$19", "800 credits", "Test mode");

        HttpResponse<String> started = buyer.post("/billing/checkout", Map.of("offer", "creator",
                "csrf", Browser.csrfOf(confirm)));
        assertThat(started.statusCode()).isEqualTo(303);
        String testPage = buyer.redirect(started);
        assertThat(testPage).matches("/billing/sandbox/checkout/chk_[0-9a-f]{32}");

        HttpResponse<String> page = buyer.get(testPage);
        assertThat(page.body()).contains("TEST MODE", "name=\"outcome\" value=\"pay\"",
                "name=\"outcome\" value=\"decline\"");
        HttpResponse<String> paid = buyer.post(testPage, Map.of("outcome", "pay", "csrf", Browser.csrfOf(page)));
        assertThat(paid.statusCode()).isEqualTo(303);

        HttpResponse<String> billing = buyer.get(buyer.redirect(paid));
        assertThat(billing.body()).contains("Payment received", "Creator plan", ">" + (BONUS + 800) + "<", "$19");
        // The balance broken down by where it comes from.
        assertThat(billing.body()).contains("Where your credits come from",
                "<th scope=\"row\">Creator plan</th><td>800</td>", "<th scope=\"row\">Welcome bonus</th><td>25</td>");
        JsonNode subscription = Browser.json(buyer.get("/api/v1/billing/subscription")).get("subscription");
        assertThat(subscription.get("plan").asText()).isEqualTo("creator");
        assertThat(subscription.get("status").asText()).isEqualTo("ACTIVE");
        JsonNode payments = Browser.json(buyer.get("/api/v1/billing/payments")).get("items");
        assertThat(payments).hasSize(1);
        assertThat(payments.get(0).get("credits").asLong()).isEqualTo(800);
        HttpResponse<String> receipt = buyer.get("/account/billing/receipts/" + payments.get(0).get("id").asText());
        assertThat(receipt.body()).contains("Receipt", "Creator plan", "$19", "AuraTuner");

        // Answering the same test page again changes nothing: the checkout is settled.
        buyer.post(testPage, Map.of("outcome", "pay", "csrf", Browser.csrfOf(page)));
        assertThat(Browser.json(buyer.get("/api/v1/credits")).get("balance").asLong()).isEqualTo(BONUS + 800);
    }

    @Test
    void aTestModePlanRenewsOncePerPeriodAndAFailedRenewalLeavesItPastDue() throws Exception {
        Browser buyer = newBuyer();
        String testPage = startCheckout(buyer, "starter");
        buyer.post(testPage, Map.of("outcome", "pay", "csrf", Browser.csrfOf(buyer.get(testPage))));
        String subscription = Browser.json(buyer.get("/api/v1/billing/subscription")).get("subscription").get("id")
                .asText();
        HttpResponse<String> billing = buyer.get("/account/billing");
        assertThat(billing.body()).contains("TEST MODE", "Renew now");

        Map<String, String> renew = Map.of("subscription", subscription, "outcome", "pay",
                "csrf", Browser.csrfOf(billing));
        assertThat(buyer.post("/billing/sandbox/renew", renew).statusCode()).isEqualTo(303);
        JsonNode renewed = Browser.json(buyer.get("/api/v1/billing/subscription")).get("subscription");
        assertThat(Browser.json(buyer.get("/api/v1/billing/payments")).get("items")).hasSize(2);
        assertThat(Browser.json(buyer.get("/api/v1/credits")).get("balance").asLong())
                .as("the first period's credits last until it ends").isEqualTo(BONUS + 300 + 300);

        assertThat(buyer.post("/billing/sandbox/renew", Map.of("subscription", subscription, "outcome", "fail",
                "csrf", Browser.csrfOf(buyer.get("/account/billing")))).statusCode()).isEqualTo(303);
        JsonNode pastDue = Browser.json(buyer.get("/api/v1/billing/subscription")).get("subscription");
        assertThat(pastDue.get("status").asText()).isEqualTo("PAST_DUE");
        assertThat(pastDue.get("current_period_end").asText()).isNotBlank()
                .isEqualTo(renewed.get("current_period_end").asText());
        JsonNode first = Browser.json(buyer.get("/api/v1/billing/payments?limit=1"));
        JsonNode second = Browser.json(buyer.get("/api/v1/billing/payments?limit=1&cursor="
                + first.get("next_cursor").asText()));
        assertThat(first.get("items")).hasSize(1);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("next_cursor").isNull()).isTrue();
        assertThat(second.get("items").get(0).get("paid_at").asText())
                .isLessThanOrEqualTo(first.get("items").get(0).get("paid_at").asText());
        assertThat(Browser.json(buyer.get("/api/v1/billing/payments")).get("items")).hasSize(2);
    }

    @Test
    void aDeclinedTopUpSaysSoAndAddsNothing() throws Exception {
        Browser buyer = newBuyer();
        String testPage = startCheckout(buyer, "topup-200");

        HttpResponse<String> page = buyer.get(testPage);
        HttpResponse<String> declined = buyer.post(testPage, Map.of("outcome", "decline",
                "csrf", Browser.csrfOf(page)));

        assertThat(buyer.get(buyer.redirect(declined)).body()).contains("did not go through", ">" + BONUS + "<");
        assertThat(Browser.json(buyer.get("/api/v1/billing/payments")).get("items")).isEmpty();
    }

    @Test
    void aScriptStartsACheckoutThroughTheApiAndASecondRequestGetsTheSameOne() throws Exception {
        Browser buyer = newBuyer();
        Map<String, String> csrf = buyer.csrfHeader();

        HttpResponse<String> first = buyer.postJson("/api/v1/billing/checkouts", "{\"offer\": \"topup-600\"}", csrf);
        HttpResponse<String> second = buyer.postJson("/api/v1/billing/checkouts", "{\"offer\": \"topup-600\"}", csrf);
        HttpResponse<String> unknown = buyer.postJson("/api/v1/billing/checkouts", "{\"offer\": \"gold\"}", csrf);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(Browser.json(second).get("id")).isEqualTo(Browser.json(first).get("id"));
        assertThat(Browser.json(first).get("url").asText()).contains("/billing/sandbox/checkout/");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("offer");
    }

    @Test
    void aVisitorWhoSignsUpOnTheWayComesBackToTheOfferTheyChose() throws Exception {
        Browser visitor = platform.browser(SLUG);
        String signIn = visitor.redirect(visitor.get("/billing/checkout?offer=topup-200"));
        assertThat(signIn).isEqualTo("/signin?next=%2Fbilling%2Fcheckout%3Foffer%3Dtopup-200");
        assertThat(visitor.get(signIn).body())
                .contains("href=\"/signup?next=%2Fbilling%2Fcheckout%3Foffer%3Dtopup-200\"");

        HttpResponse<String> form = visitor.get("/signup?next=%2Fbilling%2Fcheckout%3Foffer%3Dtopup-200");
        HttpResponse<String> signedUp = visitor.post("/signup", Map.of("displayName", "Way", "email",
                "way-" + UUID.randomUUID() + "@example.com", "password", Browser.PASSWORD, "terms", "yes",
                "next", "/billing/checkout?offer=topup-200", "csrf", Browser.csrfOf(form)));
        HttpResponse<String> done = visitor.get(visitor.redirect(signedUp));

        assertThat(done.body()).contains("href=\"/billing/checkout?offer=topup-200\"");
        assertThat(visitor.get("/billing/checkout?offer=topup-200").body()).contains("200 credits");
    }

    @Test
    void visitorsAreSentToSignInFirstAndForgedOrForeignWebhooksChangeNothing() throws Exception {
        Browser visitor = platform.browser(SLUG);
        assertThat(visitor.get("/billing/checkout?offer=creator").statusCode()).isEqualTo(303);

        HttpResponse<String> forged = visitor.post("/api/v1/payments/sandbox/webhook", "application/json",
                "{\"events\": []}");
        HttpResponse<String> foreign = visitor.post("/api/v1/payments/stripe/webhook", "application/json", "{}");

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(foreign.statusCode()).isEqualTo(404);
    }

    @Test
    void theReconcilerExpiresACheckoutNobodyPaidAndLeavesPaidOnesAlone() throws Exception {
        Browser buyer = newBuyer();
        String abandoned = startCheckout(buyer, "topup-200");
        String paidPage = startCheckout(buyer, "topup-600");
        buyer.post(paidPage, Map.of("outcome", "pay", "csrf", Browser.csrfOf(buyer.get(paidPage))));
        var atelier = platform.atelier();
        PaymentReconciler reconciler = new PaymentReconciler(atelier.payments(), atelier.tenants().directory()::byId,
                new PaymentReconciler.Limits(Duration.ZERO, Duration.ZERO));

        PaymentReconciler.Pass pass = reconciler.run();

        assertThat(pass.expired()).isGreaterThanOrEqualTo(1);
        String checkoutId = abandoned.substring(abandoned.lastIndexOf('/') + 1);
        assertThat(buyer.get("/account/billing?checkout=" + checkoutId).body()).contains("did not go through");
        assertThat(buyer.get(abandoned).statusCode()).as("an expired checkout cannot be paid any more").isEqualTo(303);
        assertThat(Browser.json(buyer.get("/api/v1/credits")).get("balance").asLong()).isEqualTo(BONUS + 600);
    }

    private static Browser newBuyer() throws Exception {
        return platform.browser(SLUG).signedUp("buyer-" + UUID.randomUUID() + "@example.com");
    }

    private static String startCheckout(Browser buyer, String offer) throws Exception {
        HttpResponse<String> confirm = buyer.get("/billing/checkout?offer=" + offer);
        HttpResponse<String> started = buyer.post("/billing/checkout", Map.of("offer", offer,
                "csrf", Browser.csrfOf(confirm)));
        return buyer.redirect(started);
    }
}
