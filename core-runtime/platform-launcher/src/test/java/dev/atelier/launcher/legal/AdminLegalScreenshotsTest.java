package dev.atelier.launcher.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.launcher.ChromiumExtension;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.legal.LegalDraft;
import dev.atelier.legal.versions.NoticeMode;
import dev.atelier.web.auth.Cookies;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin's legal editor in a real headless Chromium, in both demo tenants' themes: the editor, a preview, a
 * template error with its line and column, and the drift notice of a policy published before the site's setup
 * changed. Screenshots land under {@code target/screenshots/} for people to look at.
 */
class AdminLegalScreenshotsTest {

    private static final Path SHOTS = ChromiumExtension.SHOTS;

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @Test
    void theLegalEditorPreviewErrorAndDriftNoticeRenderInBothDemoTenantsThemes() throws Exception {
        for (String slug : List.of("auratuner", platform.secondDemoTenant())) {
            publishAsBeforeTheSetupChanged(platform.tenant(slug));
            try (BrowserContext admin = signedIn(slug, platform.accounts().signedInAdmin(slug,
                    "owner@" + slug + ".test"))) {
                Page editor = open(admin, slug, "/admin/legal?edit=terms#editor");
                assertThat(editor.inputValue("#template")).contains("Terms of Service");
                shoot(editor, slug + "-admin-legal-edit");

                editor.fill("#template", "<@doc.title>Our terms</@doc.title>\n<@doc.p>Be kind.</@doc.p>\n");
                editor.waitForNavigation(() -> editor.click("button[value=preview]"));
                assertThat(editor.textContent("#legal-preview")).contains("Our terms", "Be kind.");
                shoot(editor, slug + "-admin-legal-preview");

                editor.fill("#template", "<@doc.p>Fine.</@doc.p>\n<@doc.p>${tenant?api.class}</@doc.p>\n");
                editor.waitForNavigation(() -> editor.click("button[value=preview]"));
                assertThat(editor.textContent("#template-error")).contains("line 2, column");
                shoot(editor, slug + "-admin-legal-preview-error");

                Page drift = open(admin, slug, "/admin/legal");
                assertThat(drift.textContent("#drift")).contains("no longer matches your configuration");
                shoot(drift, slug + "-admin-legal-drift");
                Page overview = open(admin, slug, "/admin");
                assertThat(overview.textContent("main")).contains("no longer matches your configuration");
                shoot(overview, slug + "-admin-drift-notice");
            }
        }
    }

    // The privacy policy as published before the site used its last processor: one processor line fewer and another
    // digest, as if a plugin had been switched on since.
    private static void publishAsBeforeTheSetupChanged(Tenant tenant) throws Exception {
        LegalDraft now = platform.atelier().legalDocuments().draft(tenant, "privacy", LocalDate.parse("2026-11-01"));
        String text = dropLastProcessor(now.text());
        platform.atelier().legal().versions().publish(tenant.id(), new LegalDraft("privacy", now.templateSource(),
                now.html(), text, now.markdown(), "sha256:before"), LocalDate.parse("2026-11-01"), NoticeMode.NOTIFY,
                "owner@example.com");
    }

    private static String dropLastProcessor(String text) {
        List<String> lines = text.lines().collect(Collectors.toList());
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("- ") && lines.get(i).contains("including")) {
                lines.remove(i);
                break;
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static BrowserContext signedIn(String slug, String session) {
        BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.addCookies(List.of(new Cookie(Cookies.SESSION, session).setUrl(origin(slug))));
        return context;
    }

    private static Page open(BrowserContext context, String slug, String path) {
        Page page = context.newPage();
        page.navigate(origin(slug) + path);
        return page;
    }

    private static void shoot(Page page, String name) {
        // From the top: a page opened at an anchor would show the sticky header half-way down the full-page shot.
        page.evaluate("window.scrollTo(0, 0)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private static String origin(String slug) {
        return "http://" + slug + ".localhost:" + platform.port();
    }
}
