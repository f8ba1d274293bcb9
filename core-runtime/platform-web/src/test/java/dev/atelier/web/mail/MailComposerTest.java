package dev.atelier.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.core.mail.MailMessage;
import dev.atelier.core.tenants.Branding;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantStatus;
import dev.atelier.web.tenant.TenantAsset;
import dev.atelier.web.tenant.TenantSiteData;
import dev.atelier.web.theme.TemplateErrors;
import dev.atelier.web.theme.ThemeEngine;
import dev.atelier.web.theme.Themes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transactional email rendered from the shipped themes/default, with tenant overrides and fallback. */
class MailComposerTest {

    private static final String LINK = "https://plain.localhost/verify?token=abc&next=%2Faccount";
    private static final MailComposer.Recipient TO = new MailComposer.Recipient("ada@example.com", "Ada");

    private final TenantTemplates overrides = new TenantTemplates();
    private final TemplateErrors errors = new TemplateErrors();
    private MailComposer composer;

    @BeforeEach
    void setUp() {
        Themes themes = new Themes(Path.of("../../themes").toAbsolutePath().normalize());
        composer = new MailComposer(new ThemeEngine(themes, overrides, errors), themes);
    }

    /** A tenant on the default theme whose primary colour is {@code #7c3aed}, sending from support@{slug}.test. */
    private static Tenant tenant(String slug, String name) {
        Branding branding = new Branding("default", null,
                new Branding.Colors("#7c3aed", "#ffffff", "#22d3ee", "#0b0a12", "#16142a", "#ece9ff", "#9a94c4"),
                new Branding.Fonts("system-ui, sans-serif", "system-ui, sans-serif"), null, null);
        return new Tenant("tnt_" + slug, slug, name, TenantStatus.ACTIVE, "support@" + slug + ".test",
                List.of(slug + ".localhost"), branding, null, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void everyShippedEmailRendersWithBrandLinkAndSubject() throws Exception {
        Tenant plain = tenant("plain", "Plain Co");
        for (String template : MailComposer.TEMPLATES) {
            MailMessage mail = composer.compose(plain, template, TO,
                    Map.of("link", LINK, "expiresInHours", 24));
            assertThat(mail.subject()).as(template).isNotBlank().doesNotContain("\n", "\r");
            assertThat(mail.html()).as(template).contains("Plain Co", "#7c3aed");
            assertThat(mail.text()).as(template).contains("Plain Co", "support@plain.test");
            if (!template.equals(MailComposer.ACCOUNT_DELETED) && !template.equals(MailComposer.WELCOME)) {
                assertThat(mail.html()).as(template).contains("https://plain.localhost/verify?token=abc&amp;next=%2Faccount");
                assertThat(mail.text()).as(template).contains(LINK).doesNotContain("&amp;");
            }
            MailMessage bare = composer.compose(plain, template,
                    new MailComposer.Recipient("bob@example.com", null), Map.of());
            assertThat(bare.text()).as(template).startsWith("Hello,");
        }
        assertThat(errors.of(plain.id())).isEmpty();
    }

    @Test
    void isSentFromTheTenantsNameAndSupportAddress() throws Exception {
        Tenant plain = tenant("plain", "Plain Co");
        MailMessage mail = composer.compose(plain, MailComposer.WELCOME, TO, Map.of("link", LINK));
        assertThat(mail.fromName()).isEqualTo("Plain Co");
        assertThat(mail.fromAddress()).isEqualTo("support@plain.test");
        assertThat(mail.to()).isEqualTo("ada@example.com");
        assertThat(mail.tenantId()).isEqualTo(plain.id());
    }

    @Test
    void htmlInNamesIsEscapedInHtmlAndKeptAsTextInText() throws Exception {
        Tenant evil = tenant("evil", "<b>Evil</b> & Co");
        MailMessage mail = composer.compose(evil, MailComposer.VERIFY_EMAIL,
                new MailComposer.Recipient("ada@example.com", "<script>x</script>"), Map.of("link", LINK));
        assertThat(mail.html()).contains("&lt;b&gt;Evil&lt;/b&gt; &amp; Co", "&lt;script&gt;x&lt;/script&gt;")
                .doesNotContain("<b>Evil", "<script>");
        assertThat(mail.text()).contains("<b>Evil</b> & Co", "Hello <script>x</script>,");
        assertThat(mail.subject()).contains("<b>Evil</b> & Co");
        assertThat(mail.fromName()).isEqualTo("<b>Evil</b> & Co");
    }

    @Test
    void tenantOverrideOfOneEmailWins() throws Exception {
        Tenant own = tenant("own", "Own Co");
        overrides.put(own.id(), "email/welcome.subject.ftl", "Hi from ${tenant.name}\n");
        overrides.put(own.id(), "email/welcome.txt.ftl", "Custom welcome ${link}\n");
        MailMessage mail = composer.compose(own, MailComposer.WELCOME, TO, Map.of("link", LINK));
        assertThat(mail.subject()).isEqualTo("Hi from Own Co");
        assertThat(mail.text()).isEqualTo("Custom welcome " + LINK + "\n");
        assertThat(mail.html()).contains("Own Co"); // not overridden: from themes/default
        MailMessage other = composer.compose(own, MailComposer.PASSWORD_RESET, TO, Map.of("link", LINK));
        assertThat(other.text()).contains(LINK).doesNotContain("Custom");
        assertThat(errors.of(own.id())).isEmpty();
    }

    @Test
    void brokenTenantEmailFallsBackToDefaultAndIsRecorded() throws Exception {
        Tenant broken = tenant("broken", "Broken Co");
        overrides.put(broken.id(), "email/welcome.subject.ftl", "Custom subject\n");
        overrides.put(broken.id(), "email/welcome.html.ftlh", "<p>${tenant.nope.deeper}</p>");
        MailMessage mail = composer.compose(broken, MailComposer.WELCOME, TO, Map.of());
        assertThat(mail.subject()).isEqualTo("Welcome to Broken Co");
        assertThat(mail.html()).contains("Broken Co").doesNotContain("<p></p>");
        assertThat(errors.of(broken.id())).singleElement()
                .satisfies(e -> assertThat(e.file()).isEqualTo("templates/email/welcome.html.ftlh (tenant folder)"));
    }

    /** Template overrides of tenant folders, as the tenant store hands them to the theme engine. */
    private static final class TenantTemplates implements TenantSiteData {

        private final Map<String, String> sources = new ConcurrentHashMap<>();

        void put(String tenantId, String name, String source) {
            sources.put(tenantId + "/" + name, source);
        }

        @Override
        public Optional<TenantAsset> asset(String tenantId, String assetId) {
            return Optional.empty();
        }

        @Override
        public Optional<String> template(String tenantId, String name) {
            return Optional.ofNullable(sources.get(tenantId + "/" + name));
        }
    }
}
