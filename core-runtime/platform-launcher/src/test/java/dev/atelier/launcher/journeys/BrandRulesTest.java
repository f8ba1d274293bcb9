package dev.atelier.launcher.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.platform.Mail;
import org.junit.jupiter.api.Test;

/** The white-label rule of journey 4 finds what it must: another tenant's name, address and colours, in any form. */
class BrandRulesTest {

    private final BrandRules marginalia = BrandRules.of("marginalia", "auratuner");

    @Test
    void anEmailThatNamesItsOwnTenantAndNothingElsePasses() {
        assertThat(marginalia.problemsOf(mail("Welcome to Marginalia", "Hello from Marginalia", ""))).isEmpty();
    }

    @Test
    void anotherTenantsNameHostAndSupportAddressAreFoundInAnyCase() {
        assertThat(marginalia.problemsOf(mail("Welcome to Marginalia", "Write to SUPPORT@auratuner.com or visit "
                + "www.auratuner.com", "")))
                .anyMatch(p -> p.contains("\"AuraTuner\""))
                .anyMatch(p -> p.contains("support@auratuner.com"))
                .anyMatch(p -> p.contains("www.auratuner.com"));
    }

    @Test
    void anotherTenantsColoursAreFoundAsHexOrAsTheRgbBrowsersWriteButWhiteIsNobodys() {
        assertThat(marginalia.problemsOf(mail("Marginalia", "", "<td style=\"color:#22D3EE;background:#ffffff\">")))
                .containsExactly("the email \"Marginalia\" uses the colour #22d3ee");
        assertThat(marginalia.problemsOf(mail("Marginalia", "", "a { color: rgb(10, 9, 20) }")))
                .containsExactly("the email \"Marginalia\" uses the colour #0a0914");
    }

    @Test
    void anEmailThatDoesNotNameItsTenantIsReported() {
        Mail unsigned = new Mail("", "letters@marginalia.example", "reader@example.com", "Welcome", "Hello", "");
        assertThat(marginalia.problemsOf(unsigned)).containsExactly("the email \"Welcome\" does not name Marginalia");
    }

    private static Mail mail(String subject, String text, String html) {
        return new Mail("Marginalia", "letters@marginalia.example", "reader@example.com", subject, text, html);
    }
}
