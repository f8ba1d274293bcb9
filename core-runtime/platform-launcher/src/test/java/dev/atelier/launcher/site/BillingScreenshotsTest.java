package dev.atelier.launcher.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import dev.atelier.launcher.ChromiumExtension;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.plugins.PluginKinds;
import dev.atelier.web.auth.Cookies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Buying, subscriptions, refunds and plans walked through in a real headless Chromium on both demo tenants, as buyers
 * and tenant admins do, with screenshots of each page under {@code target/screenshots/} for people to look at. Apart
 * from the site's other screenshots ({@link BrowserScreenshotsTest}) so the two run side by side.
 */
class BillingScreenshotsTest {

    static final Path SHOTS = ChromiumExtension.SHOTS;

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @Test
    void aBuyerWalksFromPricingThroughTheTestCheckoutToTheirBillingPageInBothThemes() {
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.atelier().plugins()
                .plugins(PluginKinds.PAYMENTS).find("sandbox").isPresent());
        for (String slug : List.of("auratuner", platform.secondDemoTenant())) {
            String session = platform.accounts().signedInUser(slug);
            try (BrowserContext signedIn = chromium.browser().newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 900)); Page page = signedIn.newPage()) {
                signedIn.addCookies(List.of(new Cookie(Cookies.SESSION, session).setUrl(origin(slug))));
                page.navigate(origin(slug) + "/pricing");
                page.locator("a[href^='/billing/checkout?offer=']").first().click();
                page.waitForURL("**/billing/checkout?offer=*");
                shot(page, slug + "-checkout");
                page.locator("form[action='/billing/checkout'] button[type=submit]").click();
                page.waitForURL("**/billing/sandbox/checkout/**");
                shot(page, slug + "-sandbox-checkout");
                assertThat(page.content()).contains("TEST MODE");
                page.locator("button[name=outcome][value=pay]").click();
                page.waitForURL("**/account/billing?checkout=*");
                shot(page, slug + "-billing-paid");
                assertThat(page.content()).contains("Payment received");
                page.locator("a[href^='/account/billing/receipts/']").first().click();
                page.waitForURL("**/account/billing/receipts/*");
                shot(page, slug + "-receipt");

                assertThat(page.content()).contains("Receipt");
            }
        }
    }

    @Test
    void aSubscriberCancelsAndChangesTheirPlanOnTheTestPortalInBothThemes() {
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.atelier().plugins()
                .plugins(PluginKinds.PAYMENTS).find("sandbox").isPresent());
        Map<String, String> plans = Map.of("auratuner", "starter", platform.secondDemoTenant(), "sketchbook");
        for (String slug : List.of("auratuner", platform.secondDemoTenant())) {
            String session = platform.accounts().signedInUser(slug);
            try (BrowserContext signedIn = chromium.browser().newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 900)); Page page = signedIn.newPage()) {
                signedIn.addCookies(List.of(new Cookie(Cookies.SESSION, session).setUrl(origin(slug))));
                page.navigate(origin(slug) + "/billing/checkout?offer=" + plans.get(slug));
                page.locator("form[action='/billing/checkout'] button[type=submit]").click();
                page.waitForURL("**/billing/sandbox/checkout/**");
                page.locator("button[name=outcome][value=pay]").click();
                page.waitForURL("**/account/billing?checkout=*");
                shot(page, slug + "-billing-plan");
                // The buttons' words are each theme's own (Marginalia: "End subscription"...); their purpose is not.
                assertThat(page.locator("button[name=intent][value=manage]").count()).isEqualTo(1);
                assertThat(page.locator("button[name=intent][value=cancel]").count()).isEqualTo(1);
                assertThat(page.locator("button[name=intent][value=change]").count()).isEqualTo(1);

                page.locator("button[name=intent][value=change]").click();
                page.waitForURL("**/billing/sandbox/portal?flow=change*");
                shot(page, slug + "-sandbox-portal-change");
                assertThat(page.content()).contains("TEST MODE", "Confirm the change");

                page.navigate(origin(slug) + "/account/billing");
                page.locator("button[name=intent][value=cancel]").click();
                page.waitForURL("**/billing/sandbox/portal?flow=cancel");
                shot(page, slug + "-sandbox-portal-cancel");
                page.locator("button[name=action][value=cancel]").click();
                page.waitForURL("**/account/billing");
                shot(page, slug + "-billing-plan-ends");
                assertThat(page.content()).contains(slug.equals("auratuner") ? "Ends on" : "Closes on");
            }
            String admin = platform.accounts().signedInAdmin(slug, "plans@" + slug + ".example");
            try (BrowserContext signedIn = chromium.browser().newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 900)); Page page = signedIn.newPage()) {
                signedIn.addCookies(List.of(new Cookie(Cookies.SESSION, admin).setUrl(origin(slug))));
                page.navigate(origin(slug) + "/admin/payments");
                shot(page, slug + "-admin-subscriptions");
                assertThat(page.content()).contains("End the plan now");
            }
        }
    }

    @Test
    void anAdminRefundsPartOfATopUpAndSeesARefusedRefundInBothThemes() {
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.atelier().plugins()
                .plugins(PluginKinds.PAYMENTS).find("sandbox").isPresent());
        Map<String, String> topUps = Map.of("auratuner", "topup-200", platform.secondDemoTenant(), "quire-100");
        for (String slug : List.of("auratuner", platform.secondDemoTenant())) {
            String buyer = platform.accounts().signedInUser(slug);
            String admin = platform.accounts().signedInAdmin(slug, "payments@" + slug + ".example");
            try (BrowserContext buying = chromium.browser().newContext(); Page page = buying.newPage()) {
                buying.addCookies(List.of(new Cookie(Cookies.SESSION, buyer).setUrl(origin(slug))));
                page.navigate(origin(slug) + "/billing/checkout?offer=" + topUps.get(slug));
                page.locator("form[action='/billing/checkout'] button[type=submit]").click();
                page.waitForURL("**/billing/sandbox/checkout/**");
                page.locator("button[name=outcome][value=pay]").click();
                page.waitForURL("**/account/billing?checkout=*");
            }
            try (BrowserContext signedIn = chromium.browser().newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 900)); Page page = signedIn.newPage()) {
                signedIn.addCookies(List.of(new Cookie(Cookies.SESSION, admin).setUrl(origin(slug))));
                page.navigate(origin(slug) + "/admin/payments");
                refund(page, "1.5", "Part of the order was not delivered");
                page.waitForURL("**/admin/payments?refund=*");
                page.locator("tr.payment-detail details.refunds summary").first().click();
                shot(page, slug + "-admin-payments");
                assertThat(page.content()).contains("Refunded", "credits were taken back");

                refund(page, "999", "Too much");
                page.waitForLoadState();
                shot(page, slug + "-admin-payments-refused");
                assertThat(page.content()).contains("Nothing was refunded", "is left to refund");
            }
        }
    }

    @Test
    void anAdminAddsAndArchivesAPlanAndSeesARefusedPlanFormInBothThemes() {
        for (String slug : List.of("auratuner", platform.secondDemoTenant())) {
            String admin = platform.accounts().signedInAdmin(slug, "plans@" + slug + ".example");
            try (BrowserContext signedIn = chromium.browser().newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 900)); Page page = signedIn.newPage()) {
                signedIn.addCookies(List.of(new Cookie(Cookies.SESSION, admin).setUrl(origin(slug))));
                page.navigate(origin(slug) + "/admin/plans");
                Locator form = page.locator("form#plan-form");
                form.locator("input[name=id]").fill("shot-" + slug);
                form.locator("input[name=name]").fill("Archived for the screenshot");
                form.locator("input[name=price]").fill("4.50");
                form.locator("input[name=credits]").fill("120");
                form.locator("button[type=submit]").click();
                page.waitForURL("**/admin/plans?saved=*");
                page.locator("tr[data-plan='shot-" + slug + "'] form button[type=submit]").click();
                page.waitForURL("**/admin/plans?saved=*");
                shot(page, slug + "-admin-plans");
                assertThat(page.content()).contains("Archived", "Un-archive", "Plans &amp; top-ups");

                page.navigate(origin(slug) + "/admin/plans");
                form = page.locator("form#plan-form");
                form.locator("input[name=id]").fill("Not An Id");
                form.locator("input[name=name]").fill("Refused");
                form.locator("input[name=price]").fill("4.999");
                form.locator("input[name=credits]").fill("12");
                form.locator("input[name=rollover][value=max]").check();
                form.locator("button[type=submit]").click();
                page.waitForLoadState();
                shot(page, slug + "-admin-plans-refused");
                assertThat(page.content()).contains("Nothing was saved", "value=\"4.999\"");
            }
        }
    }

    /** Opens the newest payment's refund form and sends it. */
    private static void refund(Page page, String amount, String reason) {
        Locator form = page.locator("tr.payment-detail details.refund-form").first();
        form.locator("summary").click();
        form.locator("input[name=amount]").fill(amount);
        form.locator("input[name=reason]").fill(reason);
        form.locator("button[type=submit]").first().click();
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private static String origin(String slug) {
        return "http://" + slug + ".localhost:" + platform.port();
    }
}
