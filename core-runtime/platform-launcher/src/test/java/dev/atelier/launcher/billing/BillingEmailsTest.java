package dev.atelier.launcher.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.billing.payments.RefundRecord;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.Mail;
import dev.atelier.launcher.platform.Mailbox;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import dev.atelier.plugins.PluginKinds;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The billing emails a buyer of AuraTuner's local profile (sandbox payments) receives, over HTTP and SMTP: a receipt
 * for a top-up, a renewal, a failed payment, a refund and a low credit balance, each once.
 */
class BillingEmailsTest {

    private static final String SLUG = "auratuner";
    private static final String NAME = "AuraTuner";
    /** AuraTuner's {@code credits.low_balance_threshold} (tenant.yaml). */
    private static final long THRESHOLD = 20;

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().mail().build();

    @BeforeAll
    static void sandboxDeployed() {
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.atelier().plugins().plugins(PluginKinds.PAYMENTS)
                .find("sandbox").isPresent());
    }

    @Test
    void aPaidTopUpMailsOneReceiptWithTheAmountCreditsAndALinkToThePrintableReceipt() throws Exception {
        String email = "receipt-" + UUID.randomUUID() + "@example.com";
        Browser buyer = platform.browser(SLUG).signedUp(email);
        String testPage = startCheckout(buyer, "topup-200");
        HttpResponse<String> page = buyer.get(testPage);
        buyer.post(testPage, Map.of("outcome", "pay", "csrf", Browser.csrfOf(page)));
        buyer.post(testPage, Map.of("outcome", "pay", "csrf", Browser.csrfOf(page)));

        Mail receipt = platform.mail().awaitOne(email, "Your " + NAME + " receipt: $7");

        assertThat(receipt.fromName()).isEqualTo(NAME);
        assertThat(receipt.text()).contains("Amount:  $7", "Credits: 200", "200 credits");
        assertThat(receipt.html()).contains("$7", "200", NAME);
        String paymentId = Browser.json(buyer.get("/api/v1/billing/payments")).get("items").get(0).get("id").asText();
        assertThat(receipt.linkAuthority()).isEqualTo(TestPlatform.hostOf(SLUG) + ":" + platform.port());
        assertThat(receipt.linkPath()).isEqualTo("/account/billing/receipts/" + paymentId);
        HttpResponse<String> printable = buyer.get(receipt.linkPath());
        assertThat(printable.statusCode()).isEqualTo(200);
        assertThat(printable.body()).contains("Receipt", "$7");
        Thread.sleep(3 * Mailbox.POLL.toMillis());
        assertThat(platform.mail().to(email, receipt.subject())).as("the second answer sent nothing").hasSize(1);
    }

    @Test
    void aPlanMailsAReceiptThenARenewalWithTheNextDateAndAFailedRenewalMailsALinkToTheBillingPage()
            throws Exception {
        String email = "renewal-" + UUID.randomUUID() + "@example.com";
        Browser buyer = platform.browser(SLUG).signedUp(email);
        String testPage = startCheckout(buyer, "starter");
        buyer.post(testPage, Map.of("outcome", "pay", "csrf", Browser.csrfOf(buyer.get(testPage))));
        Mail first = platform.mail().awaitOne(email, "Your " + NAME + " receipt: $9");
        assertThat(first.text()).contains("Starter plan", "Credits: 300", "Renews on:");
        String subscription = Browser.json(buyer.get("/api/v1/billing/subscription")).get("subscription").get("id")
                .asText();

        buyer.post("/billing/sandbox/renew", Map.of("subscription", subscription, "outcome", "pay",
                "csrf", Browser.csrfOf(buyer.get("/account/billing"))));

        Mail renewal = platform.mail().awaitOne(email, "Your " + NAME + " plan renewed: 300 new credits");
        JsonNode renewed = Browser.json(buyer.get("/api/v1/billing/subscription")).get("subscription");
        String nextRenewal = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US).withZone(ZoneOffset.UTC)
                .format(Instant.parse(renewed.get("current_period_end").asText()));
        assertThat(renewal.text()).contains("Starter plan", "New credits:  300", "Next renewal: " + nextRenewal);
        assertThat(renewal.linkPath()).startsWith("/account/billing/receipts/pay_");

        buyer.post("/billing/sandbox/renew", Map.of("subscription", subscription, "outcome", "fail",
                "csrf", Browser.csrfOf(buyer.get("/account/billing"))));

        Mail failed = platform.mail().awaitOne(email, "Your " + NAME + " plan could not be renewed");
        assertThat(failed.linkPath()).isEqualTo("/account/billing");
        assertThat(failed.linkAuthority()).isEqualTo(TestPlatform.hostOf(SLUG) + ":" + platform.port());
        assertThat(failed.text()).contains("Starter plan", "Nothing was charged", "manage your payment details");
        assertThat(buyer.get(failed.linkPath()).statusCode()).isEqualTo(200);
    }

    @Test
    void aDeclinedTopUpMailsThatThePaymentDidNotGoThrough() throws Exception {
        String email = "declined-" + UUID.randomUUID() + "@example.com";
        Browser buyer = platform.browser(SLUG).signedUp(email);
        String testPage = startCheckout(buyer, "topup-200");
        buyer.post(testPage, Map.of("outcome", "decline", "csrf", Browser.csrfOf(buyer.get(testPage))));

        Mail failed = platform.mail().awaitOne(email, "Your payment to " + NAME + " did not go through");

        assertThat(failed.linkPath()).isEqualTo("/account/billing");
        assertThat(failed.text()).contains("Your payment for 200 credits at " + NAME + " did not go");
        assertThat(platform.mail().to(email, "Your " + NAME + " receipt: $7")).isEmpty();
    }

    @Test
    void aRefundMailsTheAmountAndTheCreditsTakenBack() throws Exception {
        String email = "refund-" + UUID.randomUUID() + "@example.com";
        Browser buyer = platform.browser(SLUG).signedUp(email);
        String testPage = startCheckout(buyer, "topup-200");
        buyer.post(testPage, Map.of("outcome", "pay", "csrf", Browser.csrfOf(buyer.get(testPage))));
        String paymentId = Browser.json(buyer.get("/api/v1/billing/payments")).get("items").get(0).get("id").asText();
        Tenant tenant = platform.atelier().tenants().directory().bySlug(SLUG).orElseThrow();
        String accountId = platform.accounts().byEmail(SLUG, email).orElseThrow().id();

        RefundRecord refund = platform.atelier().payments().refund(tenant, paymentId, 700, "Not delivered",
                accountId, null);

        Mail mail = platform.mail().awaitOne(email, NAME + " refunded $7");
        assertThat(refund.creditsReversed()).isEqualTo(200);
        assertThat(mail.text()).contains("Refunded:           $7", "Credits taken back: 200", "200 credits");
        assertThat(mail.linkPath()).isEqualTo("/account/billing");
        assertThat(mail.text()).doesNotContain("owed");
    }

    @Test
    void aSpendThatTakesTheBalanceBelowTheThresholdMailsOnceAndAgainOnlyAfterAGrantLiftedItAndItFellAgain()
            throws Exception {
        User user = platform.user(SLUG, THRESHOLD + 2);
        String email = platform.atelier().accounts().accounts().find(user.tenantId(), user.accountId()).orElseThrow()
                .email();
        generate(user, 3);
        Mail low = platform.mail().awaitOne(email, "You have 19 " + NAME + " credits left");
        assertThat(low.text()).contains("19 credits left", "below 20");
        assertThat(low.linkPath()).isEqualTo("/pricing");

        generate(user, 1);
        platform.atelier().generation().ledger().grant(user.tenantId(), user.accountId(), 1, "Test", null,
                "small:" + UUID.randomUUID());
        generate(user, 1);
        platform.atelier().generation().ledger().grant(user.tenantId(), user.accountId(), 3, "Test", null,
                "lift:" + UUID.randomUUID());
        generate(user, 2);

        platform.mail().waitFor(email, "You have 19 " + NAME + " credits left", 2);
        assertThat(platform.mail().to(email).stream().filter(m -> m.subject().contains("credits left")))
                .as("below after a grant that did not lift it to the threshold: no mail; after one that did: one")
                .extracting(Mail::subject)
                .containsExactly("You have 19 " + NAME + " credits left", "You have 19 " + NAME + " credits left");
    }

    /** Runs {@code count} one-credit generations one after another, each to its end. */
    private static void generate(User user, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            HttpResponse<String> accepted = user.submit("{\"model\":\"procedural\",\"prompt\":\"low\","
                    + "\"parameters\":{\"width\":64,\"height\":64}}");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String id = User.parse(accepted).get("id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> user.json("/api/v1/generations/" + id).get("status")
                    .asText().equals("SUCCEEDED"));
        }
    }

    private static String startCheckout(Browser buyer, String offer) throws Exception {
        HttpResponse<String> confirm = buyer.get("/billing/checkout?offer=" + offer);
        HttpResponse<String> started = buyer.post("/billing/checkout", Map.of("offer", offer,
                "csrf", Browser.csrfOf(confirm)));
        return buyer.redirect(started);
    }
}
