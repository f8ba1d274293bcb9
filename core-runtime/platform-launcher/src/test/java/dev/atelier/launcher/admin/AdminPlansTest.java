package dev.atelier.launcher.admin;

import static dev.atelier.launcher.billing.SandboxShop.BONUS;
import static dev.atelier.launcher.billing.SandboxShop.SLUG;
import static dev.atelier.launcher.billing.SandboxShop.balance;
import static dev.atelier.launcher.billing.SandboxShop.pay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.billing.payments.TenantOffers;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings.Plan;
import dev.atelier.launcher.billing.SandboxShop;
import dev.atelier.launcher.platform.Browser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The plans page of the tenant admin area: adding, editing, archiving and bringing back a plan, with the pricing page,
 * checkout and renewals following; refused forms keep what was typed and change nothing.
 */
class AdminPlansTest {


    @RegisterExtension
    static final SandboxShop shop = new SandboxShop();

    @Test
    void anAdminAddsEditsArchivesAndBringsBackAPlanAndThePricingPageAndCheckoutFollow() throws Exception {
        HttpResponse<String> page = shop.admin().get("/admin/plans");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Plans &amp; top-ups", "data-plan=\"creator\"", "data-plan=\"topup-200\"",
                "Price in USD", "href=\"/admin/plans\"");

        HttpResponse<String> added = shop.admin().post("/admin/plans", form(Map.of("id", "pro-test", "name", "Pro",
                "price", "12.99", "credits", "500", "rollover", "max", "rollover_max", "100",
                "provider_price", "price_123", "features", "500 credits a month\n\nFast queue")));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        assertThat(shop.admin().redirect(added)).isEqualTo("/admin/plans?saved=pro-test");
        assertThat(shop.admin().get("/admin/plans?saved=pro-test").body()).contains("Saved.", "data-plan=\"pro-test\"",
                "up to 100 unused credits carry over", "price_123");
        Plan pro = plan("pro-test");
        assertThat(pro.priceMinor()).isEqualTo(1299);
        assertThat(pro.currency()).isEqualTo("USD");
        assertThat(pro.interval()).isEqualTo("month");
        assertThat(pro.rolloverMax()).isEqualTo(100);
        assertThat(pro.features()).containsExactly("500 credits a month", "Fast queue");
        assertThat(pro.prices()).isEqualTo(Map.of("sandbox", "price_123"));
        assertThat(TenantOffers.find(tenant(), "pro-test").orElseThrow().providerPriceId()).isEqualTo("price_123");
        Browser buyer = shop.buyer("pro-");
        assertThat(buyer.get("/pricing").body()).contains("href=\"/billing/checkout?offer=pro-test\"", "$12.99");

        HttpResponse<String> editPage = shop.admin().get("/admin/plans?edit=pro-test");
        assertThat(editPage.body()).contains("value=\"12.99\"", "name=\"editing\" value=\"pro-test\"");
        Map<String, String> edit = new HashMap<>(Map.of("editing", "pro-test", "name", "Pro Max", "price", "14",
                "credits", "600", "rollover", "all", "interval", "year", "highlighted", "1"));
        assertThat(shop.admin().post("/admin/plans", form(edit)).statusCode()).isEqualTo(303);
        assertThat(plan("pro-test")).extracting(Plan::name, Plan::priceMinor, Plan::interval, Plan::rolloverMax,
                Plan::highlighted).containsExactly("Pro Max", 1400L, "year", Plan.ROLLOVER_ALL, true);
        assertThat(plan("pro-test").prices()).as("an emptied price id is removed").isEmpty();
        assertThat(buyer.get("/pricing").body()).contains("Pro Max", "$14");

        assertThat(shop.admin().post("/admin/plans/archive", form(Map.of("id", "pro-test", "archived", "1")))
                .statusCode()).isEqualTo(303);
        assertThat(plan("pro-test").archived()).isTrue();
        assertThat(shop.admin().get("/admin/plans").body()).contains("id=\"archived-title\"", "Un-archive");
        assertThat(buyer.get("/pricing").body()).doesNotContain("offer=pro-test");
        assertThat(buyer.get("/billing/checkout?offer=pro-test").statusCode()).isEqualTo(404);
        HttpResponse<String> bought = buyer.post("/billing/checkout", Map.of("offer", "pro-test",
                "csrf", buyer.csrfOf("/pricing")));
        assertThat(bought.statusCode()).isEqualTo(404);
        assertThat(bought.body()).contains("no longer sold");
        HttpResponse<String> api = buyer.postJson("/api/v1/billing/checkouts", "{\"offer\": \"pro-test\"}",
                buyer.csrfHeader());
        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Browser.json(api).get("detail").asText()).contains("no longer sold");

        assertThat(shop.admin().post("/admin/plans/archive", form(Map.of("id", "pro-test", "archived", "0")))
                .statusCode()).isEqualTo(303);
        assertThat(plan("pro-test").archived()).isFalse();
        assertThat(buyer.get("/pricing").body()).contains("offer=pro-test");
        assertThat(buyer.get("/billing/checkout?offer=pro-test").statusCode()).isEqualTo(200);
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedMarksEachFieldAndChangesNothing() throws Exception {
        List<Plan> before = tenant().settings().plans();

        HttpResponse<String> refused = shop.admin().post("/admin/plans", form(Map.of("id", "Bad Id", "name", " ",
                "price", "12.999", "credits", "-1", "rollover", "max", "rollover_max", "")));
        HttpResponse<String> taken = shop.admin().post("/admin/plans", form(Map.of("id", "creator", "name", "Again",
                "price", "5", "credits", "1")));
        HttpResponse<String> badDays = shop.admin().post("/admin/plans", form(Map.of("id", "pack-x", "name", "Pack",
                "interval", "once", "price", "5", "credits", "10", "valid_days", "0")));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Nothing was saved", "value=\"Bad Id\"", "value=\"12.999\"",
                "value=\"-1\"", "id=\"id-error\"", "id=\"name-error\"", "id=\"price-error\"", "id=\"credits-error\"",
                "id=\"rollover_max-error\"", "such as 12.99");
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("Another plan or top-up has this id.");
        assertThat(badDays.statusCode()).isEqualTo(422);
        assertThat(badDays.body()).contains("id=\"valid_days-error\"");
        assertThat(tenant().settings().plans()).isEqualTo(before);

        Map<String, String> noToken = new HashMap<>(Map.of("id", "sneaky", "name", "Sneaky", "price", "1",
                "credits", "1", "interval", "month", "rollover", "none"));
        assertThat(shop.admin().post("/admin/plans", noToken).statusCode()).isEqualTo(403);
        assertThat(shop.admin().post("/admin/plans/archive", Map.of("id", "creator")).statusCode()).isEqualTo(403);
        assertThat(shop.admin().post("/admin/plans/archive", form(Map.of("id", "no-such-plan"))).statusCode())
                .isEqualTo(404);
        assertThat(shop.admin().get("/admin/plans?edit=no-such-plan").statusCode()).isEqualTo(404);
        assertThat(tenant().settings().plans()).isEqualTo(before);
    }

    @Test
    void anAdminGivesAPlanQueuePriorityWithinRangeAndTopUpsNone() throws Exception {
        assertThat(shop.admin().post("/admin/plans", form(Map.of("id", "fast-lane", "name", "Fast lane",
                "price", "19", "credits", "800", "rollover", "none", "priority", "10"))).statusCode()).isEqualTo(303);
        HttpResponse<String> tooHigh = shop.admin().post("/admin/plans", form(Map.of("id", "faster", "name", "Faster",
                "price", "29", "credits", "900", "rollover", "none", "priority", "101")));
        assertThat(shop.admin().post("/admin/plans", form(Map.of("id", "pack-fast", "name", "Pack",
                "interval", "once", "price", "5", "credits", "10", "priority", "50"))).statusCode()).isEqualTo(303);

        assertThat(plan("fast-lane").priority()).isEqualTo(10);
        assertThat(shop.admin().get("/admin/plans").body()).contains("Queue priority 10");
        assertThat(shop.admin().get("/admin/plans?edit=fast-lane").body()).contains("name=\"priority\"",
                "value=\"10\"");
        assertThat(tooHigh.statusCode()).isEqualTo(422);
        assertThat(tooHigh.body()).contains("id=\"priority-error\"", "Priority must be a whole number from 0 to 100.",
                "value=\"101\"");
        assertThat(tenant().settings().plans()).extracting(Plan::id).doesNotContain("faster");
        assertThat(plan("pack-fast").priority()).as("a top-up gives no priority").isEqualTo(Plan.NO_PRIORITY);
    }

    @Test
    void aTopUpsValidDaysSetTheExpiryOfItsCreditsFromThePayment() throws Exception {
        assertThat(shop.admin().post("/admin/plans", form(Map.of("id", "pack-30", "name", "30-day pack",
                "interval", "once", "price", "3", "credits", "50", "valid_days", "30"))).statusCode()).isEqualTo(303);
        Browser buyer = shop.buyer("pack-");

        pay(buyer, "pack-30");

        JsonNode grant = grant(buyer, "30-day pack");
        assertThat(grant.get("amount").asLong()).isEqualTo(50);
        java.time.Instant expires = java.time.Instant.parse(grant.get("expires_at").asText());
        assertThat(expires).isBetween(java.time.Instant.now().plus(Duration.ofDays(30)).minus(Duration.ofMinutes(5)),
                java.time.Instant.now().plus(Duration.ofDays(30)));
    }

    @Test
    void anArchivedPlansSubscriberStillGetsTheNextPeriodsCreditsWithItsRollover() throws Exception {
        assertThat(shop.admin().post("/admin/plans", form(Map.of("id", "keeper", "name", "Keeper", "price", "9",
                "credits", "300", "rollover", "max", "rollover_max", "120"))).statusCode()).isEqualTo(303);
        Browser buyer = shop.buyer("keeper-");
        pay(buyer, "keeper");
        assertThat(shop.admin().post("/admin/plans/archive", form(Map.of("id", "keeper", "archived", "1")))
                .statusCode()).isEqualTo(303);
        String subscription = Browser.json(buyer.get("/api/v1/billing/subscription")).get("subscription").get("id")
                .asText();

        HttpResponse<String> renewed = buyer.post("/billing/sandbox/renew", Map.of("subscription", subscription,
                "outcome", "pay", "csrf", buyer.csrfOf("/account/billing")));

        assertThat(renewed.statusCode()).isEqualTo(303);
        JsonNode payments = Browser.json(buyer.get("/api/v1/billing/payments")).get("items");
        assertThat(payments).hasSize(2);
        assertThat(payments.get(0).get("credits").asLong()).isEqualTo(300);
        assertThat(balance(buyer)).as("the first period's credits, less what was carried, count until it ends")
                .isEqualTo(BONUS + 600);
        JsonNode carried = grant(buyer, "Keeper plan: unused credits carried over");
        assertThat(carried.get("amount").asLong()).isEqualTo(120);
        assertThat(carried.get("expires_at").asText()).isEqualTo(Browser.json(buyer.get(
                "/api/v1/billing/subscription")).get("subscription").get("current_period_end").asText());
    }

    private static JsonNode grant(Browser buyer, String reason) throws Exception {
        for (JsonNode item : Browser.json(buyer.get("/api/v1/credits")).get("entries")) {
            if (reason.equals(item.path("reason").asText())) {
                return item;
            }
        }
        throw new AssertionError("no credit entry \"" + reason + "\"");
    }

    /** {@code fields} with the defaults of a monthly plan and the admin's CSRF token. */
    private static Map<String, String> form(Map<String, String> fields) throws Exception {
        Map<String, String> form = new HashMap<>(Map.of("interval", "month", "rollover", "none"));
        form.putAll(fields);
        form.put("csrf", shop.admin().csrfOf("/admin/plans"));
        return form;
    }

    private static Tenant tenant() {
        return shop.platform().atelier().tenants().directory().bySlug(SLUG).orElseThrow();
    }

    private static Plan plan(String id) {
        return tenant().settings().plans().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
}
