package dev.atelier.launcher.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FilePayload;
import dev.atelier.launcher.ChromiumExtension;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import dev.atelier.web.auth.Cookies;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin additions and fixes in a real headless Chromium, in both demo tenants' themes: the user page, the audit
 * log, the branding preview that keeps its logo through Save, the new API token shown first with its copy button, and
 * the pricing FAQ. Screenshots land under {@code target/screenshots/} for people to look at.
 */
class AdminPagesInChromiumTest {

    private static final Path SHOTS = ChromiumExtension.SHOTS;
    private static final String ICON = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\">"
            + "<circle cx=\"32\" cy=\"32\" r=\"28\" fill=\"#e4572e\"/></svg>";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @Test
    void theUserPageAndTheAuditLogReadWellInBothThemes() throws Exception {
        for (String slug : slugs()) {
            User user = platform.user(slug, 40);
            String job = User.parse(user.submit("{\"model\":\"procedural\",\"prompt\":\"a quiet harbour at dawn\","
                    + "\"parameters\":{\"width\":64,\"height\":64}}")).get("id").asText();
            await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCEEDED".equals(
                    user.json("/api/v1/generations/" + job).get("status").asText()));
            try (BrowserContext admin = signedInAdmin(slug); Page page = admin.newPage()) {
                page.navigate(origin(slug) + "/admin/users");
                shot(page, slug + "-admin-users");
                page.navigate(origin(slug) + "/admin/users/" + user.accountId());
                page.locator("#grant-amount").fill("15");
                page.locator("#grant-reason").fill("Thanks for the feedback");
                page.locator(".grant-form-wide button[type=submit]").click();
                page.waitForURL("**done=granted");
                page.locator("#suspend-reason").fill("Looking into a chargeback");
                page.locator(".suspend-form button[type=submit]").click();
                page.waitForURL("**done=suspended");
                assertThat(page.locator(".admin-thumb img").count()).isPositive();
                shot(page, slug + "-admin-user");
                page.navigate(origin(slug) + "/admin/audit");
                assertThat(page.content()).contains("account.suspend", "Looking into a chargeback");
                shot(page, slug + "-admin-audit");
            }
        }
    }

    @Test
    void aLogoChosenForThePreviewIsTheOneSaveStoresInBothThemes() {
        for (String slug : slugs()) {
            try (BrowserContext admin = signedInAdmin(slug); Page page = admin.newPage()) {
                page.navigate(origin(slug) + "/admin/branding");
                page.locator("#logo").setInputFiles(new FilePayload("icon.svg", "image/svg+xml",
                        ICON.getBytes(StandardCharsets.UTF_8)));
                page.locator("button[value=preview]").click();
                page.waitForLoadState();
                assertThat(page.locator(".pending-image").first().isVisible()).isTrue();
                shot(page, slug + "-admin-branding-preview");
                page.locator("button[value=save]").click();
                page.waitForURL("**saved=1");
                shot(page, slug + "-admin-branding-saved");

                String header = page.locator(".site-header .brand").first().innerHTML();
                assertThat(header).contains("brand-icon", "wordmark-beside");
                String favicon = page.locator("link[rel=icon]").getAttribute("href");
                assertThat(favicon).isEqualTo(page.locator(".site-header .brand-logo").first().getAttribute("src"));
            } finally {
                platform.applyTenantFolders();
            }
        }
    }

    @Test
    void aNewApiTokenIsShownFirstFocusedWithACopyButton() {
        for (String slug : slugs()) {
            try (BrowserContext admin = signedInAdmin(slug); Page page = admin.newPage()) {
                admin.grantPermissions(List.of("clipboard-read", "clipboard-write"));
                page.navigate(origin(slug) + "/account");
                page.locator("#token-name").fill("Nightly export");
                page.locator("#tokens button[type=submit].btn-primary").click();
                page.waitForLoadState();

                assertThat(page.evaluate("document.activeElement.id")).isEqualTo("new-token");
                // In view, and not under the sticky header.
                assertThat(page.locator("#new-token").boundingBox().y).isBetween(68.0, 900.0);
                page.locator("button[data-copy]").click();
                await().atMost(Duration.ofSeconds(5)).until(() -> "Copied".equals(
                        page.locator("button[data-copy]").textContent()));
                assertThat(page.evaluate("navigator.clipboard.readText()"))
                        .isEqualTo(page.locator("#new-token .token-value").textContent().trim());
                page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(slug + "-account-new-token.png")));
            }
        }
    }

    @Test
    void theFaqMarkersStayInsideTheirCardsInBothThemes() {
        for (String slug : slugs()) {
            try (BrowserContext visitor = chromium.browser().newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 900)); Page page = visitor.newPage()) {
                page.navigate(origin(slug) + "/pricing");
                page.locator(".faq summary").first().click();
                Object outside = page.evaluate("() => [...document.querySelectorAll('.faq summary')].some(s => {"
                        + " const card = s.closest('details').getBoundingClientRect();"
                        + " const marker = getComputedStyle(s).display === 'list-item';"
                        + " return marker || s.getBoundingClientRect().left < card.left; })");
                assertThat(outside).isEqualTo(false);
                page.locator(".faq").first().screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                        .setPath(SHOTS.resolve(slug + "-pricing-faq.png")));
            }
        }
    }

    private static List<String> slugs() {
        return List.of("auratuner", platform.secondDemoTenant());
    }

    private static BrowserContext signedInAdmin(String slug) {
        String session = platform.accounts().signedInAdmin(slug, "owner@" + slug + ".example");
        BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900));
        context.addCookies(List.of(new Cookie(Cookies.SESSION, session).setUrl(origin(slug))));
        return context;
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private static String origin(String slug) {
        return "http://" + slug + ".localhost:" + platform.port();
    }
}
