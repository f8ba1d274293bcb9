package dev.atelier.launcher.bots;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.atelier.launcher.ChromiumExtension;
import dev.atelier.launcher.PolicyViolations;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.TestPlatformBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-up with the Turnstile challenge in a real headless Chromium, in both shipped themes: the demo tenants'
 * production branding with bot protection pointed at a local stand-in for Cloudflare (WireMock serves the widget's
 * script, its frame and siteverify). The widget loads under the page's policy with no violation, and the form signs
 * up with the token it wrote. Screenshots: {@code target/screenshots/<slug>-signup-challenge.png}.
 */
class BotChallengeScreenshotsTest {

    static final Path DEMO = Path.of("../../tenant-configs");
    static final String TOKEN = "XXXX.DUMMY.TOKEN.XXXX";

    @RegisterExtension
    static final TestPlatform platform = demoTenantsWithTurnstile(TestPlatform.builder().defaultBundles().wireMock(),
            "auratuner", "marginalia").build();
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @BeforeEach
    void cloudflareStandIn() {
        platform.wireMock().resetAll();
        String origin = platform.wireMock().baseUrl();
        platform.wireMock().stubFor(get(urlPathEqualTo("/turnstile/v0/api.js")).willReturn(aResponse()
                .withHeader("Content-Type", "text/javascript").withBody(script(origin))));
        platform.wireMock().stubFor(get(urlPathEqualTo("/turnstile/widget")).willReturn(aResponse()
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(WIDGET)));
    }

    @Test
    void signUpShowsTheChallengeInBothThemesAndSignsUpWithItsToken() {
        for (String slug : List.of("auratuner", "marginalia")) {
            platform.wireMock().stubFor(post("/turnstile/v0/siteverify").withRequestBody(containing(TOKEN))
                    .willReturn(okJson("{\"success\": true, \"hostname\": \"" + TestPlatform.hostOf(slug)
                            + "\", \"action\": \"signup\", \"error-codes\": []}")));
            try (BrowserContext visitor = chromium.browser().newContext(
                    new Browser.NewContextOptions().setViewportSize(1280, 1000))) {
                PolicyViolations violations = PolicyViolations.watch(visitor);
                Page page = visitor.newPage();
                page.navigate(origin(slug) + "/signup");
                page.waitForSelector(".cf-turnstile iframe");
                page.frameLocator(".cf-turnstile iframe").locator("text=Success!").waitFor();
                page.fill("#signup-name", "Ada");
                page.fill("#signup-email", "ada@" + slug + ".example");
                page.fill("#signup-password", "velvet lantern orbit 91");
                page.check("#signup-terms");
                page.screenshot(new Page.ScreenshotOptions().setPath(ChromiumExtension.SHOTS
                        .resolve(slug + "-signup-challenge.png")).setFullPage(true));

                page.click("button[type=submit]");
                page.waitForURL("**/signup/done");

                assertThat(page.content()).as(slug).contains("ada@" + slug + ".example");
                assertThat(violations.seen()).as("policy violations on %s", slug).isEmpty();
            }
        }
    }

    @Test
    void aSpentPassIsAClearFormErrorWithAFreshChallengeInBothThemes() {
        platform.wireMock().stubFor(post("/turnstile/v0/siteverify").withRequestBody(containing(TOKEN))
                .willReturn(okJson("{\"success\": false, \"error-codes\": [\"timeout-or-duplicate\"]}")));
        for (String slug : List.of("auratuner", "marginalia")) {
            try (BrowserContext visitor = chromium.browser().newContext(
                    new Browser.NewContextOptions().setViewportSize(1280, 1000))) {
                PolicyViolations violations = PolicyViolations.watch(visitor);
                Page page = visitor.newPage();
                page.navigate(origin(slug) + "/signup");
                page.frameLocator(".cf-turnstile iframe").locator("text=Success!").waitFor();
                page.fill("#signup-email", "late@" + slug + ".example");
                page.fill("#signup-password", "velvet lantern orbit 91");
                page.check("#signup-terms");

                page.click("button[type=submit]");
                page.waitForSelector(".notice-error");
                page.frameLocator(".cf-turnstile iframe").locator("text=Success!").waitFor();
                page.screenshot(new Page.ScreenshotOptions().setPath(ChromiumExtension.SHOTS
                        .resolve(slug + "-signup-challenge-refused.png")).setFullPage(true));

                assertThat(page.textContent(".notice-error")).as(slug).contains("didn't go through");
                assertThat(page.inputValue("#signup-email")).as("the email is kept").isEqualTo("late@" + slug
                        + ".example");
                assertThat(violations.seen()).as("policy violations on %s", slug).isEmpty();
            }
        }
    }

    private static String origin(String slug) {
        return "http://" + slug + ".localhost:" + platform.port();
    }

    /**
     * Each demo tenant as its production folder has it (name, branding, plans, legal facts), with the local setup's
     * plugins and bot protection pointed at the stand-in.
     */
    private static TestPlatformBuilder demoTenantsWithTurnstile(TestPlatformBuilder builder, String... slugs) {
        for (String slug : slugs) {
            builder.tenant(slug, withoutPlugins(read(DEMO.resolve(slug).resolve("tenant.yaml"))) + """
                    payment: {plugin: sandbox, config: {}}
                    storage: {plugin: local, config: {}}
                    bot_protection:
                      plugin: turnstile
                      config: {site_key: "1x00000000000000000000AA", secret_key: "1x0000000000000000000000000000000AA",
                               siteverify_url: "%1$s/turnstile/v0/siteverify", script_url: "%1$s/turnstile/v0/api.js"}
                    """.formatted(TestPlatformBuilder.WIREMOCK_URL));
            try (Stream<Path> assets = Files.list(DEMO.resolve(slug).resolve("assets"))) {
                assets.forEach(asset -> builder.tenantFile(slug, "assets/" + asset.getFileName(), bytes(asset)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builder;
    }

    // The top-level sections naming production services and hosts are left out; everything else is kept as written.
    private static String withoutPlugins(String yaml) {
        StringBuilder kept = new StringBuilder();
        boolean skipping = false;
        for (String line : yaml.split("\n")) {
            if (line.matches("[a-z_]+:.*")) {
                skipping = line.matches("(payment|storage|sign_in|bot_protection|hosts|admins):.*");
            }
            if (!skipping) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    private static String read(Path file) {
        return new String(bytes(file), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Cloudflare's api.js does, in short: a frame in each widget element, and the token in the form. */
    private static String script(String origin) {
        return """
                document.querySelectorAll('.cf-turnstile').forEach(function (element) {
                  var frame = document.createElement('iframe');
                  frame.src = '%s/turnstile/widget?theme=' + encodeURIComponent(element.dataset.theme || 'auto');
                  frame.width = '300';
                  frame.height = '65';
                  frame.title = 'Widget containing a Cloudflare security challenge';
                  element.appendChild(frame);
                  var token = document.createElement('input');
                  token.type = 'hidden';
                  token.name = 'cf-turnstile-response';
                  token.value = '%s';
                  element.appendChild(token);
                });
                """.formatted(origin, TOKEN);
    }

    /** The widget's frame once passed, drawn like Cloudflare's. */
    private static final String WIDGET = """
            <!DOCTYPE html><html><head><style>
            html, body { margin: 0; font: 14px system-ui, sans-serif; }
            .box { box-sizing: border-box; width: 300px; height: 65px; display: flex; align-items: center;
                   justify-content: space-between; padding: 0 14px; background: #fafafa; border: 1px solid #e0e0e0;
                   color: #232323; }
            .ok { display: flex; align-items: center; gap: 10px; }
            .tick { width: 26px; height: 26px; border-radius: 50%; background: #1e8e3e; color: #fff;
                    display: grid; place-items: center; font-weight: 700; }
            .brand { text-align: right; font-size: 10px; color: #555; line-height: 1.3; }
            .brand b { display: block; font-size: 12px; letter-spacing: .04em; color: #f38020; }
            </style></head><body><div class="box"><div class="ok"><span class="tick">&#10003;</span>Success!</div>
            <div class="brand"><b>CLOUDFLARE</b>Privacy &middot; Terms<br>test stand-in</div></div></body></html>
            """;
}
