package dev.atelier.launcher.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import dev.atelier.launcher.ChromiumExtension;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.web.auth.Cookies;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pages whose wording comes from the message bundles, in both demo tenants, opened by a signed-in reader in a
 * real headless Chromium: screenshots under {@code target/screenshots/voice-<tenant>-<page>.png} for people to look
 * at, and each page's heading in the tenant's own words.
 */
class TenantVoiceScreenshotsTest {

    private static final Path SHOTS = ChromiumExtension.SHOTS;
    private static final List<String> PAGES = List.of("/", "/pricing", "/create", "/gallery", "/account",
            "/account/billing", "/no-such-page");
    private static final Map<String, String> MARGINALIA_HEADINGS = Map.of("/pricing", "A subscription for every shelf",
            "/create", "What shall we draw for you?", "/gallery", "Your folio of plates", "/account", "Your bookplate",
            "/account/billing", "Accounts ledger", "/no-such-page", "This leaf is missing");

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @Test
    void bothTenantsPagesRenderInTheirOwnWords() {
        for (String slug : List.of("auratuner", "marginalia")) {
            String session = platform.accounts().signedInUser(slug);
            try (BrowserContext reader = chromium.browser().newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 900)); Page page = reader.newPage()) {
                reader.addCookies(List.of(new Cookie(Cookies.SESSION, session).setUrl(origin(slug))));
                for (String path : PAGES) {
                    page.navigate(origin(slug) + path);
                    String name = path.equals("/") ? "landing" : path.substring(1).replace('/', '-');
                    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("voice-" + slug + "-" + name
                            + ".png")).setFullPage(true));
                    String heading = page.locator("h1").first().textContent();
                    if (slug.equals("marginalia") && MARGINALIA_HEADINGS.containsKey(path)) {
                        assertThat(heading).as(slug + path).contains(MARGINALIA_HEADINGS.get(path));
                    }
                    assertThat(page.content()).as(slug + path).doesNotContain(slug.equals("marginalia")
                            ? "AuraTuner" : "Marginalia");
                }
                page.navigate(origin(slug) + "/pricing");
                page.locator("a[href^='/billing/checkout?offer=']").first().click();
                page.waitForURL("**/billing/checkout?offer=*");
                page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("voice-" + slug + "-checkout.png"))
                        .setFullPage(true));
            }
        }
        assertThat(SHOTS.resolve("voice-marginalia-create.png")).exists();
    }

    @Test
    void signedOutPagesRenderInTheirOwnWords() {
        for (String slug : List.of("auratuner", "marginalia")) {
            try (BrowserContext visitor = chromium.browser().newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 900)); Page page = visitor.newPage()) {
                for (String path : List.of("/signin", "/signup", "/reset")) {
                    page.navigate(origin(slug) + path);
                    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("voice-" + slug + "-"
                            + path.substring(1) + ".png")).setFullPage(true));
                }
                assertThat(page.locator("h1").first().textContent()).isEqualTo(slug.equals("marginalia")
                        ? "Recover your password" : "Reset your password");
            }
        }
    }

    private static String origin(String slug) {
        return "http://" + slug + ".localhost:" + platform.port();
    }
}
