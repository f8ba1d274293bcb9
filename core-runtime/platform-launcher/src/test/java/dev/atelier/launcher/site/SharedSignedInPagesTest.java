package dev.atelier.launcher.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.accounts.Account;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestAccounts;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import dev.atelier.web.auth.AccountServices;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pages signed-in users share (one rendering per kind of user, each user's texts spliced in) and signed-in users
 * kept in memory: every response is its own user's, on its own tenant, however many requests run at once, and a
 * signed-out session is refused on the very next request.
 */
class SharedSignedInPagesTest {

    private static final String ALPHA = "alpha";
    private static final String BETA = "beta";
    private static final String SIGNED_IN = "href=\"/account\"";
    private static final String SIGNED_OUT = "href=\"/signin\"";
    /** Two pages shared by signed-in users and two rendered for each user whole. */
    private static final List<String> PAGES = List.of("/", "/pricing", "/account", "/gallery");

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().tenants(ALPHA, BETA).build();

    /** A signed-in user whose email the pages show (not confirmed yet: the banner asks to confirm it). */
    private record Viewer(String slug, String email, String session, String csrf) {}

    @Test
    void everyConcurrentResponseIsItsOwnUsersOnItsOwnTenant() throws Exception {
        List<Viewer> viewers = List.of(viewer(ALPHA), viewer(ALPHA), viewer(ALPHA), viewer(BETA), viewer(BETA));
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> checked = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                checked.add(threads.submit(() -> hammer(viewers, 50)));
            }
            int total = 0;
            for (Future<Integer> each : checked) {
                total += each.get();
            }
            assertThat(total).isEqualTo(600);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aSignedOutSessionIsRefusedOnTheNextRequest() throws Exception {
        Viewer ada = viewer(ALPHA);
        Browser browser = platform.browserOnHost(TestPlatform.hostOf(ALPHA)).signedIn(ada.session());
        for (int i = 0; i < 3; i++) {
            assertThat(browser.get("/").body()).as("kept and shared by now").contains(SIGNED_IN, ada.csrf());
        }

        HttpResponse<String> signOut = browser.post("/signout", Map.of("csrf", ada.csrf()));
        assertThat(signOut.statusCode()).isBetween(300, 399);

        HttpResponse<String> after = platform.get(TestPlatform.hostOf(ALPHA), "/", ada.session());
        assertThat(after.body()).contains(SIGNED_OUT).doesNotContain(SIGNED_IN).doesNotContain(ada.csrf())
                .doesNotContain(ada.email());
    }

    @Test
    void aRevokedSessionAndANewNameShowOnTheNextRequest() throws Exception {
        Viewer ada = viewer(ALPHA);
        AccountServices services = platform.atelier().accounts();
        String tenantId = platform.tenantId(ALPHA);
        Account account = services.accounts().findByEmail(tenantId, ada.email()).orElseThrow();
        assertThat(platform.get(TestPlatform.hostOf(ALPHA), "/account", ada.session()).body()).contains("Ada");

        services.accounts().updateDisplayName(tenantId, account.id(), "Grace");
        assertThat(platform.get(TestPlatform.hostOf(ALPHA), "/account", ada.session()).body()).contains("Grace");

        services.sessions().revokeAllFor(tenantId, account.id());
        assertThat(platform.get(TestPlatform.hostOf(ALPHA), "/", ada.session()).body()).contains(SIGNED_OUT)
                .doesNotContain(ada.csrf());
    }

    private static int hammer(List<Viewer> viewers, int requests) throws Exception {
        for (int i = 0; i < requests; i++) {
            Viewer me = viewers.get(ThreadLocalRandom.current().nextInt(viewers.size()));
            String page = PAGES.get(ThreadLocalRandom.current().nextInt(PAGES.size()));
            HttpResponse<String> response = platform.get(TestPlatform.hostOf(me.slug()), page, me.session());
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.body()).as(page).contains(SIGNED_IN, me.csrf(), me.email());
            for (Viewer other : viewers) {
                if (other != me) {
                    assertThat(response.body()).as(page).doesNotContain(other.csrf()).doesNotContain(other.email());
                }
            }
            assertThat(response.body()).as(page).contains(platform.tenant(me.slug()).displayName());
        }
        return requests;
    }

    /** A new unconfirmed account of {@code slug}, signed in, with the CSRF token its session's API answer names. */
    private static Viewer viewer(String slug) throws Exception {
        AccountServices services = platform.atelier().accounts();
        String tenantId = platform.tenantId(slug);
        String email = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@" + slug + ".test";
        Account account = services.accounts().signUp(tenantId, email, TestAccounts.PASSWORD, "Ada").account();
        String session = services.sessions().start(tenantId, account.id(), "test", "127.0.0.1").cookieValue();
        HttpResponse<String> me = platform.get(TestPlatform.hostOf(slug), "/api/v1/account", session);
        JsonNode json = User.parse(me);
        return new Viewer(slug, email, session, json.get("csrf_token").asText());
    }
}
