package dev.atelier.launcher.admin;

import static dev.atelier.launcher.billing.SandboxShop.SLUG;
import static dev.atelier.launcher.billing.SandboxShop.pay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.launcher.billing.SandboxShop;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.User;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The audit log at {@code /admin/audit}: every kind of admin change is recorded with who made it, what it changed
 * and the request; the page filters and pages; CSV and JSON downloads hold the same entries, with spreadsheet
 * formulas defused. Only the tenant's admins see it, and only their tenant's entries.
 */
class AdminAuditTest {

    private static final Pattern REQUEST_ID = Pattern.compile("req_[0-9a-f]+");

    @RegisterExtension
    static final SandboxShop shop = new SandboxShop();

    @Test
    void everyKindOfAdminChangeIsRecordedWithTheAdminTheTargetAndTheRequest() throws Exception {
        Browser admin = shop.admin();
        expect(303, postMultipart(admin, "/admin/branding", branding("Audited tagline")));
        expect(303, admin.post("/admin/plans", form(admin, "/admin/plans", Map.of("id", "audit-plan",
                "name", "Audit plan", "interval", "month", "rollover", "none", "price", "9",
                "credits", "90"))));
        expect(303, admin.post("/admin/plans/archive", form(admin, "/admin/plans", Map.of("id", "audit-plan",
                "archived", "1"))));
        expect(303, admin.post("/admin/plans/archive", form(admin, "/admin/plans", Map.of("id", "audit-plan",
                "archived", "0"))));
        expect(303, admin.post("/admin/models", models(admin)));
        List<Map.Entry<String, String>> publish = legal(admin);
        expect(303, admin.post("/admin/legal", publish));
        expect(303, admin.post("/admin/legal", publish));
        Browser buyer = shop.buyer("audit-");
        pay(buyer, "topup-200");
        JsonNode me = buyer.me();
        String accountId = me.get("id").asText();
        Map<String, String> goodwill = grant(admin, accountId, "Goodwill for the audit");
        expect(303, admin.post("/admin/users/grant", goodwill));
        expect(303, admin.post("/admin/users/grant", goodwill));
        String paymentId = Browser.json(buyer.get("/api/v1/billing/payments")).get("items").get(0).get("id")
                .asText();
        expect(303, admin.post("/admin/payments/refund", refund(admin, paymentId)));
        String user = "/admin/users/" + accountId;
        String session = field(admin.get(user).body(), "session");
        expect(303, admin.post(user + "/sessions/revoke", form(admin, user, Map.of("session", session))));
        expect(303, admin.post(user + "/suspend", form(admin, user, Map.of("reason", "Audit suspension"))));
        expect(303, admin.post(user + "/resume", form(admin, user, Map.of())));

        JsonNode entries = Browser.json(admin.get("/admin/audit?format=json")).get("entries");

        List<String> actions = StreamSupport.stream(entries.spliterator(), false)
                .map(e -> e.get("action").asText()).toList();
        // A form sent twice changes things once and is logged once.
        assertThat(actions.stream().filter("legal.publish"::equals)).hasSize(1);
        assertThat(StreamSupport.stream(entries.spliterator(), false).filter(e -> e.get("action").asText()
                .equals("credits.grant") && e.get("target").asText().equals(accountId))).hasSize(1);
        assertThat(actions).contains("branding.update", "plan.save", "plan.archive", "plan.unarchive",
                "models.update", "legal.publish", "credits.grant", "payment.refund", "session.revoke",
                "account.suspend", "account.resume");
        JsonNode newest = entries.get(0);
        assertThat(newest.get("action").asText()).isEqualTo("account.resume");
        assertThat(newest.get("actor_email").asText()).isEqualTo("owner@auratuner.example");
        assertThat(newest.get("target").asText()).isEqualTo(accountId);
        assertThat(newest.get("request_id").asText()).matches(REQUEST_ID);
        JsonNode suspend = entry(entries, "account.suspend");
        assertThat(suspend.get("details").get("reason").asText()).isEqualTo("Audit suspension");
        assertThat(entry(entries, "credits.grant").get("details").get("credits").asText()).isEqualTo("5");
        assertThat(entry(entries, "payment.refund").get("target").asText()).isEqualTo(paymentId);
        assertThat(entry(entries, "branding.update").get("details").get("tagline").asText())
                .isEqualTo("Audited tagline");
        assertThat(entry(entries, "legal.publish").get("target").asText()).isEqualTo("terms");
        assertThat(admin.get("/admin/audit").body()).contains("Audit log", "account.suspend", "Audit suspension",
                "href=\"/admin/users/" + accountId + "\"");
    }

    @Test
    void thePageFiltersByActionAndAdminAndPagesWithACursorThatMustBeOurs() throws Exception {
        Browser admin = shop.admin();
        String accountId = shop.buyer("paging-").me().get("id").asText();
        for (int i = 0; i < 52; i++) {
            expect(303, admin.post("/admin/users/grant", grant(admin, accountId, "Paging grant " + i)));
        }

        String first = admin.get("/admin/audit?action=credits.grant").body();
        Matcher next = Pattern.compile("href=\"(/admin/audit\\?[^\"]*cursor=[^\"]+)\"").matcher(first);
        assertThat(next.find()).as("a link to older entries").isTrue();
        String second = admin.get(next.group(1).replace("&amp;", "&")).body();

        assertThat(first).contains("Paging grant 51").doesNotContain("Paging grant 1<", "session.revoke</code>");
        assertThat(second).contains("Paging grant 1<").doesNotContain("Paging grant 51");
        assertThat(admin.get("/admin/audit?actor=nobody@example.com").body()).contains("No changes match");
        assertThat(admin.get("/admin/audit?actor=OWNER@auratuner.example&action=credits.grant").body())
                .contains("Paging grant 51");
        assertThat(admin.get("/admin/audit?cursor=bm90LW91cnM").statusCode()).isEqualTo(400);
    }

    @Test
    void theCsvDownloadDefusesFormulasAndQuotesWhatNeedsIt() throws Exception {
        // An address may start with "=": a spreadsheet would run the admin's email cell as a formula.
        String formula = "=1+2@auratuner.example";
        Browser plotter = shop.platform().browser(SLUG).signedIn(shop.platform().accounts()
                .signedInAdmin(SLUG, formula));
        String accountId = shop.buyer("csv-").me().get("id").asText();
        expect(303, plotter.post("/admin/users/grant", grant(plotter, accountId, "Quotes \"and, commas\"")));

        HttpResponse<String> csv = plotter.get("/admin/audit?format=csv&action=credits.grant&actor=" + formula
                .replace("+", "%2B"));
        HttpResponse<String> json = plotter.get("/admin/audit?format=json&action=credits.grant");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("at,actor_email,actor_id,action,target,details,request_id");
        assertThat(lines[1]).contains(",\"'=1+2@auratuner.example\",", ",credits.grant," + accountId + ",",
                "\"\"reason\"\":\"\"Quotes \\\"\"and, commas\\\"\"\"\"}\"");
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(Browser.json(json).get("entries").get(0).get("actor_email").asText()).isEqualTo(formula);
    }

    @Test
    void onlyTheTenantsAdminsSeeTheLogAndOnlyTheirTenantsEntries() throws Exception {
        Browser admin = shop.admin();
        String accountId = shop.buyer("scope-").me().get("id").asText();
        expect(303, admin.post("/admin/users/grant", grant(admin, accountId, "Only AuraTuner sees this")));
        String other = shop.platform().secondDemoTenant();
        Browser otherAdmin = shop.platform().browser(other)
                .signedIn(shop.platform().accounts().signedInAdmin(other, "owner@" + other + ".example"));
        Browser user = shop.platform().browser(SLUG).signedIn(shop.platform().accounts().signedInUser(SLUG));

        assertThat(otherAdmin.get("/admin/audit?format=json").body()).doesNotContain("Only AuraTuner sees this");
        assertThat(otherAdmin.get("/admin/audit").body()).doesNotContain("Only AuraTuner sees this");
        assertThat(user.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(user.get("/admin/audit?format=csv").statusCode()).isEqualTo(403);
        assertThat(shop.platform().browser(SLUG).get("/admin/audit?format=csv").statusCode()).isEqualTo(303);
    }

    private static JsonNode entry(JsonNode entries, String action) {
        return StreamSupport.stream(entries.spliterator(), false).filter(e -> e.get("action").asText().equals(action))
                .findFirst().orElseThrow(() -> new AssertionError("no " + action + " entry in " + entries));
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }

    private static Map<String, String> form(Browser admin, String page, Map<String, String> fields) throws Exception {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf", admin.csrfOf(page));
        return form;
    }

    private static Map<String, String> grant(Browser admin, String accountId, String reason) throws Exception {
        String page = admin.get("/admin/users/" + accountId).body();
        return Map.of("csrf", Browser.csrfOf(admin.get("/admin/users")), "account", accountId,
                "nonce", field(page, "nonce"), "from", "detail", "amount", "5", "reason", reason);
    }

    private static List<Map.Entry<String, String>> refund(Browser admin, String paymentId) throws Exception {
        String page = admin.get("/admin/payments").body();
        Matcher nonce = Pattern.compile("name=\"payment\" value=\"" + Pattern.quote(paymentId)
                + "\">\\s*<input type=\"hidden\" name=\"nonce\" value=\"([^\"]+)\"").matcher(page);
        assertThat(nonce.find()).as("refund form of " + paymentId).isTrue();
        return List.of(Map.entry("csrf", field(page, "csrf")), Map.entry("payment", paymentId),
                Map.entry("nonce", nonce.group(1)), Map.entry("amount", "1"), Map.entry("reason", "Audit refund"));
    }

    private static List<Map.Entry<String, String>> models(Browser admin) throws Exception {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("csrf", admin.csrfOf("/admin/models")));
        fields.add(Map.entry("enabled", "procedural"));
        fields.add(Map.entry("enabled", "procedural-video"));
        fields.add(Map.entry("price.procedural", "3"));
        fields.add(Map.entry("max_jobs_per_user", "3"));
        fields.add(Map.entry("max_jobs_per_tenant", "50"));
        return fields;
    }

    private static List<Map.Entry<String, String>> legal(Browser admin) throws Exception {
        String editor = admin.get("/admin/legal?edit=terms").body();
        return List.of(Map.entry("csrf", field(editor, "csrf")), Map.entry("document", "terms"),
                Map.entry("nonce", field(editor, "nonce")),
                Map.entry("template", "<@doc.title>${tenant.name} terms</@doc.title>\n<@doc.p>Be kind.</@doc.p>\n"),
                Map.entry("effective_date", "2026-12-01"), Map.entry("mode", "notify"),
                Map.entry("action", "publish"));
    }

    private static Map<String, String> branding(String tagline) {
        Map<String, String> fields = new HashMap<>(Map.of("name", "AuraTuner", "tagline", tagline, "theme",
                "default", "font_heading", "Georgia, serif", "font_body", "system-ui", "action", "save"));
        for (String colour : List.of("primary", "on_primary", "accent", "background", "surface", "text", "muted")) {
            fields.put("color_" + colour, colour.equals("background") || colour.equals("surface") ? "#ffffff"
                    : "#222222");
        }
        return fields;
    }

    private static HttpResponse<String> postMultipart(Browser admin, String path, Map<String, String> fields)
            throws Exception {
        Map<String, String> withToken = new HashMap<>(fields);
        withToken.put("csrf", admin.csrfOf(path));
        User.Multipart form = new User.Multipart().fields(withToken);
        return admin.post(path, form.contentType(), form.body(), Map.of());
    }

    private static String field(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("field %s", name).isTrue();
        return m.group(1);
    }
}
