package dev.atelier.launcher.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.plugins.PluginKinds;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * AuraTuner's shop on the demo platform, paid through the payment sandbox, as the billing and admin tests use it.
 * Register it as a {@code static} {@code @RegisterExtension} field: it starts its own platform for the test class,
 * waits until the sandbox provider is deployed (a checkout before then finds no provider) and signs in AuraTuner's
 * owner as {@link #admin()}.
 */
public final class SandboxShop implements BeforeAllCallback, AfterAllCallback {

    public static final String SLUG = "auratuner";
    /** AuraTuner's sign-up bonus (tenant.yaml). */
    public static final long BONUS = 25;

    private final TestPlatform platform = TestPlatform.demo().build();
    private Browser admin;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        platform.beforeAll(context);
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.atelier().plugins().plugins(PluginKinds.PAYMENTS)
                .find("sandbox").isPresent());
        admin = platform.browser(SLUG).signedIn(platform.accounts().signedInAdmin(SLUG, "owner@auratuner.example"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        platform.afterAll(context);
    }

    public TestPlatform platform() {
        return platform;
    }

    /** AuraTuner's owner, signed in. */
    public Browser admin() {
        return admin;
    }

    /** Someone who has just signed up on AuraTuner, with an email that starts with {@code prefix}. */
    public Browser buyer(String prefix) throws Exception {
        return platform.browser(SLUG).signedUp(prefix + UUID.randomUUID() + "@example.com");
    }

    /** Buys {@code offer} as {@code buyer}, paying on the sandbox's test page. */
    public static void pay(Browser buyer, String offer) throws Exception {
        HttpResponse<String> confirm = buyer.get("/billing/checkout?offer=" + offer);
        assertThat(confirm.statusCode()).isEqualTo(200);
        String testPage = buyer.redirect(buyer.post("/billing/checkout", Map.of("offer", offer,
                "csrf", Browser.csrfOf(confirm))));
        assertThat(buyer.post(testPage, Map.of("outcome", "pay", "csrf", Browser.csrfOf(buyer.get(testPage))))
                .statusCode()).isEqualTo(303);
    }

    /** The buyer's credit balance, as the API tells it. */
    public static long balance(Browser buyer) throws Exception {
        return Browser.json(buyer.get("/api/v1/credits")).get("balance").asLong();
    }
}
