package dev.atelier.launcher.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import dev.atelier.billing.notices.BillingNotice;
import dev.atelier.core.mail.MailMessage;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.launcher.ChromiumExtension;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.legal.versions.LegalVersionInfo;
import dev.atelier.legal.versions.NoticeMode;
import dev.atelier.web.mail.BillingMail;
import dev.atelier.web.mail.LegalNoticeMail;
import dev.atelier.web.mail.MailComposer;
import dev.atelier.web.tenant.TenantAsset;
import dev.atelier.web.tenant.TenantSiteData;
import dev.atelier.web.theme.TemplateErrors;
import dev.atelier.web.theme.ThemeEngine;
import dev.atelier.web.theme.Themes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every email both demo tenants send, rendered from the shipped themes with their real branding and opened in headless
 * Chromium: each text's colour against the background it is drawn on must reach WCAG's 4.5:1, and a screenshot of each
 * lands under {@code target/screenshots/} for people to look at.
 */
class EmailLegibilityTest {

    private static final Path SHOTS = BrowserScreenshotsTest.SHOTS;
    private static final MailComposer.Recipient TO = new MailComposer.Recipient("ada@example.com", "Ada");
    private static final Instant DATE = Instant.parse("2026-03-05T10:00:00Z");
    /** One notice of each kind, with values a real one would carry (a refund whose credits were partly spent). */
    private static final List<BillingNotice> NOTICES = List.of(
            new BillingNotice.Paid("acc", "pay_1", "600 credits", new BillingNotice.Money(1800, "usd"), 600, false,
                    null),
            new BillingNotice.Paid("acc", "pay_2", "Creator plan", new BillingNotice.Money(1900, "usd"), 800, true,
                    DATE),
            new BillingNotice.PaymentFailed("acc", "sandbox:evt_1", "Creator plan", true),
            new BillingNotice.CancelScheduled("acc", "sandbox:evt_2", "Creator plan", DATE),
            new BillingNotice.SubscriptionCanceled("acc", "sub_1", "Creator plan", DATE, DATE.plusSeconds(86_400 * 9)),
            new BillingNotice.Refunded("acc", "rfd_1", "600 credits", new BillingNotice.Money(1800, "usd"), 600, 150),
            new BillingNotice.LowBalance("acc", "cre_1", 18, 20));
    /**
     * For each element with text of its own: its colour, the first opaque background up its ancestors, and their
     * contrast ratio (WCAG 2 relative luminance); returns those below 4.5.
     */
    private static final String CONTRAST = """
            () => {
              const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
              const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
                return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
              const background = el => { for (let e = el; e; e = e.parentElement) {
                const c = rgb(getComputedStyle(e).backgroundColor);
                if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c; } return [255, 255, 255]; };
              const failures = [];
              for (const el of document.body.querySelectorAll('*')) {
                const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent.trim()).join('');
                if (!own) continue;
                const fg = lum(rgb(getComputedStyle(el).color)), bg = lum(background(el));
                const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
                if (ratio < 4.5) failures.push(el.tagName + ' "' + own.slice(0, 40) + '" ' + ratio.toFixed(2)
                    + ' (' + getComputedStyle(el).color + ' on ' + background(el).join(',') + ')');
              }
              return failures;
            }""";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();
    private static MailComposer composer;

    @BeforeAll
    static void start() {
        Themes themes = new Themes(Path.of("../../themes").toAbsolutePath().normalize());
        composer = new MailComposer(new ThemeEngine(themes, new NoOverrides(), new TemplateErrors()), themes);
    }

    @Test
    void everyBillingAccountAndLegalEmailIsLegibleInBothDemoTenantsThemes() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String slug : List.of("auratuner", platform.secondDemoTenant())) {
            Tenant tenant = platform.atelier().tenants().directory().bySlug(slug).orElseThrow();
            for (BillingNotice notice : NOTICES) {
                BillingMail.Rendering rendering = BillingMail.render(notice);
                Map<String, Object> model = new HashMap<>(rendering.model());
                model.put("link", "https://" + TestPlatform.hostOf(slug) + rendering.path());
                String name = rendering.template() + (notice instanceof BillingNotice.Refunded ? "-owed" : "");
                failures.addAll(look(slug, name, composer.compose(tenant, rendering.template(), TO, model)));
            }
            for (NoticeMode mode : NoticeMode.values()) {
                LegalVersionInfo version = new LegalVersionInfo("privacy", 2, LocalDate.parse("2026-12-01"), DATE,
                        "owner@example.com", mode, "digest");
                failures.addAll(look(slug, LegalNoticeMail.TEMPLATE + "-" + mode.key(), composer.compose(tenant,
                        LegalNoticeMail.TEMPLATE, TO, LegalNoticeMail.model(version,
                                "https://" + TestPlatform.hostOf(slug) + "/legal/privacy/v/2"))));
            }
            for (String template : MailComposer.TEMPLATES) {
                failures.addAll(look(slug, template, composer.compose(tenant, template, TO,
                        Map.of("link", "https://" + TestPlatform.hostOf(slug) + "/verify?token=t",
                                "expiresInHours", 24))));
            }
        }
        assertThat(failures).as("text below 4.5:1 contrast").isEmpty();
        assertThat(SHOTS.resolve("email-auratuner-" + BillingMail.RECEIPT + ".png")).exists();
    }

    @Test
    void billingEmailsCarryTheirFactsInBothParts() throws Exception {
        Tenant tenant = platform.atelier().tenants().directory().bySlug(platform.secondDemoTenant()).orElseThrow();
        BillingMail.Rendering refund = BillingMail.render(NOTICES.get(5));
        MailMessage mail = composer.compose(tenant, refund.template(), TO, refund.model());
        // The second demo tenant words its emails its own way (Marginalia: "... has refunded $18"); the facts stay.
        assertThat(mail.subject()).startsWith(tenant.displayName()).endsWith(" refunded $18");
        assertThat(mail.text()).contains("Credits taken back: 600", "already spent 150 of those credits");
        assertThat(mail.html()).contains("$18", "600", "already spent 150 of those credits");
        BillingMail.Rendering ended = BillingMail.render(NOTICES.get(4));
        assertThat(composer.compose(tenant, ended.template(), TO, ended.model()).text())
                .contains("Creator plan", "on March 5, 2026", "until March 14, 2026");
    }

    @Test
    void legalNoticesSayWhetherTheUserMustAcceptInBothParts() throws Exception {
        Tenant tenant = platform.atelier().tenants().directory().bySlug("auratuner").orElseThrow();
        for (NoticeMode mode : NoticeMode.values()) {
            LegalVersionInfo version = new LegalVersionInfo("terms", 3, LocalDate.parse("2026-12-01"), DATE, "owner",
                    mode, "digest");
            MailMessage mail = composer.compose(tenant, LegalNoticeMail.TEMPLATE, TO,
                    LegalNoticeMail.model(version, "https://auratuner.example/legal/terms/v/3"));
            String must = "accept it the next time you sign in";
            assertThat(mail.subject()).isEqualTo(mode == NoticeMode.REQUIRE
                    ? "Please review and accept our updated terms of service"
                    : "We have updated our terms of service");
            assertThat(mail.text()).contains("version 3 of its terms of service", "effective December 1, 2026",
                    "https://auratuner.example/legal/terms/v/3");
            if (mode == NoticeMode.REQUIRE) {
                assertThat(mail.text()).contains(must);
                assertThat(mail.html()).contains(must);
            } else {
                assertThat(mail.text()).doesNotContain(must);
            }
        }
    }

    @Test
    void theCheckCatchesLightTextOnAWhiteCardAsTheAccountEmailsOnceHadIt() {
        String shipped = "<table><tr><td style=\"background-color:#ffffff;color:#eeeaff\">Hello Ada,</td></tr></table>";
        try (Page page = chromium.browser().newPage()) {
            page.setContent(shipped);
            assertThat(page.evaluate(CONTRAST)).asList().singleElement().asString().contains("Hello Ada,", "1.1");
        }
    }

    /** Screenshots the message's HTML part and returns its texts that fall short of the contrast. */
    private static List<String> look(String slug, String template, MailMessage mail) throws Exception {
        Files.writeString(SHOTS.resolve("email-" + slug + "-" + template + ".html"), mail.html());
        try (Page page = chromium.browser().newPage(new Browser.NewPageOptions().setViewportSize(640, 900))) {
            page.setContent(mail.html());
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(SHOTS.resolve("email-" + slug + "-" + template + ".png")));
            @SuppressWarnings("unchecked")
            List<String> failures = (List<String>) page.evaluate(CONTRAST);
            return failures.stream().map(f -> slug + " " + template + ": " + f).toList();
        }
    }

    /** The demo tenants override no templates. */
    private static final class NoOverrides implements TenantSiteData {
        @Override
        public Optional<TenantAsset> asset(String tenantId, String assetId) {
            return Optional.empty();
        }

        @Override
        public Optional<String> template(String tenantId, String name) {
            return Optional.empty();
        }
    }
}
