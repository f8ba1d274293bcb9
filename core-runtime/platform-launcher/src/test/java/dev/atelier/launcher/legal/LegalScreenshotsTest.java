package dev.atelier.launcher.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import dev.atelier.accounts.Account;
import dev.atelier.launcher.ChromiumExtension;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.legal.LegalDraft;
import dev.atelier.legal.versions.NoticeMode;
import dev.atelier.web.auth.Cookies;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The legal pages in a real headless Chromium, in both demo tenants' themes: the accept page with what changed, the
 * banner of a "notify" version, an earlier version's page and the admin's versions with a diff. Screenshots land
 * under {@code target/screenshots/} for people to look at.
 */
class LegalScreenshotsTest {

    private static final Path SHOTS = ChromiumExtension.SHOTS;
    private static final LocalDate EFFECTIVE = LocalDate.parse("2026-12-01");
    private static final String TERMS_ONE = """
            1. Using the service
            You may create images and videos for any lawful purpose.
            2. Credits
            Credits expire twelve months after purchase.
            3. Contact
            Write to support with any question.""";
    private static final String TERMS_TWO = """
            1. Using the service
            You may create images and videos for any lawful purpose.
            2. Credits
            Credits expire twenty-four months after purchase.
            Unused credits of a cancelled plan stay until they expire.
            3. Contact
            Write to support with any question.""";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @Test
    void theLegalPagesRenderInBothDemoTenantsThemes() {
        for (String slug : List.of("auratuner", platform.secondDemoTenant())) {
            String tenantId = platform.tenantId(slug);
            Account account = platform.accounts().confirmed(slug, "reader@" + slug + ".test");
            publish(tenantId, "terms", TERMS_ONE, NoticeMode.NOTIFY);
            platform.atelier().legal().acceptances().accept(tenantId, account.id(), "terms", 1, "203.0.113.7");
            publish(tenantId, "terms", TERMS_TWO, NoticeMode.REQUIRE);

            try (BrowserContext user = signedIn(slug, platform.atelier().accounts().sessions()
                    .start(tenantId, account.id(), "test", "127.0.0.1").cookieValue())) {
                Page accept = shoot(user, slug, "/create", slug + "-legal-accept");
                assertThat(accept.url()).contains("/legal/accept?next=%2Fcreate");
                assertThat(accept.textContent("main")).contains("Terms of service, version 2",
                        "What changed since version 1", "twenty-four months");
                accept.check("#agree");
                accept.waitForNavigation(() -> accept.click(".legal-accept button[type=submit]"));
                assertThat(accept.url()).as(accept.content()).isEqualTo(origin(slug) + "/create");

                publish(tenantId, "privacy", "We keep what you create private.", NoticeMode.NOTIFY);
                Page banner = shoot(user, slug, "/gallery", slug + "-legal-banner");
                assertThat(banner.isVisible(".legal-banner")).isTrue();
                banner.waitForNavigation(() -> banner.click(".legal-banner button[type=submit]"));
                assertThat(banner.isVisible(".legal-banner")).isFalse();

                Page version = shoot(user, slug, "/legal/terms/v/1", slug + "-legal-version");
                assertThat(version.textContent("main")).contains("earlier version", "twelve months");
            }
            try (BrowserContext admin = signedIn(slug, platform.accounts().signedInAdmin(slug,
                    "owner@" + slug + ".test"))) {
                Page page = shoot(admin, slug, "/admin/legal?document=terms&from=1&to=2", slug + "-admin-legal");
                assertThat(page.textContent("main")).contains("Version 2", "asked to accept", "twenty-four");
            }
        }
    }

    private static void publish(String tenantId, String document, String text, NoticeMode mode) {
        String html = "<h2>Terms</h2>" + String.join("", text.lines().map(l -> "<p>" + l + "</p>").toList());
        platform.atelier().legal().versions().publish(tenantId, new LegalDraft(document, "template", html,
                text + "\n", text + "\n", "digest"), EFFECTIVE, mode, "owner@example.com");
    }

    private static BrowserContext signedIn(String slug, String session) {
        BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.addCookies(List.of(new Cookie(Cookies.SESSION, session).setUrl(origin(slug))));
        return context;
    }

    /** Opens {@code path} and saves a full-page screenshot of where it lands; the page stays open for more. */
    private static Page shoot(BrowserContext context, String slug, String path, String name) {
        Page page = context.newPage();
        page.navigate(origin(slug) + path);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
        return page;
    }

    private static String origin(String slug) {
        return "http://" + slug + ".localhost:" + platform.port();
    }
}
