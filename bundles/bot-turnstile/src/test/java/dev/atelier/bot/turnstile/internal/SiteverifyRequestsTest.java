package dev.atelier.bot.turnstile.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.atelier.spi.botprotection.ChallengeAnswer;
import dev.atelier.spi.botprotection.ChallengeWidget;
import dev.atelier.spi.botprotection.RefusalReason;
import dev.atelier.spi.botprotection.Verdict;
import dev.atelier.spi.testkit.TestTenantContext;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What Turnstile sends to siteverify and makes of its answers, beyond the contract. */
class SiteverifyRequestsTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeSiteverify siteverify = new FakeSiteverify(server);
    private final TurnstileProtection turnstile = new TurnstileProtection();

    @Test
    void postsTheSecretTokenClientAddressAndAnIdempotencyKeyAsAForm() {
        siteverify.passes("tok-1", "auratuner.com", "signup");

        Verdict verdict = turnstile.verify(new ChallengeAnswer("tok-1", "198.51.100.4", "signup", "auratuner.com"),
                siteverify.tenant("10s"));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Passed.class, passed -> {
            assertThat(passed.hostname()).isEqualTo("auratuner.com");
            assertThat(passed.challengedAt()).isNotNull();
        });
        server.verify(postRequestedFor(urlEqualTo(FakeSiteverify.PATH))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("secret", equalTo(FakeSiteverify.SECRET))
                .withFormParam("response", equalTo("tok-1"))
                .withFormParam("remoteip", equalTo("198.51.100.4"))
                .withFormParam("idempotency_key", matching("[0-9a-f-]{36}")));
    }

    @Test
    void aHostNameInAnotherLetterCasePasses() {
        siteverify.passes("tok-case", "AuraTuner.com", "signup");

        assertThat(turnstile.verify(new ChallengeAnswer("tok-case", null, "signup", "auratuner.com"),
                siteverify.tenant("10s"))).isInstanceOf(Verdict.Passed.class);
    }

    @Test
    void aTimedOutSiteverifyIsUnavailableAndNamesTheTimeOut() {
        siteverify.answersLate("tok-slow", 1_500);

        Verdict verdict = turnstile.verify(new ChallengeAnswer("tok-slow", null, "signup", "auratuner.com"),
                siteverify.tenant("150ms"));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Unavailable.class,
                unavailable -> assertThat(unavailable.detail()).contains("did not answer within"));
    }

    @Test
    void anHttpErrorOrAWrongSecretIsUnavailableNotTheVisitorsFault() {
        siteverify.fails("tok-500", 502);
        siteverify.refuses("tok-secret", "invalid-input-secret");

        for (String token : List.of("tok-500", "tok-secret")) {
            assertThat(turnstile.verify(new ChallengeAnswer(token, null, "signup", "auratuner.com"),
                    siteverify.tenant("10s"))).as(token).isInstanceOf(Verdict.Unavailable.class);
        }
    }

    @Test
    void aMissingTokenIsRefusedWithoutAskingCloudflare() {
        Verdict verdict = turnstile.verify(new ChallengeAnswer(null, null, "signup", "auratuner.com"),
                siteverify.tenant("10s"));

        assertThat(verdict).isEqualTo(Verdict.refused(RefusalReason.MISSING, "the form carried no Turnstile token"));
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aTenantWithoutItsSecretIsUnavailableAndTheMessageNamesTheSetting() {
        Verdict verdict = turnstile.verify(new ChallengeAnswer("tok", null, "signup", "auratuner.com"),
                TestTenantContext.withConfig(Map.of("site_key", FakeSiteverify.SITE_KEY)));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Unavailable.class,
                unavailable -> assertThat(unavailable.detail()).contains("secret_key"));
    }

    @Test
    void theWidgetIsCloudflaresScriptWithTheTenantsSiteKeyAndItsOrigin() throws Exception {
        ChallengeWidget widget = turnstile.widget(TestTenantContext.withConfig(Map.of("site_key", "0x4AAA",
                "secret_key", "s", "theme", "dark")));

        assertThat(widget.scriptUrl()).isEqualTo(URI.create("https://challenges.cloudflare.com/turnstile/v0/api.js"));
        assertThat(widget.siteKey()).isEqualTo("0x4AAA");
        assertThat(widget.fieldName()).isEqualTo("cf-turnstile-response");
        assertThat(widget.elementClass()).isEqualTo("cf-turnstile");
        assertThat(widget.dataAttributes()).containsEntry("theme", "dark");
        assertThat(widget.origins()).containsExactly(URI.create("https://challenges.cloudflare.com"));
    }

    @Test
    void aTimeOutAboveTenSecondsIsRefusedBeforeAnyCall() {
        Map<String, String> config = new HashMap<>(siteverify.tenant("10s").pluginConfig());
        config.put("timeout", "30s");

        assertThat(TurnstileSettings.SCHEMA.check(config)).singleElement()
                .satisfies(problem -> assertThat(problem.toString()).contains("timeout"));
        assertThat(server.findAll(postRequestedFor(urlEqualTo(FakeSiteverify.PATH))
                .withRequestBody(containing("response")))).isEmpty();
    }
}
