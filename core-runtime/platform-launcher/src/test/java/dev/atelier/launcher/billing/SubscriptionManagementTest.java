package dev.atelier.launcher.billing;

import static dev.atelier.launcher.billing.SandboxShop.BONUS;
import static dev.atelier.launcher.billing.SandboxShop.SLUG;
import static dev.atelier.launcher.billing.SandboxShop.balance;
import static dev.atelier.launcher.billing.SandboxShop.pay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.launcher.platform.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Managing a plan on AuraTuner's local profile (the sandbox provider): cancel and change through the billing portal
 * (the sandbox's test portal page), and the admin's test-mode renewal that shows what the next period does.
 */
class SubscriptionManagementTest {


    @RegisterExtension
    static final SandboxShop shop = new SandboxShop();

    @Test
    void aCanceledPlanStaysUntilItsPeriodEndsThenEndsWithoutMoreCredits() throws Exception {
        Browser buyer = buyerOf("starter");
        HttpResponse<String> billing = buyer.get("/account/billing");
        assertThat(billing.body()).contains("name=\"intent\" value=\"cancel\"", "name=\"intent\" value=\"manage\"",
                "Manage billing");

        String portal = buyer.redirect(buyer.post("/account/billing/portal", Map.of("intent", "cancel",
                "csrf", Browser.csrfOf(billing))));
        assertThat(portal).isEqualTo("/billing/sandbox/portal?flow=cancel");
        HttpResponse<String> page = buyer.get(portal);
        assertThat(page.body()).contains("TEST MODE", "Starter", "name=\"action\" value=\"cancel\"");
        HttpResponse<String> canceled = buyer.post("/billing/sandbox/portal", Map.of("action", "cancel",
                "csrf", Browser.csrfOf(page)));
        assertThat(buyer.redirect(canceled)).isEqualTo("/account/billing");

        JsonNode subscription = subscription(buyer);
        assertThat(subscription.get("cancel_at_period_end").asBoolean()).isTrue();
        assertThat(subscription.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(buyer.get("/account/billing").body()).contains("Ends on", "does not renew");

        HttpResponse<String> ended = renew(subscription.get("id").asText(), "pay");
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(Browser.json(buyer.get("/api/v1/billing/subscription")).get("subscription").isNull()).isTrue();
        assertThat(Browser.json(buyer.get("/api/v1/billing/payments")).get("items")).hasSize(1);
        assertThat(balance(buyer)).as("no credits after the period's end").isEqualTo(BONUS + 300);
        assertThat(renew(subscription.get("id").asText(), "pay").statusCode())
                .as("an ended plan has no next period").isEqualTo(404);
    }

    @Test
    void aCancellationTakenBackRenewsAsBefore() throws Exception {
        Browser buyer = buyerOf("starter");
        HttpResponse<String> page = buyer.get("/billing/sandbox/portal");
        buyer.post("/billing/sandbox/portal", Map.of("action", "cancel", "csrf", Browser.csrfOf(page)));
        HttpResponse<String> again = buyer.get("/billing/sandbox/portal");
        assertThat(again.body()).contains("name=\"action\" value=\"resume\"");

        buyer.post("/billing/sandbox/portal", Map.of("action", "resume", "csrf", Browser.csrfOf(again)));

        JsonNode subscription = subscription(buyer);
        assertThat(subscription.get("cancel_at_period_end").asBoolean()).isFalse();
        renew(subscription.get("id").asText(), "pay");
        assertThat(balance(buyer)).isEqualTo(BONUS + 300 + 300);
    }

    @Test
    void aChangedPlanShowsAtOnceAndItsCreditsComeWithTheNextPeriod() throws Exception {
        Browser buyer = buyerOf("starter");
        HttpResponse<String> billing = buyer.get("/account/billing");
        assertThat(billing.body()).contains("<option value=\"studio\">", "name=\"intent\" value=\"change\"");

        String portal = buyer.redirect(buyer.post("/account/billing/portal", Map.of("intent", "change",
                "offer", "studio", "csrf", Browser.csrfOf(billing))));
        assertThat(portal).isEqualTo("/billing/sandbox/portal?flow=change&offer=studio");
        HttpResponse<String> page = buyer.get(portal);
        assertThat(page.body()).contains("Change to Studio plan", "name=\"action\" value=\"change\"");
        buyer.post("/billing/sandbox/portal", Map.of("action", "change", "offer", "studio",
                "csrf", Browser.csrfOf(page)));

        JsonNode subscription = subscription(buyer);
        assertThat(subscription.get("plan").asText()).isEqualTo("studio");
        assertThat(buyer.get("/account/billing").body()).contains("Studio plan");
        assertThat(balance(buyer)).as("the paid period keeps its credits").isEqualTo(BONUS + 300);

        renew(subscription.get("id").asText(), "pay");

        assertThat(balance(buyer)).isEqualTo(BONUS + 300 + 2500);
        JsonNode latest = Browser.json(buyer.get("/api/v1/billing/payments?limit=1")).get("items").get(0);
        assertThat(latest.get("amount").asLong()).isEqualTo(4900);
        assertThat(latest.get("credits").asLong()).isEqualTo(2500);
    }

    @Test
    void aScriptOpensThePortalThroughTheApi() throws Exception {
        Browser buyer = buyerOf("creator");
        Map<String, String> csrf = buyer.csrfHeader();

        HttpResponse<String> manage = buyer.postJson("/api/v1/billing/portal-sessions", "{}", csrf);
        HttpResponse<String> change = buyer.postJson("/api/v1/billing/portal-sessions",
                "{\"intent\": \"change\", \"offer\": \"creator\"}", csrf);
        HttpResponse<String> unknown = buyer.postJson("/api/v1/billing/portal-sessions",
                "{\"intent\": \"change\", \"offer\": \"topup-200\"}", csrf);

        assertThat(manage.statusCode()).isEqualTo(201);
        assertThat(Browser.json(manage).get("url").asText()).endsWith("/billing/sandbox/portal");
        assertThat(change.statusCode()).as("the plan it has already").isEqualTo(409);
        assertThat(unknown.statusCode()).isEqualTo(422);
    }

    @Test
    void someoneWhoBoughtNothingIsToldThereIsNothingToManage() throws Exception {
        Browser visitor = shop.buyer("nothing-");
        HttpResponse<String> billing = visitor.get("/account/billing");
        assertThat(billing.body()).contains("You have no plan").doesNotContain("Manage billing");

        HttpResponse<String> manage = visitor.post("/account/billing/portal", Map.of("intent", "manage",
                "csrf", Browser.csrfOf(billing)));
        HttpResponse<String> cancel = visitor.post("/account/billing/portal", Map.of("intent", "cancel",
                "csrf", Browser.csrfOf(billing)));

        assertThat(manage.statusCode()).isEqualTo(409);
        assertThat(manage.body()).contains("nothing to manage yet");
        assertThat(cancel.statusCode()).isEqualTo(409);
    }

    @Test
    void onlyAdminsAdvanceAPlanAndOnlyWithTheFormsToken() throws Exception {
        Browser buyer = buyerOf("starter");
        String id = subscription(buyer).get("id").asText();
        String path = "/admin/payments/subscriptions/" + id + "/renew";
        HttpResponse<String> payments = shop.admin().get("/admin/payments");
        assertThat(payments.body()).contains("TEST MODE", "action=\"" + path + "\"");

        HttpResponse<String> byBuyer = buyer.post(path, Map.of("outcome", "pay",
                "csrf", Browser.csrfOf(buyer.get("/account/billing"))));
        HttpResponse<String> forged = shop.admin().post(path, Map.of("outcome", "pay", "csrf", "forged"));
        HttpResponse<String> unknown = shop.admin().post("/admin/payments/subscriptions/sub_nobody/renew",
                Map.of("outcome", "pay", "csrf", Browser.csrfOf(payments)));

        assertThat(byBuyer.statusCode()).isEqualTo(403);
        assertThat(forged.statusCode()).isNotEqualTo(303);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(balance(buyer)).isEqualTo(BONUS + 300);
        HttpResponse<String> failed = shop.admin().post(path, Map.of("outcome", "fail",
                "csrf", Browser.csrfOf(payments)));
        assertThat(failed.statusCode()).isEqualTo(303);
        assertThat(subscription(buyer).get("status").asText()).isEqualTo("PAST_DUE");
    }

    private static HttpResponse<String> renew(String subscriptionId, String outcome) throws Exception {
        Browser admin = shop.admin();
        return admin.post("/admin/payments/subscriptions/" + subscriptionId + "/renew", Map.of("outcome", outcome,
                "csrf", Browser.csrfOf(admin.get("/admin/payments"))));
    }

    private static Browser buyerOf(String plan) throws Exception {
        Browser buyer = shop.buyer("plan-");
        pay(buyer, plan);
        return buyer;
    }

    private static JsonNode subscription(Browser buyer) throws Exception {
        return Browser.json(buyer.get("/api/v1/billing/subscription")).get("subscription");
    }
}
