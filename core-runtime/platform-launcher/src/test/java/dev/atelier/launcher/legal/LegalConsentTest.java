package dev.atelier.launcher.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.accounts.Account;
import dev.atelier.accounts.Consent;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.Mail;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.legal.LegalDraft;
import dev.atelier.legal.versions.NoticeMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Published versions of a tenant's terms and privacy policy as its users meet them, over real HTTP: what sign-up
 * records, the banner of a "notify" version, the accept page that "require" puts in front of creating and buying (and
 * the 403 the JSON API answers), the version pages, the admin's list and diffs, and the notice emails.
 */
class LegalConsentTest {

    private static final String SLUG = "auratuner";
    private static final LocalDate EFFECTIVE = LocalDate.parse("2026-12-01");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().mail().build();
    private static String tenantId;

    @BeforeAll
    static void start() {
        tenantId = platform.tenantId(SLUG);
    }

    @Test
    void signingUpAcceptsTheCurrentTermsAndPrivacyVersionsFromItsAddress() throws Exception {
        int terms = publish("terms", "Terms for sign-up", NoticeMode.NOTIFY);
        int privacy = publish("privacy", "Privacy for sign-up", NoticeMode.NOTIFY);
        String email = "signup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        Browser browser = platform.browser(SLUG).signedUp(email);

        Account account = platform.accounts().byEmail(SLUG, email).orElseThrow();
        assertThat(consents(account)).extracting(Consent::document, Consent::version, Consent::ip)
                .containsExactlyInAnyOrder(tuple("terms", "" + terms, "127.0.0.1"),
                        tuple("privacy", "" + privacy, "127.0.0.1"));
        assertThat(browser.get("/gallery").body()).as("no banner for versions accepted at sign-up")
                .doesNotContain("legal-banner");
        JsonNode export = Browser.json(browser.get("/account/export"));
        assertThat(export.get("consents")).anySatisfy(consent -> {
            assertThat(consent.get("document").asText()).isEqualTo("terms");
            assertThat(consent.get("version").asText()).isEqualTo("" + terms);
            assertThat(consent.get("ip").asText()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void requireModeSendsTheCreateAndCheckoutPagesToAcceptUntilTheUserAccepts() throws Exception {
        Member member = member();
        int version = publish("terms", "Terms you must accept", NoticeMode.REQUIRE);

        assertThat(acceptRedirect(member.browser.get("/create"))).isEqualTo("/legal/accept?next=%2Fcreate");
        assertThat(acceptRedirect(member.browser.get("/billing/checkout?offer=creator")))
                .isEqualTo("/legal/accept?next=%2Fbilling%2Fcheckout%3Foffer%3Dcreator");
        assertThat(acceptRedirect(member.browser.post("/billing/checkout",
                Map.of("offer", "creator", "csrf", member.browser.csrfOf("/gallery")))))
                .isEqualTo("/legal/accept?next=%2Fpricing");
        assertThat(acceptRedirect(member.browser.post("/create", "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nfox\r\n--b--\r\n")))
                .isEqualTo("/legal/accept?next=%2Fcreate");
        assertThat(member.browser.get("/gallery").statusCode()).as("viewing stays open").isEqualTo(200);

        HttpResponse<String> page = member.browser.get("/legal/accept?next=%2Fcreate");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Terms of service, version " + version,
                "href=\"/legal/terms/v/" + version + "\"", "name=\"accept\" value=\"terms:" + version + "\"");
        HttpResponse<String> accepted = member.browser.post("/legal/accept", acceptForm(page, "/create"));

        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(member.browser.redirect(accepted)).isEqualTo("/create");
        assertThat(member.browser.get("/create").statusCode()).isEqualTo(200);
        assertThat(member.browser.get("/billing/checkout?offer=creator").statusCode()).isEqualTo(200);
        assertThat(consents(member.account)).filteredOn(c -> c.document().equals("terms")).singleElement()
                .satisfies(consent -> {
            assertThat(consent.version()).isEqualTo("" + version);
            assertThat(consent.ip()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void requireModeRefusesGenerationsAndCheckoutsInTheApiWithAProblemLinkingToTheAcceptPage() throws Exception {
        Member member = member();
        int version = publish("privacy", "Privacy you must accept", NoticeMode.REQUIRE);

        HttpResponse<String> generation = member.api("/api/v1/generations",
                "{\"model\":\"procedural\",\"prompt\":\"a fox\"}");
        HttpResponse<String> checkout = member.api("/api/v1/billing/checkouts", "{\"offer\":\"creator\"}");

        for (HttpResponse<String> refused : List.of(generation, checkout)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = Browser.json(refused);
            assertThat(problem.get("title").asText()).isEqualTo("Acceptance required");
            assertThat(problem.get("accept_url").asText()).endsWith(SLUG + ".localhost:" + platform.port()
                    + "/legal/accept");
            assertThat(problem.get("documents")).anySatisfy(document -> {
                assertThat(document.get("document").asText()).isEqualTo("privacy");
                assertThat(document.get("version").asInt()).isEqualTo(version);
                assertThat(document.get("url").asText()).endsWith("/legal/privacy/v/" + version);
            });
            assertThat(refused.headers().firstValue("Link")).hasValueSatisfying(link ->
                    assertThat(link).contains("/legal/accept>"));
        }
        assertThat(platform.atelier().generation().jobs().list(tenantId, member.account.id(), 10, null).items())
                .as("nothing was queued").isEmpty();

        acceptEverything(member);
        assertThat(member.api("/api/v1/generations", "{\"model\":\"procedural\",\"prompt\":\"a fox\"}")
                .statusCode()).isEqualTo(202);
    }

    @Test
    void acceptingTwiceOrFromManyTabsAtOnceRecordsOneAcceptance() throws Exception {
        Member member = member();
        int version = publish("terms", "Terms accepted from many tabs", NoticeMode.REQUIRE);
        HttpResponse<String> page = member.browser.get("/legal/accept");
        List<Map.Entry<String, String>> form = acceptForm(page, "/create");

        ExecutorService tabs = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                posts.add(() -> member.browser.post("/legal/accept", form).statusCode());
            }
            for (Future<Integer> status : tabs.invokeAll(posts)) {
                assertThat(status.get()).isEqualTo(303);
            }
        } finally {
            tabs.shutdownNow();
        }
        assertThat(member.browser.post("/legal/accept", form).statusCode()).isEqualTo(303);

        assertThat(consents(member.account)).filteredOn(c -> c.document().equals("terms"))
                .extracting(Consent::version).containsExactly("" + version);
    }

    @Test
    void anAcceptFormFromBeforeANewerVersionAcceptsNothingAndShowsTheNewerOne() throws Exception {
        Member member = member();
        publish("terms", "Terms before the newer one", NoticeMode.REQUIRE);
        acceptEverything(member);
        publish("terms", "Terms of the older form", NoticeMode.REQUIRE);
        List<Map.Entry<String, String>> stale = acceptForm(member.browser.get("/legal/accept"), "/create");
        int newer = publish("terms", "Terms published while reading", NoticeMode.REQUIRE);

        HttpResponse<String> refused = member.browser.post("/legal/accept", stale);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("A newer version was published", "terms:" + newer,
                "Terms published while reading");
        assertThat(consents(member.account)).extracting(Consent::version).doesNotContain("" + (newer - 1), "" + newer);
    }

    @Test
    void aCrossSiteAcceptWithoutTheFormTokenIsRefused() throws Exception {
        Member member = member();
        publish("terms", "Terms a forged form would accept", NoticeMode.REQUIRE);
        List<Map.Entry<String, String>> form = new ArrayList<>(acceptForm(member.browser.get("/legal/accept"), "/"));
        form.removeIf(field -> field.getKey().equals("csrf"));

        assertThat(member.browser.post("/legal/accept", form).statusCode()).isEqualTo(403);
        assertThat(consents(member.account)).isEmpty();
    }

    @Test
    void notifyModeShowsABannerOnEveryPageUntilDismissed() throws Exception {
        Member member = member();
        Member other = member();
        acceptEverything(member);
        acceptEverything(other);
        int version = publish("privacy", "Privacy announced with a banner", NoticeMode.NOTIFY);

        String gallery = member.browser.get("/gallery").body();
        assertThat(gallery).contains("class=\"legal-banner\"", "href=\"/legal/privacy/v/" + version + "\"");
        assertThat(member.browser.get("/create").statusCode()).as("notify blocks nothing").isEqualTo(200);
        HttpResponse<String> dismissed = member.browser.post("/legal/notices/dismiss", Map.of("document", "privacy",
                "version", "" + version, "next", "/gallery", "csrf", Browser.csrfOf(member.browser.get("/gallery"))));

        assertThat(dismissed.statusCode()).isEqualTo(303);
        assertThat(member.browser.redirect(dismissed)).isEqualTo("/gallery");
        String banner = "href=\"/legal/privacy/v/" + version + "\"";
        assertThat(member.browser.get("/gallery").body()).doesNotContain(banner);
        assertThat(member.browser.get("/account").body()).doesNotContain(banner);
        assertThat(other.browser.get("/gallery").body()).as("another user still sees it").contains(banner);
    }

    @Test
    void everyVersionStaysReadableAsPublishedInEachFormat() throws Exception {
        LegalDraft first = draft("cookies", "Cookies, the first time");
        int one = platform.atelier().legal().versions().publish(tenantId, first, EFFECTIVE, NoticeMode.NOTIFY,
                "owner@auratuner.example");
        int two = publish("cookies", "Cookies, the second time", NoticeMode.NOTIFY);
        Browser visitor = platform.browser(SLUG);

        HttpResponse<String> page = visitor.get("/legal/cookies/v/" + one);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<p>Cookies, the first time</p>", "Cookies",
                "href=\"/legal/cookies/v/" + two + "\"");
        HttpResponse<byte[]> text = visitor.getBytes("/legal/cookies/v/" + one + ".txt");
        assertThat(text.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
        assertThat(text.body()).isEqualTo(first.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(visitor.get("/legal/cookies/v/" + one + ".md").body()).isEqualTo(first.markdown());
        assertThat(visitor.get("/legal/cookies/v/" + two).body()).contains("This is the current version");

        assertThat(visitor.get("/legal/cookies/v/99").statusCode()).isEqualTo(404);
        HttpResponse<String> missingText = visitor.get("/legal/cookies/v/99.txt");
        assertThat(missingText.statusCode()).isEqualTo(404);
        assertThat(missingText.headers().firstValue("Content-Type")).as("the site's page, like every page's error")
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        for (String pastInt : List.of("/legal/cookies/v/99999999999999999999", "/legal/cookies/v/99999999999999999999.txt")) {
            HttpResponse<String> missing = visitor.get(pastInt);
            assertThat(missing.statusCode()).as(pastInt).isEqualTo(404);
            assertThat(missing.body()).as(pastInt).contains("No such version").doesNotContain("99999999999");
        }
        assertThat(platform.get(TestPlatform.hostOf(platform.secondDemoTenant()), "/legal/cookies/v/" + one)
                .statusCode()).as("another tenant's host").isEqualTo(404);
    }

    @Test
    void theAdminPageListsEachVersionWithItsPublisherAndDiffsAnyTwo() throws Exception {
        int one = publish("acceptable-use", "Do not misuse.\nBe kind.", NoticeMode.NOTIFY);
        int two = publish("acceptable-use", "Do not misuse.\nBe very kind.\nNo spam.", NoticeMode.REQUIRE);
        Browser admin = platform.browser(SLUG).signedIn(platform.accounts().signedInAdmin(SLUG,
                "owner@auratuner.example"));

        String list = admin.get("/admin/legal").body();
        assertThat(list).contains("Acceptable use", "Version " + one, "Version " + two, "tests@auratuner.example",
                "asked to accept", "notified", "2026-12-01");
        HttpResponse<String> diff = admin.get("/admin/legal?document=acceptable-use&from=" + one + "&to=" + two);
        assertThat(diff.statusCode()).isEqualTo(200);
        assertThat(diff.body()).contains("class=\"diff-line diff-removed\"><span class=\"visually-hidden\">Removed: "
                + "</span>Be kind.", "Added: </span>Be very kind.", "Added: </span>No spam.", "From line 1");
        assertThat(admin.get("/admin/legal?document=acceptable-use&from=1&to=999").statusCode()).isEqualTo(404);

        Browser user = member().browser;
        assertThat(user.get("/admin/legal").statusCode()).isEqualTo(403);
    }

    @Test
    void theAdminsUserListShowsWhatEachUserAccepted() throws Exception {
        Member member = member();
        int version = publish("terms", "Terms the admin sees accepted", NoticeMode.REQUIRE);
        acceptEverything(member);
        Browser admin = platform.browser(SLUG).signedIn(platform.accounts().signedInAdmin(SLUG,
                "owner@auratuner.example"));

        assertThat(admin.get("/admin/users?q=" + member.account.email()).body())
                .contains("Terms of service, version " + version, "127.0.0.1");
    }

    @Test
    void publishingEmailsEveryVerifiedUserThroughTheOutbox() throws Exception {
        Member member = member();
        publish("privacy", "Privacy worth an email", NoticeMode.REQUIRE);

        Mail mail = platform.mail().awaitOne(member.account.email(),
                "Please review and accept our updated privacy policy");
        assertThat(mail.text()).contains("has published version", "/legal/privacy/v/");
        assertThat(mail.linkAuthority()).isEqualTo(SLUG + ".localhost:" + platform.port());
    }

    /** Publishes a one-paragraph document as the tests' admin would; returns its version number. */
    private static int publish(String document, String body, NoticeMode mode) {
        return platform.atelier().legal().versions().publish(tenantId, draft(document, body), EFFECTIVE, mode,
                "tests@auratuner.example");
    }

    private static LegalDraft draft(String document, String body) {
        return new LegalDraft(document, "<#-- " + document + " -->", "<p>" + body + "</p>", body + "\n",
                "# " + document + "\n\n" + body + "\n", "digest:" + body.hashCode());
    }

    private static List<Consent> consents(Account account) {
        return platform.atelier().accounts().consents().list(tenantId, account.id());
    }

    /** The accept page the answer sends the user to, or fails when it sends them elsewhere. */
    private static String acceptRedirect(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("answer of %s", response.uri()).isEqualTo(303);
        URI location = URI.create(Browser.location(response));
        return location.getRawPath() + "?" + location.getRawQuery();
    }

    /** The accept page's form as the browser sends it, box ticked. */
    private static List<Map.Entry<String, String>> acceptForm(HttpResponse<String> page, String next) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("csrf", Browser.csrfOf(page)));
        form.add(Map.entry("next", next));
        form.add(Map.entry("agree", "yes"));
        Matcher accept = Pattern.compile("name=\"accept\" value=\"([^\"]+)\"")
                .matcher(page.body());
        while (accept.find()) {
            form.add(Map.entry("accept", accept.group(1)));
        }
        return form;
    }

    /** Accepts whatever the member is asked to, through the accept page. */
    private static void acceptEverything(Member member) throws Exception {
        HttpResponse<String> page = member.browser.get("/legal/accept");
        assertThat(member.browser.post("/legal/accept", acceptForm(page, "/")).statusCode()).isEqualTo(303);
    }

    /** A new confirmed user of the tenant, signed in in a browser and holding an API token for scripts. */
    private static Member member() {
        Account account = platform.accounts().confirmed(SLUG, "member-" + UUID.randomUUID().toString()
                .substring(0, 8) + "@example.com");
        platform.atelier().generation().ledger().grant(tenantId, account.id(), 50, "Test credits", null,
                "legal-test:" + account.id());
        String session = platform.atelier().accounts().sessions().start(tenantId, account.id(), "test", "127.0.0.1")
                .cookieValue();
        String token = platform.atelier().accounts().apiTokens().create(tenantId, account.id(), "tests").token();
        return new Member(account, platform.browser(SLUG).signedIn(session), token);
    }

    private record Member(Account account, Browser browser, String token) {

        /** A JSON POST with the API token, as a script sends it. */
        HttpResponse<String> api(String path, String json) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port() + path))
                    .header("Host", TestPlatform.hostOf(SLUG) + ":" + platform.port())
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
