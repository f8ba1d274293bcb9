package dev.atelier.launcher.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import dev.atelier.core.tenants.PriceStep;
import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.launcher.ChromiumExtension;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.web.auth.Cookies;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Opens both demo tenants' sites in a real headless Chromium, as a visitor would, and saves screenshots under
 * {@code target/screenshots/} so people can look at them. Buying, subscriptions, refunds and plans have their own
 * class ({@link BillingScreenshotsTest}), which runs beside this one.
 */
class BrowserScreenshotsTest {

    static final Path SHOTS = ChromiumExtension.SHOTS;

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    /** The signed-out visitor of every tenant; its cookies are dropped before each of its shots. */
    private static BrowserContext visitor;

    @BeforeAll
    static void openTheVisitorsBrowser() {
        visitor = chromium.browser().newContext();
    }

    @AfterAll
    static void closeTheVisitorsBrowser() {
        if (visitor != null) {
            visitor.close();
        }
    }

    @Test
    void auratunerLandingPageShowsItsBrand() {
        String title = shoot("auratuner", "/", "auratuner-landing", 1280, 900);
        assertThat(title).contains("AuraTuner");
    }

    @Test
    void secondTenantLandingPageShowsItsOwnBrand() {
        String slug = platform.secondDemoTenant();
        String title = shoot(slug, "/", slug + "-landing", 1280, 900);
        assertThat(title).doesNotContain("AuraTuner").isNotBlank();
    }

    @Test
    void pricingAndMobileViewsRender() {
        shoot("auratuner", "/pricing", "auratuner-pricing", 1280, 900);
        shoot("auratuner", "/", "auratuner-landing-mobile", 390, 844);
        String slug = platform.secondDemoTenant();
        shoot(slug, "/pricing", slug + "-pricing", 1280, 900);
        shoot(slug, "/", slug + "-landing-mobile", 390, 844);
        assertThat(SHOTS.resolve(slug + "-landing-mobile.png")).exists();
    }

    @Test
    void legalDocumentsReadInEachTenantsTheme() {
        for (String slug : List.of("auratuner", platform.secondDemoTenant())) {
            String privacy = shoot(slug, "/legal/privacy", slug + "-legal-privacy", 1280, 900);
            String terms = shoot(slug, "/legal/terms", slug + "-legal-terms", 1280, 900);
            shoot(slug, "/legal/privacy", slug + "-legal-privacy-mobile", 390, 844);

            assertThat(privacy).contains("Privacy policy");
            assertThat(terms).contains("Terms of service");
        }
    }

    @Test
    void signInAndSignUpPagesRender() {
        String signIn = shoot("auratuner", "/signin", "auratuner-signin", 1280, 900);
        String signUp = shoot("auratuner", "/signup", "auratuner-signup", 1280, 900);
        shoot("auratuner", "/signin", "auratuner-signin-mobile", 390, 844);

        assertThat(signIn).contains("Sign in");
        assertThat(signUp).contains("Sign up");
    }

    @Test
    void signedInAdminSeesTheAccountAndAdminPages() {
        String session = platform.accounts().signedInAdmin("auratuner", "admin@auratuner.example");
        try (BrowserContext signedIn = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            signedIn.addCookies(List.of(new Cookie(Cookies.SESSION, session).setUrl(origin("auratuner"))));

            String account = shoot(signedIn, "auratuner", "/account", "auratuner-account");
            String admin = shoot(signedIn, "auratuner", "/admin", "auratuner-admin");
            shoot(signedIn, "auratuner", "/admin/branding", "auratuner-admin-branding");
            shoot(signedIn, "auratuner", "/admin/models", "auratuner-admin-models");

            assertThat(account).contains("Account");
            assertThat(admin).contains("Admin");
        }
    }

    @Test
    void adminsSeeTheSettingsAndProcessorsOfTheirPluginsInBothThemes() throws Exception {
        try (InputStream jar = Files.newInputStream(Path.of("target/test-bundles/model-replicate.jar"))) {
            platform.atelier().plugins().deploy(jar, java.time.Duration.ofSeconds(30));
        }
        var admin = platform.atelier().tenants().admin();
        for (String slug : List.of("auratuner", platform.secondDemoTenant())) {
            var tenant = platform.atelier().tenants().directory().bySlug(slug).orElseThrow();
            List<TenantSettings.ModelOffer> offers = new java.util.ArrayList<>(tenant.settings().models());
            offers.add(new TenantSettings.ModelOffer("replicate-image", 4, Map.of("api_token", "r8_shown_never",
                    "webhook_secret", "whsec_c2hvd25uZXZlcg==", "display_name", "Replicate (" + slug + ")")));
            admin.updateModels(slug, offers, tenant.settings().credits());
            String session = platform.accounts().signedInAdmin(slug, "plugins@" + slug + ".example");
            try (BrowserContext signedIn = chromium.browser().newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 900))) {
                signedIn.addCookies(List.of(new Cookie(Cookies.SESSION, session).setUrl(origin(slug))));
                shoot(signedIn, slug, "/admin/plugins", slug + "-admin-plugins");
                String page = platform.get(slug + ".localhost", "/admin/plugins", session).body();
                String refused = shootRefusedPluginForm(signedIn, slug);

                assertThat(page).contains("<code>replicate-image</code>", "api_token", "Set",
                        "is required unless model is set", "Replicate (" + slug + ")", "Replicate, Inc.")
                        .doesNotContain("r8_shown_never");
                assertThat(refused).contains("Nothing was saved", "of the form owner/name", "not a model",
                        "Remove the stored value").doesNotContain("r8_shown_never", "whsec_c2hvd25uZXZlcg==");
            } finally {
                admin.updateModels(slug, tenant.settings().models(), tenant.settings().credits());
            }
        }
    }

    @Test
    void signedInUserSeesCreateGalleryAndACreation() throws Exception {
        String email = "creator@auratuner.example";
        String session = platform.accounts().signedInAdmin("auratuner", email);
        var atelier = platform.atelier();
        var tenant = atelier.tenants().directory().bySlug("auratuner").orElseThrow();
        String accountId = atelier.accounts().accounts().findByEmail(tenant.id(), email).orElseThrow().id();
        atelier.generation().ledger().grant(tenant.id(), accountId, 20, "Screenshots", null, "screenshots");
        var job = atelier.generation().submissions().submit(tenant, accountId, new dev.atelier.generation.SubmitRequest(
                "procedural", "A quiet harbour at dawn", null, java.util.Map.of("width", 512, "height", 384,
                        "style", "aurora"), List.of()), null);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> atelier.generation()
                .jobs().find(tenant.id(), accountId, job.id()).orElseThrow().status().isFinal());
        try (BrowserContext signedIn = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            signedIn.addCookies(List.of(new Cookie(Cookies.SESSION, session).setUrl(origin("auratuner"))));

            shoot(signedIn, "auratuner", "/create", "auratuner-create");
            shoot(signedIn, "auratuner", "/gallery", "auratuner-gallery");
            String item = shoot(signedIn, "auratuner", "/gallery/" + job.id(), "auratuner-creation");

            assertThat(atelier.generation().jobs().find(tenant.id(), accountId, job.id()).orElseThrow().status().name())
                    .isEqualTo("SUCCEEDED");
            assertThat(item).isNotBlank();
        }
    }

    @Test
    void theCreateButtonShowsThePriceOfTheChosenSize() {
        String email = "steps@auratuner.example";
        String session = platform.accounts().signedInAdmin("auratuner", email);
        var admin = platform.atelier().tenants().admin();
        var tenant = platform.atelier().tenants().directory().bySlug("auratuner").orElseThrow();
        admin.updateModels("auratuner", tenant.settings().models().stream().map(offer -> offer.modelId()
                .equals("procedural") ? new TenantSettings.ModelOffer("procedural", 4, Map.of(),
                        List.of(new PriceStep("256x256", 1), new PriceStep("1024x1024", 2))) : offer).toList(),
                tenant.settings().credits());
        try (BrowserContext signedIn = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
                Page page = signedIn.newPage()) {
            signedIn.addCookies(List.of(new Cookie(Cookies.SESSION, session).setUrl(origin("auratuner"))));
            page.navigate(origin("auratuner") + "/create");
            page.locator("input[name='model'][value='procedural']").check(new Locator.CheckOptions().setForce(true));

            page.fill("[name='p.procedural.width']", "128");
            page.fill("[name='p.procedural.height']", "128");
            String small = page.textContent("[data-create-button]");
            page.fill("[name='p.procedural.width']", "1024");
            page.fill("[name='p.procedural.height']", "1024");
            String middle = page.textContent("[data-create-button]");
            page.fill("[name='p.procedural.width']", "1200");
            String large = page.textContent("[data-create-button]");
            // Typing scrolled the page; a full-page shot from there would draw the sticky header mid-page.
            page.evaluate("window.scrollTo(0, 0)");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("auratuner-create-steps.png"))
                    .setFullPage(true));

            assertThat(small).isEqualTo("Create · 1 credit");
            assertThat(middle).isEqualTo("Create · 2 credits");
            assertThat(large).isEqualTo("Create · 4 credits");
        } finally {
            admin.updateModels("auratuner", tenant.settings().models(), tenant.settings().credits());
        }
    }

    /** Opens {@code path} as a visitor without cookies, in a window of the given size, and saves a screenshot. */
    private String shoot(String slug, String path, String name, int width, int height) {
        visitor.clearCookies();
        page(visitor).setViewportSize(width, height);
        return shoot(visitor, slug, path, name);
    }

    /** Opens {@code path} in {@code context} (with whatever cookies it holds) and saves a full-page screenshot. */
    private String shoot(BrowserContext context, String slug, String path, String name) {
        Page page = page(context);
        var response = page.navigate(origin(slug) + path);
        assertThat(response.status()).as("status of %s%s", slug, path).isEqualTo(200);
        assertThat(page.url()).as("%s%s was not redirected", slug, path).isEqualTo(origin(slug) + path);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
        return page.title();
    }

    // One page per context, navigated from shot to shot: each new page or context starts another renderer process,
    // which on a two-core machine costs about as much as the shot itself.
    private static Page page(BrowserContext context) {
        return context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
    }

    /** Submits the Replicate form with a bad model name, as an admin would, and shoots the refused form. */
    private static String shootRefusedPluginForm(BrowserContext context, String slug) {
        try (Page page = context.newPage()) {
            page.navigate(origin(slug) + "/admin/plugins");
            Locator form = page.locator("form[aria-label='Settings of replicate-image']");
            form.locator("input[name='setting.model']").fill("not a model");
            form.locator("button[type=submit]").click();
            page.waitForLoadState();
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(slug + "-admin-plugins-errors.png"))
                    .setFullPage(true));
            return page.content();
        }
    }

    private static String origin(String slug) {
        return "http://" + slug + ".localhost:" + platform.port();
    }
}
