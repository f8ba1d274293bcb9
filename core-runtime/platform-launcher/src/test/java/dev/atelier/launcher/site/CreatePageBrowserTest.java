package dev.atelier.launcher.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.atelier.launcher.ChromiumExtension;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import dev.atelier.web.auth.Cookies;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The create page in a real headless Chromium on both demo tenants: variations and aspect presets, the input image
 * dropped or pasted with its crop shown, results beside the form followed from their event streams, reuse of a
 * result's prompt and seed, the plain form without scripts, and the result page. Screenshots go to
 * {@code target/screenshots/}.
 */
class CreatePageBrowserTest {

    static final Path SHOTS = ChromiumExtension.SHOTS;
    static final double FINISH_MS = 90_000;

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    // Counts every progress event the page receives, so the test can tell the bar was fed by the stream.
    static final String RECORD_EVENTS = """
            window.seenProgress = [];
            const Original = window.EventSource;
            window.EventSource = function (url, options) {
              const source = new Original(url, options);
              source.addEventListener('progress', e => window.seenProgress.push(JSON.parse(e.data).progress));
              return source;
            };
            window.EventSource.prototype = Original.prototype;
            window.EventSource.CONNECTING = 0; window.EventSource.OPEN = 1; window.EventSource.CLOSED = 2;
            """;

    @Test
    void variationsAppearBesideTheFormAsTheyFinishWithoutLeavingThePage() throws Exception {
        for (String slug : tenants()) {
            User user = platform.user(slug, 20);
            long before = platform.balance(user);
            try (BrowserContext context = signedIn(user, slug, 1280, 900); Page page = context.newPage()) {
                page.navigate(origin(slug) + "/create");
                page.locator("input[name=model][value=procedural]").check();
                page.locator("#prompt").fill("A glass lighthouse at dusk");
                page.locator("input[name='aspect.procedural'][value='16:9']").check();
                assertThat(page.locator("input[name='p.procedural.width']").inputValue()).isEqualTo("1024");
                assertThat(page.locator("input[name='p.procedural.height']").inputValue()).isEqualTo("576");
                page.locator("input[name=variations][value='2']").check();
                long each = unitPrice(page);
                assertThat(page.locator("[data-create-button]").textContent())
                        .isEqualTo(words(slug, "Create", "Commission the plate") + " · " + 2 * each + " credits");
                assertThat(page.locator("[data-price-breakdown]").textContent())
                        .isEqualTo("2 " + words(slug, "variations", "versions") + " × " + each
                                + (each == 1 ? " credit" : " credits") + " each");

                page.locator("[data-create-button]").click();
                Locator done = page.locator(".result[data-status=SUCCEEDED]");
                await().atMost(Duration.ofMillis((long) FINISH_MS)).until(() -> done.count() == 2);

                assertThat(page.url()).isEqualTo(origin(slug) + "/create");
                assertThat(page.locator(".result [data-result-media] img").count()).isEqualTo(2);
                for (Locator bar : page.locator("[data-result-bar]").all()) {
                    assertThat(bar.evaluate("b => b.value")).isEqualTo(100);
                }
                assertThat(((List<?>) page.evaluate("window.seenProgress"))).isNotEmpty();
                List<JsonNode> jobs = jobsOf(user);
                assertThat(jobs).hasSize(2).allSatisfy(j -> assertThat(j.get("parameters").get("width").asInt())
                        .isEqualTo(1024));
                assertThat(platform.balance(user)).isEqualTo(before - 2 * each);
                shot(page, slug + "-create-results");
            }
        }
    }

    @Test
    void aResultsButtonsRefillTheFormWithItsPromptItsSeedOrANewSeed() throws Exception {
        String slug = "auratuner";
        User user = platform.user(slug, 10);
        try (BrowserContext context = signedIn(user, slug, 1280, 900); Page page = context.newPage()) {
            page.navigate(origin(slug) + "/create");
            page.locator("input[name=model][value=procedural]").check();
            page.locator("#prompt").fill("Three paper cranes");
            page.locator("input[name='p.procedural.seed']").fill("1234");
            page.locator("input[name='aspect.procedural'][value='1:1']").check();
            page.locator("input[name='p.procedural.width']").fill("256");
            page.locator("input[name='p.procedural.height']").fill("256");
            page.locator("[data-create-button]").click();
            Locator result = page.locator(".result[data-status=SUCCEEDED]");
            await().atMost(Duration.ofMillis((long) FINISH_MS)).until(() -> result.count() == 1);
            Locator seed = page.locator("input[name='p.procedural.seed']");
            Locator prompt = page.locator("#prompt");

            prompt.fill("something else");
            result.locator("[data-reuse=prompt]").click();
            assertThat(prompt.inputValue()).isEqualTo("Three paper cranes");

            seed.fill("9");
            page.locator("input[name='p.procedural.width']").fill("640");
            result.locator("[data-reuse=seed]").click();
            assertThat(seed.inputValue()).isEqualTo("1234");
            assertThat(page.locator("input[name='p.procedural.width']").inputValue()).isEqualTo("256");
            assertThat(page.locator("[name='aspect.procedural'][data-custom-aspect]").isChecked()).as("256 × 256 is not a preset's size")
                    .isTrue();

            prompt.fill("");
            result.locator("[data-reuse=vary]").click();
            assertThat(prompt.inputValue()).isEqualTo("Three paper cranes");
            assertThat(seed.inputValue()).isNotEqualTo("1234").matches("\\d+");
            shot(page, slug + "-create-reused");
        }
    }

    @Test
    void aDroppedOrPastedImageIsPreviewedWithTheCropOfTheChosenAspectAndSent() throws Exception {
        for (String slug : tenants()) {
            User user = platform.user(slug, 10);
            for (int[] viewport : List.of(new int[] {1280, 900}, new int[] {390, 844})) {
                boolean mobile = viewport[0] < 600;
                try (BrowserContext context = signedIn(user, slug, viewport[0], viewport[1]);
                        Page page = context.newPage()) {
                    page.navigate(origin(slug) + "/create");
                    page.locator("input[name=model][value=procedural]").check();
                    page.locator("#prompt").fill("Stripes under a polar light");
                    page.locator("input[name='aspect.procedural'][value='16:9']").check();

                    dropImage(page, png(96, 96));
                    Locator crop = page.locator("[data-crop-box]");
                    crop.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
                    await().atMost(Duration.ofSeconds(5)).until(() -> percent(crop, "height") == 56.25);
                    assertThat(percent(crop, "width")).isEqualTo(100);

                    pasteImage(page, png(200, 100));
                    page.locator("input[name='aspect.procedural'][value='1:1']").check();
                    await().atMost(Duration.ofSeconds(5)).until(() -> percent(crop, "width") == 50);
                    assertThat(percent(crop, "height")).isEqualTo(100);
                    assertThat(page.locator("#input").evaluate("i => i.files.length")).isEqualTo(1);
                    shot(page, slug + "-create-input" + (mobile ? "-mobile" : ""));

                    if (!mobile) {
                        page.locator("input[name='p.procedural.width']").fill("256");
                        page.locator("input[name='p.procedural.height']").fill("256");
                        page.locator("[data-create-button]").click();
                        await().atMost(Duration.ofMillis((long) FINISH_MS))
                                .until(() -> page.locator(".result[data-status=SUCCEEDED]").count() == 1);
                        assertThat(jobsOf(user).get(0).get("inputs")).hasSize(1);
                    }
                }
            }
        }
    }

    @Test
    void variationsTheBalanceDoesNotCoverMakeNoneAndTheBannerSaysSo() throws Exception {
        for (String slug : tenants()) {
            User user = platform.user(slug, 2);
            try (BrowserContext context = signedIn(user, slug, 1280, 900); Page page = context.newPage()) {
                page.navigate(origin(slug) + "/create");
                page.locator("input[name=model][value=procedural]").check();
                page.locator("#prompt").fill("Four foxes in snow");
                page.locator("input[name=variations][value='4']").check();
                long each = unitPrice(page);
                page.locator("[data-create-button]").click();

                Locator banner = page.locator(".notice-error[role=alert]");
                banner.first().waitFor();
                assertThat(banner.first().textContent()).contains(words(slug, "This costs " + 4 * each
                        + " credits for 4 variations", "These 4 plates cost " + 4 * each + " credits"),
                        words(slug, "you have 2 credits", "your ledger holds 2 credits"),
                        words(slug, "Nothing was started", "Nothing was begun"));
                assertThat(jobsOf(user)).isEmpty();
                assertThat(platform.balance(user)).isEqualTo(2);
                shot(page, slug + "-create-not-enough");
            }
        }
    }

    @Test
    void withoutJavaScriptTheFormPostsAndTheResultPageListsEveryParameter() throws Exception {
        for (String slug : tenants()) {
            User user = platform.user(slug, 10);
            try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 900).setJavaScriptEnabled(false)); Page page = context.newPage()) {
                context.addCookies(List.of(new Cookie(Cookies.SESSION, user.session()).setUrl(origin(slug))));
                page.navigate(origin(slug) + "/create");
                page.locator("input[name=model][value=procedural]").check();
                page.locator("#prompt").fill("A paper boat on a pond");
                page.locator("input[name='aspect.procedural'][value='3:2']").check();
                page.locator("input[name='p.procedural.seed']").fill("321");
                page.locator("[data-create-button]").click();
                page.waitForURL("**/gallery/gen_*");

                String id = page.url().substring(page.url().lastIndexOf('/') + 1);
                awaitFinal(user, id);
                page.navigate(origin(slug) + "/gallery/" + id);
                assertThat(page.locator(".item-params").textContent()).contains("Width (px)", "1024",
                        "Height (px)", "680", "Seed", "321", "Style");
                shot(page, slug + "-item-no-js");
            }
        }
    }

    @Test
    void theResultPageMovesItsBarAndShowsTheResultInPlaceWithItsInput() throws Exception {
        for (String slug : tenants()) {
            User user = platform.user(slug, 10);
            var uploaded = user.upload("input.png", "image/png", png(240, 160));
            String upload = User.parse(uploaded).get("id").asText();
            for (int[] viewport : List.of(new int[] {1280, 900}, new int[] {390, 844})) {
                boolean mobile = viewport[0] < 600;
                String id = User.parse(user.submit("""
                        {"model":"procedural","prompt":"A harbour at dawn over stripes","inputs":["%s"],
                         "parameters":{"width":1536,"height":1024,"style":"aurora","seed":%d}}"""
                        .formatted(upload, viewport[0]))).get("id").asText();
                try (BrowserContext context = signedIn(user, slug, viewport[0], viewport[1]);
                        Page page = context.newPage()) {
                    page.navigate(origin(slug) + "/gallery/" + id);
                    page.evaluate("window.stillTheSamePage = true");
                    page.locator(".item-output img").waitFor(new Locator.WaitForOptions()
                            .setTimeout(FINISH_MS));

                    assertThat(page.evaluate("window.stillTheSamePage === true")).as("shown without a reload")
                            .isEqualTo(true);
                    assertThat(page.locator(".page-head h1").textContent()).isEqualTo(words(slug, "Your creation",
                            "Your plate"));
                    assertThat(page.locator(".item-input img").count()).isEqualTo(1);
                    assertThat(page.locator(".item-params").textContent()).contains("Seed", "Input image weight");
                    page.locator(".item-input img").evaluate("i => i.decode()");
                    shot(page, slug + "-item" + (mobile ? "-mobile" : ""));
                }
            }
        }
    }

    @Test
    void theCreatePageRendersAtMobileWidth() throws Exception {
        for (String slug : tenants()) {
            User user = platform.user(slug, 10);
            try (BrowserContext context = signedIn(user, slug, 390, 844); Page page = context.newPage()) {
                page.navigate(origin(slug) + "/create");
                page.locator("input[name=model][value=procedural]").check();
                page.locator("#prompt").fill("A small robot reading");
                page.locator("input[name='p.procedural.width']").fill("256");
                page.locator("input[name='p.procedural.height']").fill("256");
                page.locator("input[name=variations][value='2']").check();
                page.locator("[data-create-button]").click();
                await().atMost(Duration.ofMillis((long) FINISH_MS))
                        .until(() -> page.locator(".result[data-status=SUCCEEDED]").count() == 2);
                shot(page, slug + "-create-mobile");
                page.locator("[data-results]").screenshot(new Locator.ScreenshotOptions()
                        .setPath(SHOTS.resolve(slug + "-create-results-mobile.png")));
            }
        }
    }

    // The price of one creation with the chosen model, as its card says it.
    private static long unitPrice(Page page) {
        return Long.parseLong(page.locator("input[name=model][value=procedural]").getAttribute("data-price"));
    }

    // The crop frame's side as a percentage of the preview (its inline style, set by the page's script).
    private static double percent(Locator crop, String side) {
        String value = (String) crop.evaluate("(c, side) => c.style[side]", side);
        return value == null || value.isEmpty() ? -1 : Double.parseDouble(value.replace("%", ""));
    }

    /** A text of the page in {@code slug}'s words: Marginalia's theme words the create page its own way. */
    private static String words(String slug, String auratuner, String marginalia) {
        return slug.equals("auratuner") ? auratuner : marginalia;
    }

    private static List<String> tenants() {
        return List.of("auratuner", platform.secondDemoTenant());
    }

    private static BrowserContext signedIn(User user, String slug, int width, int height) {
        BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height));
        context.addCookies(List.of(new Cookie(Cookies.SESSION, user.session()).setUrl(origin(slug))));
        context.addInitScript(RECORD_EVENTS);
        return context;
    }

    // A drop on the drop zone, carrying a PNG file as a file manager's drag would.
    private static void dropImage(Page page, byte[] png) {
        page.evaluate("""
                ([data]) => {
                  const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
                  const transfer = new DataTransfer();
                  transfer.items.add(new File([bytes], 'dropped.png', {type: 'image/png'}));
                  const zone = document.querySelector('[data-dropzone]');
                  zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: transfer, bubbles: true, cancelable: true}));
                  zone.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));
                }""", List.of(Base64.getEncoder().encodeToString(png)));
    }

    // A paste on the page, carrying a PNG file as a copied image would.
    private static void pasteImage(Page page, byte[] png) {
        page.evaluate("""
                ([data]) => {
                  const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
                  const transfer = new DataTransfer();
                  transfer.items.add(new File([bytes], 'pasted.png', {type: 'image/png'}));
                  document.dispatchEvent(new ClipboardEvent('paste', {clipboardData: transfer, bubbles: true, cancelable: true}));
                }""", List.of(Base64.getEncoder().encodeToString(png)));
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x / 12) % 2 == 0 ? 0xf4d03f : 0x1b4f72);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static List<JsonNode> jobsOf(User user) throws Exception {
        List<JsonNode> jobs = new ArrayList<>();
        user.json("/api/v1/generations?limit=20").get("items").forEach(jobs::add);
        return jobs;
    }

    private static void awaitFinal(User user, String id) {
        await().atMost(Duration.ofMillis((long) FINISH_MS)).pollInterval(Duration.ofMillis(200)).until(() ->
                !Map.of("QUEUED", 1, "RUNNING", 1).containsKey(user.json("/api/v1/generations/" + id)
                        .get("status").asText()));
    }

    private static void shot(Page page, String name) {
        // From the top, so the sticky header is not drawn over the middle of the full-page picture.
        page.evaluate("window.scrollTo(0, 0)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private static String origin(String slug) {
        return "http://" + slug + ".localhost:" + platform.port();
    }
}
