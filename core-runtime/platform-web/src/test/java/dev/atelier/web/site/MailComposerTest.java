package dev.atelier.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.core.mail.MailMessage;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantStatus;
import dev.atelier.web.site.mail.MailComposer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transactional email rendered from the shipped themes/default, with tenant overrides and fallback. */
class MailComposerTest {

    private static final String LINK = "https://plain.localhost/verify?token=abc&next=%2Faccount";
    private static final MailComposer.Recipient TO = new MailComposer.Recipient("ada@example.com", "Ada");

    private InMemoryTenants tenants;
    private SiteFeature sites;

    @BeforeEach
    void setUp() {
        Path themes = Path.of("../../themes").toAbsolutePath().normalize();
        tenants = new InMemoryTenants();
        sites = new SiteFeature(new SiteSetup(tenants, tenants, tenants, themes, "operator.localhost"));
    }

    private Tenant tenant(String slug, String name) {
        Tenant t = SiteHarness.tenant(slug, name, "default", "#7c3aed", null, TenantStatus.ACTIVE, slug + ".localhost");
        tenants.put(t);
        return t;
    }

    @Test
    void everyShippedEmailRendersWithBrandLinkAndSubject() throws Exception {
        Tenant plain = tenant("plain", "Plain Co");
        for (String template : MailComposer.TEMPLATES) {
            MailMessage mail = sites.mailComposer().compose(plain, template, TO,
                    Map.of("link", LINK, "expiresInHours", 24));
            assertThat(mail.subject()).as(template).isNotBlank().doesNotContain("\n", "\r");
            assertThat(mail.html()).as(template).contains("Plain Co", "#7c3aed");
            assertThat(mail.text()).as(template).contains("Plain Co", "support@plain.test");
            if (!template.equals(MailComposer.ACCOUNT_DELETED) && !template.equals(MailComposer.WELCOME)) {
                assertThat(mail.html()).as(template).contains("https://plain.localhost/verify?token=abc&amp;next=%2Faccount");
                assertThat(mail.text()).as(template).contains(LINK).doesNotContain("&amp;");
            }
            MailMessage bare = sites.mailComposer().compose(plain, template,
                    new MailComposer.Recipient("bob@example.com", null), Map.of());
            assertThat(bare.text()).as(template).startsWith("Hello,");
        }
        assertThat(sites.templateErrors(plain.id())).isEmpty();
    }

    @Test
    void isSentFromTheTenantsNameAndSupportAddress() throws Exception {
        Tenant plain = tenant("plain", "Plain Co");
        MailMessage mail = sites.mailComposer().compose(plain, MailComposer.WELCOME, TO, Map.of("link", LINK));
        assertThat(mail.fromName()).isEqualTo("Plain Co");
        assertThat(mail.fromAddress()).isEqualTo("support@plain.test");
        assertThat(mail.to()).isEqualTo("ada@example.com");
        assertThat(mail.tenantId()).isEqualTo(plain.id());
    }

    @Test
    void htmlInNamesIsEscapedInHtmlAndKeptAsTextInText() throws Exception {
        Tenant evil = tenant("evil", "<b>Evil</b> & Co");
        MailMessage mail = sites.mailComposer().compose(evil, MailComposer.VERIFY_EMAIL,
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
        tenants.addTemplate(own.id(), "email/welcome.subject.ftl", "Hi from ${tenant.name}\n");
        tenants.addTemplate(own.id(), "email/welcome.txt.ftl", "Custom welcome ${link}\n");
        MailMessage mail = sites.mailComposer().compose(own, MailComposer.WELCOME, TO, Map.of("link", LINK));
        assertThat(mail.subject()).isEqualTo("Hi from Own Co");
        assertThat(mail.text()).isEqualTo("Custom welcome " + LINK + "\n");
        assertThat(mail.html()).contains("Own Co"); // not overridden: from themes/default
        MailMessage other = sites.mailComposer().compose(own, MailComposer.PASSWORD_RESET, TO, Map.of("link", LINK));
        assertThat(other.text()).contains(LINK).doesNotContain("Custom");
        assertThat(sites.templateErrors(own.id())).isEmpty();
    }

    @Test
    void brokenTenantEmailFallsBackToDefaultAndIsRecorded() throws Exception {
        Tenant broken = tenant("broken", "Broken Co");
        tenants.addTemplate(broken.id(), "email/welcome.subject.ftl", "Custom subject\n");
        tenants.addTemplate(broken.id(), "email/welcome.html.ftlh", "<p>${tenant.nope.deeper}</p>");
        MailMessage mail = sites.mailComposer().compose(broken, MailComposer.WELCOME, TO, Map.of());
        assertThat(mail.subject()).isEqualTo("Welcome to Broken Co");
        assertThat(mail.html()).contains("Broken Co").doesNotContain("<p></p>");
        assertThat(sites.templateErrors(broken.id())).singleElement()
                .satisfies(e -> assertThat(e.file()).isEqualTo("templates/email/welcome.html.ftlh (tenant folder)"));
    }
}
