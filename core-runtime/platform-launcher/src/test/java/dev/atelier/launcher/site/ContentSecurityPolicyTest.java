package dev.atelier.launcher.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.launcher.ChromiumExtension;
import dev.atelier.launcher.PolicyViolations;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.web.auth.Cookies;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sites, the admin area and the operator console work in a real Chromium under the strict Content-Security-Policy:
 * every page of both demo tenants is opened (and the create page used: a model chosen, a creation sent and followed
 * until it is finished) while every policy violation is recorded, and none may occur. Screenshots of the pages the
 * policy could most easily break (brand colours, scripts, media) land in {@code target/screenshots/csp-*.png}. Also: every kind of response carries the policy and the other browser-side
 * headers.
 */
class ContentSecurityPolicyTest {

    private static final String OPERATOR_HOST = "operator.localhost";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @Test
    void everyKindOfResponseForbidsFramingSniffingAndForeignScripts() throws Exception {
        String landing = platform.get("auratuner.localhost", "/").body();
        String stylesheet = landing.replaceAll("(?s).*href=\"(/static/[^\"]+/site\\.css)\".*", "$1");
        List<HttpResponse<String>> responses = List.of(
                platform.get("auratuner.localhost", "/"),
                platform.get("auratuner.localhost", "/"), // answered from the page cache the second time
                platform.get("auratuner.localhost", "/pricing"),
                platform.get("auratuner.localhost", "/signin"),
                platform.get("auratuner.localhost", "/no-such-page"),
                platform.get("auratuner.localhost", stylesheet),
                platform.get("auratuner.localhost", "/brand/style.css?primary=%23112233"),
                platform.get("auratuner.localhost", "/api/v1/models"),
                platform.get("auratuner.localhost", "/api/v1/account"),
                platform.get(platform.secondDemoTenant() + ".localhost", "/"),
                platform.get("nobody.localhost", "/"),
                platform.get(OPERATOR_HOST, "/operator/signin"),
                platform.get(OPERATOR_HOST, "/healthz"));

        assertThat(responses).allSatisfy(response -> {
            String what = response.request().uri().getPath() + " on " + response.request().headers()
                    .firstValue("Host").orElse("?") + " (" + response.statusCode() + ")";
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(
                    policy -> assertThat(policy).contains("default-src 'self'", "script-src 'self';",
                            "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(response.headers().allValues("Content-Security-Policy")).as(what).hasSize(1);
            assertThat(response.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(what)
                    .hasValue("strict-origin-when-cross-origin");
        });
        assertThat(responses.get(5).statusCode()).as("the theme's style sheet").isEqualTo(200);
    }

    @Test
    void pagesWithATokenInTheirAddressSendNoReferrer() throws Exception {
        for (String path : List.of("/verify?token=abc", "/reset/confirm?token=abc", "/account/email/confirm?token=abc",
                "/signin/google/callback?code=abc&state=def", "/Reset/Confirm/?token=abc")) {
            HttpResponse<String> response = platform.get("auratuner.localhost", path);

            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }

    @Test
    void theBrandStyleSheetRefusesValuesThatCouldAddRules() throws Exception {
        String css = platform.get("auratuner.localhost", "/brand/style.css?primary=%23112233%3B%7Dbody%7Bx:y"
                + "&accent=%23AABBCC&heading=Inter%7D%20body%7Bcolor:red&body=%22Unclosed,%20serif&scheme=dark").body();

        assertThat(css).contains("--color-accent: #aabbcc;", "--font-heading: Inter bodycolorred;",
                        "color-scheme: dark;")
                .doesNotContain("--color-primary", "--font-body", "}body", "{color");
    }

    @Test
    void injectedInlineStylesAndForeignImagesAreRefusedAndSeen() {
        try (BrowserContext visitor = context()) {
            PolicyViolations violations = PolicyViolations.watch(visitor);
            Page page = visitor.newPage();
            open(page, "auratuner", "/", 200);

            // What an injected fragment would try: its own style block and an image from another site.
            page.evaluate("document.head.insertAdjacentHTML('beforeend', '<style>body{display:none}</style>');"
                    + "document.body.insertAdjacentHTML('beforeend', '<img src=\"https://elsewhere.example/p.png\">')");

            await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> violations.seen().size() >= 2);
            assertThat(violations.seen()).anySatisfy(v -> assertThat(v).contains("style-src"))
                    .anySatisfy(v -> assertThat(v).contains("img-src").contains("elsewhere.example"));
            assertThat(page.isVisible("main")).as("the injected style was not applied").isTrue();
        }
    }

    @Test
    void visitorPagesOfBothTenantsShowTheirBrandWithNoPolicyViolation() {
        for (String slug : List.of("auratuner", platform.secondDemoTenant())) {
            try (BrowserContext visitor = context()) {
                PolicyViolations violations = PolicyViolations.watch(visitor);
                Page page = visitor.newPage();
                for (String path : List.of("/", "/pricing", "/signup", "/signin", "/reset", "/legal/privacy",
                        "/legal/terms", "/reset/confirm?token=expired")) {
                    open(page, slug, path, 200);
                }
                open(page, slug, "/verify?token=expired", 410);
                open(page, slug, "/no-such-page", 404);
                shoot(page, slug + "-not-found");
                open(page, slug, "/", 200);
                shoot(page, slug + "-landing");

                assertThat(page.evaluate("getComputedStyle(document.documentElement)"
                        + ".getPropertyValue('--color-primary').trim()"))
                        .as("%s's primary colour reaches the page", slug)
                        .isEqualTo(tenant(slug).branding().colors().primary().toLowerCase());
                assertThat(violations.seen()).as("policy violations on %s", slug).isEmpty();
            }
        }
    }

    @Test
    void signedInPagesAdminPagesAndACreationFollowedToTheEndHaveNoPolicyViolation() {
        for (String slug : List.of("auratuner", platform.secondDemoTenant())) {
            String email = "csp@" + slug + ".example";
            String session = platform.accounts().signedInAdmin(slug, email);
            Tenant tenant = tenant(slug);
            String accountId = platform.atelier().accounts().accounts().findByEmail(tenant.id(), email).orElseThrow()
                    .id();
            platform.atelier().generation().ledger().grant(tenant.id(), accountId, 50, "CSP test", null,
                    "csp-test:" + slug);
            try (BrowserContext signedIn = context()) {
                PolicyViolations violations = PolicyViolations.watch(signedIn);
                signedIn.addCookies(List.of(new Cookie(Cookies.SESSION, session).setUrl(origin(slug))));
                Page page = signedIn.newPage();
                Set<Integer> streams = new CopyOnWriteArraySet<>();
                page.onResponse(response -> {
                    if (response.url().endsWith("/events")) {
                        streams.add(response.status());
                    }
                });

                createAndFollowAVideo(page, slug);
                for (String path : List.of("/gallery", "/account", "/account/billing", "/admin", "/admin/models",
                        "/admin/users", "/admin/plugins", "/admin/branding")) {
                    open(page, slug, path, 200);
                }
                shoot(page, slug + "-admin-branding");
                page.fill("#color_primary", "#ff6600");
                page.click("button[name='action'][value='preview']");
                page.waitForSelector(".preview-canvas");
                shoot(page, slug + "-admin-branding-preview");

                assertThat(page.evaluate("getComputedStyle(document.querySelector('.preview-canvas'))"
                        + ".getPropertyValue('--color-primary').trim()"))
                        .as("the preview pane takes the form's unsaved colour").isEqualTo("#ff6600");
                assertThat(page.evaluate("getComputedStyle(document.documentElement)"
                        + ".getPropertyValue('--color-primary').trim()"))
                        .as("the page around it keeps the saved one")
                        .isEqualTo(tenant.branding().colors().primary().toLowerCase());
                assertThat(streams).as("the running creation's page followed its progress stream").contains(200);
                assertThat(violations.seen()).as("policy violations on %s", slug).isEmpty();
            }
        }
    }

    @Test
    void theOperatorConsoleWorksWithNoPolicyViolation() {
        String token = platform.atelier().accounts().operatorTokens().create("csp test").token();
        try (BrowserContext operator = context()) {
            PolicyViolations violations = PolicyViolations.watch(operator);
            Page page = operator.newPage();
            page.navigate("http://" + OPERATOR_HOST + ":" + platform.port() + "/operator/signin");
            shoot(page, "operator-signin");
            assertThat(page.evaluate("getComputedStyle(document.querySelector('.op-header')).backgroundColor"))
                    .as("the console's style sheet applies on the operator host").isEqualTo("rgb(29, 27, 38)");
            page.fill("#token", "not a token");
            page.click("button[type='submit']");
            page.waitForSelector("[role='alert']");
            shoot(page, "operator-signin-error");
            page.fill("#token", token);
            page.click("button[type='submit']");
            page.waitForSelector("img[src*='/procedural/']");
            // Polled from here: a predicate the page evaluates itself would be refused by the policy under test.
            await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> (Boolean) page.evaluate(
                    "(i => i.complete && i.naturalWidth > 0)(document.querySelector(\"img[src*='/procedural/']\"))"));
            shoot(page, "operator-console");
            page.setViewportSize(390, 844);
            shoot(page, "operator-console-mobile");

            assertThat(page.textContent("h1")).isEqualTo("Atelier is running");
            assertThat(page.textContent("#bundles-heading ~ h3")).as("the first plugin kind").contains("Model");
            assertThat(page.locator("form[action='/operator/signout'] button").isVisible()).isTrue();
            assertThat(violations.seen()).as("policy violations on the operator console").isEmpty();
        }
    }

    /** Chooses a model on the create page (its script shows that model's settings), sends a video and waits for it. */
    private static void createAndFollowAVideo(Page page, String slug) {
        open(page, slug, "/create", 200);
        page.locator("input[name='model'][value='procedural']").check(new Locator.CheckOptions().setForce(true));
        assertThat(page.locator("fieldset[data-model='procedural']").isVisible()).isTrue();
        assertThat(page.locator("fieldset[data-model='procedural-video']").isHidden())
                .as("the script hides the other model's settings").isTrue();
        String imagePrice = page.textContent("[data-create-button]");
        page.locator("input[name='model'][value='procedural-video']")
                .check(new Locator.CheckOptions().setForce(true));
        assertThat(page.locator("fieldset[data-model='procedural']").isHidden()).isTrue();
        assertThat(page.textContent("[data-create-button]")).as("the button follows the chosen model's price")
                .endsWith(" · 3 credits").isNotEqualTo(imagePrice);
        shoot(page, slug + "-create");
        page.fill("#prompt", "A paper boat drifting on a calm lake");
        page.click("[data-create-button]");
        // The page sends the form in the background and shows the video beside it once its event stream says done.
        page.waitForSelector(".result[data-status='SUCCEEDED'] video", new Page.WaitForSelectorOptions()
                .setState(WaitForSelectorState.ATTACHED).setTimeout(120_000));
        assertThat(page.url()).endsWith("/create");
        shoot(page, slug + "-create-result");
        page.click(".result [data-result-open]");
        page.waitForURL(url -> url.matches(".*/gallery/[^/]+$"));
        page.waitForSelector(".item-output video", new Page.WaitForSelectorOptions()
                .setState(WaitForSelectorState.ATTACHED).setTimeout(120_000));
        shoot(page, slug + "-creation");
    }

    private static BrowserContext context() {
        return chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    }

    private static void open(Page page, String slug, String path, int status) {
        var response = page.navigate(origin(slug) + path);
        assertThat(response.status()).as("status of %s%s", slug, path).isEqualTo(status);
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserScreenshotsTest.SHOTS.resolve("csp-" + name
                + ".png")).setFullPage(true));
    }

    private static Tenant tenant(String slug) {
        return platform.atelier().tenants().directory().bySlug(slug).orElseThrow();
    }

    private static String origin(String slug) {
        return "http://" + slug + ".localhost:" + platform.port();
    }
}
