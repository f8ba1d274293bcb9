package dev.atelier.launcher.accounts;

import static dev.atelier.launcher.accounts.AccountSite.PASSWORD;
import static dev.atelier.launcher.accounts.AccountSite.TENANT_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.Mail;
import dev.atelier.launcher.platform.TestPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Links in mail go to the tenant's own host and the server's own port, whatever {@code Host} header the request that
 * caused the mail carried: a forger who asks for someone's reset must not get a link to a server of theirs.
 */
class EmailLinksTest {

    private static final String VERIFY_SUBJECT = "Confirm your email address for " + TENANT_NAME;
    // Another of AuraTuner's hosts: it selects the tenant, but is not the host its links use on the local profile.
    private static final String ALIAS = "www.auratuner.com";

    @RegisterExtension
    final TestPlatform platform = AccountSite.builder().build();
    private final AccountSite site = new AccountSite(platform);

    @Test
    void aResetAskedForThroughAnotherHostOfTheTenantMailsALinkOnTheTenantsOwnHost() throws Exception {
        site.signedUp("Hedy", "hedy@example.com");
        Browser forger = site.platform().browserOnHost(ALIAS);

        forger.submit("/reset", "/reset", Map.of("email", "hedy@example.com"));

        Mail reset = site.awaitMail("hedy@example.com", "Reset your " + TENANT_NAME + " password");
        assertThat(reset.linkAuthority()).isEqualTo(AccountSite.HOST + ":" + site.platform().port());
    }

    @Test
    void aPortForgedIntoTheHostHeaderDoesNotReachTheConfirmationLink() throws Exception {
        Browser forger = site.platform().browserOnHost(AccountSite.HOST).hostHeader(AccountSite.HOST + ":6666");

        assertThat(forger.signUp("Ada", "ada@example.com", PASSWORD).statusCode()).isEqualTo(303);

        Mail verification = site.awaitMail("ada@example.com", VERIFY_SUBJECT);
        assertThat(verification.linkAuthority()).isEqualTo(AccountSite.HOST + ":" + site.platform().port());
    }

    @Test
    void anEmailChangeAskedForThroughAnotherHostMailsItsConfirmationLinkOnTheTenantsOwnHost() throws Exception {
        Browser ada = site.platform().browserOnHost(ALIAS);
        assertThat(ada.signUp("Ada", "ada@example.com", PASSWORD).statusCode()).isEqualTo(303);
        site.verify(ada, "ada@example.com");

        ada.submit("/account", "/account/email",
                Map.of("newEmail", "ada@lovelace.example", "currentPassword", PASSWORD));

        Mail confirmation = site.awaitMail("ada@lovelace.example", VERIFY_SUBJECT);
        assertThat(confirmation.linkAuthority()).isEqualTo(AccountSite.HOST + ":" + site.platform().port());
    }
}
