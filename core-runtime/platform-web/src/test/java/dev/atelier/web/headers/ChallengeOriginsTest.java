package dev.atelier.web.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A page with a bot challenge lets the widget's origins load scripts, frames and calls; nothing else widens. */
class ChallengeOriginsTest {

    private static final String CLOUDFLARE = "https://challenges.cloudflare.com";

    @Test
    void aChallengePageAllowsTheWidgetsOriginForScriptsFramesAndCallsOnly() {
        String policy = ContentSecurityPolicy.strict().withChallenge(List.of(CLOUDFLARE)).toString();

        assertThat(policy).contains("script-src 'self' " + CLOUDFLARE + ";", "frame-src 'self' " + CLOUDFLARE + ";",
                "connect-src 'self' " + CLOUDFLARE + ";", "img-src 'self' data: blob:;", "style-src 'self';",
                "frame-ancestors 'none'").doesNotContain("unsafe");
    }

    @Test
    void somethingThatIsNotAPlainOriginAddsNothing() {
        String policy = ContentSecurityPolicy.strict().withChallenge(List.of(CLOUDFLARE + "/path",
                "https://x.example; script-src *", "javascript:alert(1)")).toString();

        assertThat(policy).isEqualTo(ContentSecurityPolicy.strict().toString()).doesNotContain("frame-src");
    }
}
