package dev.atelier.launcher.legal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.platform.TestPlatform;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /legal/<document>} on the demo tenants as shipped (local profile): the document inside the tenant's theme,
 * as plain text and as Markdown, each with its content type; an unknown document is 404.
 */
class LegalPagesTest {

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().build();

    @Test
    void servesThePrivacyPolicyInTheThemeAsTextAndAsMarkdown() throws Exception {
        HttpResponse<String> html = platform.get("auratuner.localhost", "/legal/privacy");
        HttpResponse<String> text = platform.get("auratuner.localhost", "/legal/privacy.txt");
        HttpResponse<String> markdown = platform.get("auratuner.localhost", "/legal/privacy.md");

        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(html.body()).contains("<h1>AuraTuner Privacy Policy</h1>", "class=\"card prose legal-document\"",
                "href=\"/legal/privacy.txt\"").doesNotContain("This document is being prepared");

        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
        assertThat(text.body()).startsWith("Privacy Policy\nAuraTuner Privacy Policy\n")
                .contains("Last Updated April 8, 2026")
                .as("the shipped demo runs locally: no Stripe, local storage").doesNotContain("Stripe", "R2");

        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.headers().firstValue("Content-Type")).hasValue("text/markdown;charset=utf-8");
        assertThat(markdown.body()).startsWith("Privacy Policy\n\n# AuraTuner Privacy Policy\n");
    }

    @Test
    void eachTenantGetsItsOwnTerms() throws Exception {
        String second = platform.secondDemoTenant();

        assertThat(platform.get("auratuner.localhost", "/legal/terms.txt").body())
                .contains("AuraTuner Terms of Service");
        assertThat(platform.get(second + ".localhost", "/legal/terms.txt").body())
                .doesNotContain("AuraTuner").contains("Terms of Service");
    }

    @Test
    void anUnknownDocumentIsNotFound() throws Exception {
        HttpResponse<String> page = platform.get("auratuner.localhost", "/legal/cookies");
        HttpResponse<String> text = platform.get("auratuner.localhost", "/legal/cookies.txt");
        HttpResponse<String> tooLong = platform.get("auratuner.localhost", "/legal/" + "a".repeat(41) + ".md");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(text.statusCode()).isEqualTo(404);
        assertThat(text.headers().firstValue("Content-Type")).as("the site's page, like every page's error")
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(text.body()).contains("No such document");
        assertThat(tooLong.statusCode()).isEqualTo(404);
    }
}
