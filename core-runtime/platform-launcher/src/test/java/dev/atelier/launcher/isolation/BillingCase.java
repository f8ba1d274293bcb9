package dev.atelier.launcher.isolation;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

/**
 * The owner's purchase: a Creator plan bought through the sandbox's test checkout page, its payment and subscription.
 * Nobody else can open or answer the owner's checkout page (404), and the billing pages and API show each person only
 * their own purchases. In the admin area, the other tenant's admin cannot find the owner's payment (404 for its id) and
 * the owner's neighbour, who is no admin, is refused; neither can refund it. The owner tenant's archived plan, with its
 * provider price id, is seen and changed by its own admins only: the other tenant's admin finds no such plan (404) and
 * the neighbour is refused.
 */
final class BillingCase {

    private BillingCase() {}

    /** The owner tenant's archived plan and its provider price id, which only its admins see. */
    private static final String PLAN = "isolated-owner-plan";
    private static final String PRICE_ID = "price_isolated_owner";

    /** Creates the thing as the cast's owner and says how to probe it. */
    static Thing create(Cast cast) throws Exception {
        Party owner = cast.owner();
        HttpResponse<String> started = Party.expect(owner.post("/billing/checkout", Map.of("offer", "creator")), 303,
                "the owner's checkout");
        String testPage = owner.browser().redirect(started);
        String checkoutId = testPage.substring(testPage.lastIndexOf('/') + 1);
        Party.expect(owner.post(testPage, Map.of("outcome", "pay")), 303, "the owner's test payment");
        String paymentId = owner.json("/api/v1/billing/payments").get("items").get(0).get("id").asText();
        String subscriptionId = owner.json("/api/v1/billing/subscription").get("subscription").get("id").asText();
        Map<String, String> refund = Map.of("payment", paymentId, "amount", "1.00", "reason", "Intruder's refund");
        Party admin = cast.ownerAdmin();
        Party.expect(admin.post("/admin/plans", Map.of("id", PLAN, "name", "Isolated plan", "interval", "month",
                "price", "3", "credits", "10", "rollover", "none", "provider_price", PRICE_ID)), 303,
                "the owner's admin adding a plan");
        Party.expect(admin.post("/admin/plans/archive", Map.of("id", PLAN, "archived", "1")), 303,
                "the owner's admin archiving it");
        Map<String, String> edit = Map.of("editing", PLAN, "name", "Intruder's plan", "interval", "month",
                "price", "1", "credits", "99999", "rollover", "all", "provider_price", "price_intruder");
        String renew = "/admin/payments/subscriptions/" + subscriptionId + "/renew";
        return Thing.of(Set.of(checkoutId, paymentId, subscriptionId, PRICE_ID), () -> owner.json(
                "/api/v1/billing/payments") + " " + owner.json("/api/v1/billing/subscription") + " "
                + plans(admin))
                .probe(Probe.get(testPage))
                .probe(Probe.get("/account/billing/receipts/" + paymentId))
                .probe(Probe.form(testPage, Map.of("outcome", "decline")))
                .probe(Probe.form("/billing/sandbox/renew", Map.of("subscription", subscriptionId, "outcome", "pay")))
                .probe(Probe.get("/account/billing?checkout=" + checkoutId).ownOnly())
                .probe(Probe.get("/api/v1/billing/payments").ownOnly())
                .probe(Probe.get("/api/v1/billing/subscription").ownOnly())
                .probe(Probe.get("/billing/checkout?offer=creator").ownOnly())
                .probe(Probe.form("/billing/checkout", Map.of("offer", "creator")).ownOnly())
                .probe(Probe.api("POST", "/api/v1/billing/checkouts", "{\"offer\": \"creator\"}").ownOnly())
                // The admin area's payments: the other tenant's admin sees their own tenant's (and cannot find the
                // owner's payment to refund it); the owner's neighbour, no admin, is refused as on every admin page.
                .probe(Probe.get("/admin/payments").ownOnly(), cast.strangerAdmin(), cast.neighbour())
                .probe(Probe.get("/admin/payments?q=" + owner.email()).ownOnly(), cast.strangerAdmin(),
                        cast.neighbour())
                .probe(Probe.form("/admin/payments/refund", refund), cast.strangerAdmin())
                .probe(Probe.form("/admin/payments/refund", refund).ownOnly(), cast.neighbour())
                .probe(Probe.get("/admin/plans").ownOnly(), cast.strangerAdmin(), cast.neighbour())
                .probe(Probe.get("/admin/plans?edit=" + PLAN), cast.strangerAdmin())
                .probe(Probe.get("/admin/plans?edit=" + PLAN).ownOnly(), cast.neighbour())
                .probe(Probe.form("/admin/plans", edit).ownOnly(), cast.strangerAdmin(), cast.neighbour())
                .probe(Probe.form("/admin/plans/archive", Map.of("id", PLAN, "archived", "0")),
                        cast.strangerAdmin())
                .probe(Probe.form("/admin/plans/archive", Map.of("id", PLAN, "archived", "0")).ownOnly(),
                        cast.neighbour())
                // Plans are managed by their own buyer only: the portal routes act on whoever asks.
                .probe(Probe.form("/account/billing/portal", Map.of("intent", "cancel")).ownOnly())
                .probe(Probe.api("POST", "/api/v1/billing/portal-sessions", "{\"intent\": \"cancel\"}").ownOnly())
                .probe(Probe.get("/billing/sandbox/portal?flow=cancel").ownOnly())
                .probe(Probe.form("/billing/sandbox/portal", Map.of("action", "cancel")).ownOnly())
                // A failed renewal would show on the owner's subscription (past due) had it gone through.
                .probe(Probe.form(renew, Map.of("outcome", "fail")), cast.strangerAdmin())
                .probe(Probe.form(renew, Map.of("outcome", "fail")).ownOnly(), cast.neighbour());
    }

    /** The owner tenant's plans as its admin's edit form shows the isolated one: name, price, archived or not. */
    private static String plans(Party admin) throws Exception {
        String form = admin.get("/admin/plans?edit=" + PLAN).body();
        String list = admin.get("/admin/plans").body();
        return form.contains("Intruder") + " " + form.contains(PRICE_ID) + " " + form.contains("value=\"3\"") + " "
                + list.contains("id=\"archived-title\"");
    }
}
