package dev.atelier.launcher.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.atelier.launcher.DemoPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens both demo tenants' sites in a real headless Chromium, as a visitor would, and saves screenshots under
 * {@code target/screenshots/} so people can look at them.
 */
class BrowserScreenshotsTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SHOTS = Path.of("target/screenshots");

    private static DemoPlatform platform;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        assertThat(CHROMIUM).as("Chromium is missing; `./dev test` installs it (apt-get install chromium)")
                .exists();
        platform = DemoPlatform.start();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void auratunerLandingPageShowsItsBrand() {
        String title = shoot("auratuner", "/", "auratuner-landing", 1280, 900);
        assertThat(title).contains("AuraTuner");
    }

    @Test
    void secondTenantLandingPageShowsItsOwnBrand() {
        String slug = platform.secondTenantSlug();
        String title = shoot(slug, "/", slug + "-landing", 1280, 900);
        assertThat(title).doesNotContain("AuraTuner").isNotBlank();
    }

    @Test
    void pricingAndMobileViewsRender() {
        shoot("auratuner", "/pricing", "auratuner-pricing", 1280, 900);
        shoot("auratuner", "/", "auratuner-landing-mobile", 390, 844);
        String slug = platform.secondTenantSlug();
        shoot(slug, "/pricing", slug + "-pricing", 1280, 900);
        shoot(slug, "/", slug + "-landing-mobile", 390, 844);
        assertThat(SHOTS.resolve(slug + "-landing-mobile.png")).exists();
    }

    private String shoot(String slug, String path, String name, int width, int height) {
        try (Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(width, height))) {
            var response = page.navigate("http://" + slug + ".localhost:" + platform.port() + path);
            assertThat(response.status()).as("status of %s%s", slug, path).isEqualTo(200);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
            return page.title();
        }
    }
}
