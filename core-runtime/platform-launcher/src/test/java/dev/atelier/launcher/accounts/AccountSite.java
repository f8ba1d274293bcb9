package dev.atelier.launcher.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.accounts.Account;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.Mail;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.TestPlatformBuilder;
import dev.atelier.web.auth.Cookies;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AuraTuner's site on the demo platform with its mail going to a real SMTP server, seen by the account tests: sign-up,
 * confirmation and reset flows through the forms and the mailed links.
 */
final class AccountSite {

    static final String SLUG = "auratuner";
    static final String HOST = TestPlatform.hostOf(SLUG);
    /** AuraTuner's name and support address, which its mail is sent from. */
    static final String TENANT_NAME = "AuraTuner";
    static final String SUPPORT_EMAIL = "support@auratuner.com";
    static final String PASSWORD = "velvet lantern orbit 91";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final TestPlatform platform;

    AccountSite(TestPlatform platform) {
        this.platform = platform;
    }

    /** The demo platform with its mail server up. */
    static TestPlatformBuilder builder() {
        return TestPlatform.demo().mail();
    }

    TestPlatform platform() {
        return platform;
    }

    String tenantId() {
        return platform.tenantId(SLUG);
    }

    /** A new browser on AuraTuner's site, with no cookies yet. */
    Browser visitor() {
        return platform.browser(SLUG);
    }

    /** The account of {@code email} on AuraTuner, looked up directly. */
    Optional<Account> account(String email) {
        return platform.accounts().byEmail(SLUG, email);
    }

    /** Signs a new account up through the sign-up form; the visitor is signed in afterwards. */
    Browser signedUp(String displayName, String email) throws IOException, InterruptedException {
        Browser visitor = visitor();
        HttpResponse<String> response = visitor.signUp(displayName, email, PASSWORD);
        assertThat(response.statusCode()).as("sign-up of %s", email).isEqualTo(303);
        assertThat(visitor.cookie(Cookies.SESSION)).as("session after signing up %s", email).isPresent();
        return visitor;
    }

    /** Every message the mail server received so far, oldest first. */
    List<Mail> mails() {
        return platform.mail().all();
    }

    List<Mail> mailsTo(String address) {
        return platform.mail().to(address);
    }

    /** Waits for the one message to {@code address} whose subject is {@code subject}. */
    Mail awaitMail(String address, String subject) {
        return platform.mail().awaitOne(address, subject);
    }

    /** The confirmation link of a fresh sign-up, followed by {@code visitor}. */
    void verify(Browser visitor, String email) throws IOException, InterruptedException {
        Mail verification = awaitMail(email, "Confirm your email address for " + TENANT_NAME);
        assertThat(visitor.get(verification.linkPath()).statusCode()).isEqualTo(200);
    }

    /**
     * Asks for a password reset of {@code email} in {@code visitor} and follows the mailed link to set
     * {@code newPassword}; returns the answer to that form (303 to the account page, signed in, when it worked).
     * {@code nthMail} counts the reset mails to this address so far, from 1.
     */
    HttpResponse<String> resetPassword(Browser visitor, String email, String newPassword, int nthMail)
            throws IOException, InterruptedException {
        assertThat(visitor.submit("/reset", "/reset", Map.of("email", email)).statusCode()).isEqualTo(200);
        String link = platform.mail().waitFor(email, "Reset your " + TENANT_NAME + " password", nthMail)
                .get(nthMail - 1).linkPath();
        String token = URLDecoder.decode(link.substring(link.indexOf('=') + 1), StandardCharsets.UTF_8);
        return visitor.submit(link, "/reset/confirm", Map.of("token", token, "newPassword", newPassword));
    }
}
