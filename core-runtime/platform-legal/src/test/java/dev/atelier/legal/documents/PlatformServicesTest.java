package dev.atelier.legal.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator names the services the platform runs on; what it leaves empty is not disclosed. */
class PlatformServicesTest {

    @Test
    void readsNameEntityLocationAndPolicyInTheOrderPoliciesListThem() {
        PlatformServices services = PlatformServices.of(Map.of(
                "email", "Resend",
                "hosting", "Vercel; Vercel Inc.; United States; https://vercel.com/legal/privacy-policy",
                "database", ""));

        assertThat(services.processors()).extracting(DisclosedProcessor::role).containsExactly("hosting", "email");
        var hosting = services.processors().get(0).disclosure();
        assertThat(hosting.displayName()).isEqualTo("Vercel");
        assertThat(hosting.processor()).isEqualTo("Vercel Inc.");
        assertThat(hosting.location()).isEqualTo("United States");
        assertThat(hosting.privacyPolicy()).isEqualTo(URI.create("https://vercel.com/legal/privacy-policy"));
        var email = services.processors().get(1).disclosure();
        assertThat(email.processor()).isEqualTo("Resend");
        assertThat(email.location()).isEqualTo("Not stated");
    }

    @Test
    void refusesARoleItDoesNotKnow() {
        assertThatThrownBy(() -> PlatformServices.of(Map.of("cdn", "Fastly")))
                .hasMessageContaining("no platform service role cdn");
    }
}
