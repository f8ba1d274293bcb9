package dev.atelier.launcher.admin;

import static dev.atelier.launcher.billing.SandboxShop.BONUS;
import static dev.atelier.launcher.billing.SandboxShop.SLUG;
import static dev.atelier.launcher.billing.SandboxShop.balance;
import static dev.atelier.launcher.billing.SandboxShop.pay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.launcher.billing.SandboxShop;
import dev.atelier.launcher.platform.Browser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The payments page of the tenant admin area: a top-up bought through the sandbox, found by the buyer's email, and
 * refunded in part or in full, with what the refund does to the buyer's credits.
 */
class AdminPaymentsTest {

    /** AuraTuner's 200-credit top-up for $7 (tenant.yaml). */
    private static final long TOP_UP_CREDITS = 200;

    @RegisterExtension
    static final SandboxShop shop = new SandboxShop();

    @Test
    void theAdminFindsATopUpByTheBuyersEmailAndAPartialRefundSentTwiceTakesBackItsShareOfTheCreditsOnce() throws Exception {
        Browser buyer = shop.buyer("partial-");
        String paymentId = buyTopUp(buyer);

        HttpResponse<String> page = shop.admin().get("/admin/payments?q=PARTIAL-&kind=top-up");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-payment=\"" + paymentId + "\"", "200 credits", "$7", "Top-up");
        assertThat(shop.admin().get("/admin/payments?q=nobody-has-this-").body()).doesNotContain(paymentId);
        assertThat(shop.admin().get("/admin/payments?kind=plan").body()).doesNotContain(paymentId);

        List<Map.Entry<String, String>> form = refundForm(paymentId, "3.5", "Half of it was not delivered");
        HttpResponse<String> refunded = shop.admin().post("/admin/payments/refund", form);
        HttpResponse<String> twice = shop.admin().post("/admin/payments/refund", form);

        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(303);
        assertThat(twice.statusCode()).isEqualTo(303);
        assertThat(shop.admin().redirect(twice)).isEqualTo(shop.admin().redirect(refunded));
        String notice = shop.admin().get(shop.admin().redirect(refunded)).body();
        assertThat(notice).contains("Refunded $3.50", "100 credits were taken back and 0 are owed",
                "Half of it was not delivered", "owner@auratuner.example");
        assertThat(balance(buyer)).isEqualTo(BONUS + TOP_UP_CREDITS - 100);
        JsonNode payment = Browser.json(buyer.get("/api/v1/billing/payments")).get("items").get(0);
        assertThat(payment.get("refunded").asLong()).isEqualTo(350);
    }

    @Test
    void aRefundOfMoreThanIsLeftOrWithoutAReasonIsRefusedAndChangesNothing() throws Exception {
        Browser buyer = shop.buyer("toomuch-");
        String paymentId = buyTopUp(buyer);

        HttpResponse<String> tooMuch = shop.admin().post("/admin/payments/refund", refundForm(paymentId, "7.01",
                "Because"));
        HttpResponse<String> tooPrecise = shop.admin().post("/admin/payments/refund", refundForm(paymentId, "1.005",
                "Because"));
        HttpResponse<String> noReason = shop.admin().post("/admin/payments/refund", refundForm(paymentId, "1.00", " "));

        assertThat(List.of(tooMuch, tooPrecise, noReason)).extracting(HttpResponse::statusCode).containsOnly(422);
        assertThat(tooMuch.body()).contains("At most $7 is left to refund.", "Nothing was refunded", "value=\"7.01\"");
        assertThat(tooPrecise.body()).contains("Enter an amount such as 7.00 or 3.5");
        assertThat(noReason.body()).contains("Say why");
        assertThat(balance(buyer)).isEqualTo(BONUS + TOP_UP_CREDITS);
        assertThat(Browser.json(buyer.get("/api/v1/billing/payments")).get("items").get(0).get("refunded")
                .asLong()).isZero();
        assertThat(shop.admin().get("/admin/payments?q=toomuch-").body()).doesNotContain("1 refund");
    }

    @Test
    void refundingCreditsTheBuyerSpentRecordsWhatTheyOweAndTheirNextGenerationIsRefused() throws Exception {
        Browser buyer = shop.buyer("spent-");
        String paymentId = buyTopUp(buyer);
        Tenant tenant = shop.platform().atelier().tenants().directory().bySlug(SLUG).orElseThrow();
        List<TenantSettings.ModelOffer> models = tenant.settings().models();
        shop.platform().atelier().tenants().admin().updateModels(SLUG,
                List.of(new TenantSettings.ModelOffer("procedural", 200)), tenant.settings().credits());
        try {
            String jobId = Browser.json(buyer.postJson("/api/v1/generations", """
                    {"model":"procedural","prompt":"a lighthouse","parameters":{"width":128,"height":128}}""",
                    buyer.csrfHeader())).get("id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCEEDED".equals(
                    Browser.json(buyer.get("/api/v1/generations/" + jobId)).get("status").asText()));
        } finally {
            shop.platform().atelier().tenants().admin().updateModels(SLUG, models, tenant.settings().credits());
        }
        assertThat(balance(buyer)).isEqualTo(BONUS + TOP_UP_CREDITS - 200);

        List<Map.Entry<String, String>> all = new ArrayList<>(refundForm(paymentId, "", "Chargeback risk"));
        all.add(Map.entry("all", "1"));
        HttpResponse<String> refunded = shop.admin().post("/admin/payments/refund", all);
        HttpResponse<String> twice = shop.admin().post("/admin/payments/refund", all);

        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(303);
        assertThat(shop.admin().redirect(twice)).isEqualTo(shop.admin().redirect(refunded));
        assertThat(shop.admin().get(shop.admin().redirect(refunded)).body()).contains("Refunded $7",
                "25 credits were taken back and 175 are owed");
        assertThat(balance(buyer)).isZero();
        HttpResponse<String> next = buyer.postJson("/api/v1/generations", """
                {"model":"procedural","prompt":"another","parameters":{"width":128,"height":128}}""",
                buyer.csrfHeader());
        assertThat(next.statusCode()).isEqualTo(402);
        // Nothing is left, so the page has no refund form for it; a form kept from before is refused.
        assertThat(shop.admin().get("/admin/payments").body()).doesNotContain("name=\"payment\" value=\"" + paymentId);
        List<Map.Entry<String, String>> again = new ArrayList<>(all);
        again.removeIf(e -> List.of("nonce", "all", "amount").contains(e.getKey()));
        again.add(Map.entry("nonce", "a-fresh-form-key-0001"));
        again.add(Map.entry("amount", "1"));
        HttpResponse<String> refused = shop.admin().post("/admin/payments/refund", again);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Nothing is left to refund of this payment.");
    }

    @Test
    void anotherTenantsPaymentIsNotFoundAndSomeoneWhoIsNotAnAdminIsRefused() throws Exception {
        Browser buyer = shop.buyer("foreign-");
        String paymentId = buyTopUp(buyer);
        Browser otherAdmin = shop.platform().browser("marginalia").signedIn(shop.platform().accounts()
                .signedInAdmin("marginalia", "owner@marginalia.example"));
        List<Map.Entry<String, String>> form = new ArrayList<>(refundForm(paymentId, "1", "Because"));
        form.removeIf(e -> e.getKey().equals("csrf"));

        List<Map.Entry<String, String>> foreign = new ArrayList<>(form);
        foreign.add(Map.entry("csrf", otherAdmin.csrfOf("/admin/payments")));
        assertThat(otherAdmin.get("/admin/payments").body()).doesNotContain(paymentId);
        assertThat(otherAdmin.post("/admin/payments/refund", foreign).statusCode()).isEqualTo(404);

        List<Map.Entry<String, String>> own = new ArrayList<>(form);
        own.add(Map.entry("csrf", buyer.csrfOf("/account")));
        assertThat(buyer.get("/admin/payments").statusCode()).isEqualTo(403);
        assertThat(buyer.post("/admin/payments/refund", own).statusCode()).isEqualTo(403);
        assertThat(balance(buyer)).isEqualTo(BONUS + TOP_UP_CREDITS);
    }

    /** Buys the 200-credit top-up on the sandbox's test page; the payment's id. */
    private static String buyTopUp(Browser buyer) throws Exception {
        pay(buyer, "topup-200");
        return Browser.json(buyer.get("/api/v1/billing/payments")).get("items").get(0).get("id").asText();
    }

    /** The refund form of the payment's row on the payments page, filled in, as the browser would send it. */
    private static List<Map.Entry<String, String>> refundForm(String paymentId, String amount, String reason)
            throws Exception {
        String page = shop.admin().get("/admin/payments").body();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"").matcher(page);
        Matcher nonce = Pattern.compile("name=\"payment\" value=\"" + Pattern.quote(paymentId)
                + "\">\\s*<input type=\"hidden\" name=\"nonce\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("csrf field on the payments page").isTrue();
        assertThat(nonce.find()).as("refund form of " + paymentId).isTrue();
        return List.of(Map.entry("csrf", csrf.group(1)), Map.entry("payment", paymentId),
                Map.entry("nonce", nonce.group(1)), Map.entry("amount", amount), Map.entry("reason", reason));
    }
}
