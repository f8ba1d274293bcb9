package dev.atelier.launcher.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /account/billing} shows the credit history a person can follow: each grant with the reason it was given for
 * (an admin's gift says why), each creation that spent credits, newest first, page by page.
 */
class CreditHistoryPageTest {

    private static final String SLUG = "historystudio";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles()
            .studio(SLUG, "{id: procedural, credits: 3}", "").build();

    @Test
    void grantsWithTheirReasonsAndSpentCreditsAreListedNewestFirst() throws Exception {
        User user = platform.user(SLUG, 10);
        grant(user, 5, "Sorry about Tuesday's outage", null);
        grant(user, 2, "Spring promotion", Instant.now().plus(Duration.ofDays(30)));
        HttpResponse<String> accepted = user.submit("""
                {"model":"procedural","prompt":"a kite over dunes","parameters":{"width":64,"height":64}}""");
        String id = User.parse(accepted).get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> user.json("/api/v1/generations/" + id).get("status")
                .asText().equals("SUCCEEDED"));

        String page = billing(user, "/account/billing");

        assertThat(page).contains("Credit history");
        int spent = page.indexOf("<a href=\"/gallery/" + id + "\">Spent on a creation</a>");
        int promotion = page.indexOf("Spring promotion");
        int apology = page.indexOf("Sorry about Tuesday&#39;s outage");
        int first = page.indexOf("Test credits");
        assertThat(spent).isPositive();
        assertThat(spent).isLessThan(promotion);
        assertThat(promotion).isLessThan(apology);
        assertThat(apology).isLessThan(first);
        assertThat(page).contains("\u22123", "+5", "+10", "(expires ");
        assertThat(page).doesNotContain("Older entries");
    }

    @Test
    void aLongHistoryIsReadPageByPage() throws Exception {
        User user = platform.user(SLUG, 0);
        for (int i = 1; i <= 60; i++) {
            grant(user, 1, "Daily visit " + i, null);
        }

        String newest = billing(user, "/account/billing");
        assertThat(newest).contains("Daily visit 60<", "Daily visit 11<").doesNotContain("Daily visit 10<");
        String older = newest.substring(newest.indexOf("href=\"/account/billing?history=") + 6);
        older = older.substring(0, older.indexOf('#'));

        assertThat(billing(user, older)).contains("Daily visit 10<", "Daily visit 1<").doesNotContain("Daily visit 11<");
        HttpResponse<String> forged = User.send(user.browser("/account/billing?history=forged").GET());
        assertThat(forged.statusCode()).isEqualTo(400);
    }

    private static void grant(User user, long credits, String reason, Instant expires) {
        platform.atelier().generation().ledger().grant(user.tenantId(), user.accountId(), credits, reason, expires,
                "test:" + UUID.randomUUID());
    }

    /** The credit history part of the billing page at {@code path}. */
    private static String billing(User user, String path) throws Exception {
        HttpResponse<String> page = User.send(user.browser(path).GET());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String body = page.body();
        int start = body.indexOf("id=\"history\"");
        assertThat(start).as("the page has a credit history").isPositive();
        return body.substring(start, body.indexOf("</div>\n  </div>", start));
    }
}
