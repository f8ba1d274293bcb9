package dev.atelier.launcher.accounts;

import static dev.atelier.launcher.accounts.AccountSite.PASSWORD;
import static dev.atelier.launcher.accounts.AccountSite.TENANT_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Links in mail go to the tenant's own host and the server's own port, whatever {@code Host} header the request that
 * caused the mail carried: a forger who asks for someone's reset must not get a link to a server of theirs.
 */
class EmailLinksTest {

    private static final String VERIFY_SUBJECT = "Confirm your email address for " + TENANT_NAME;
    // Another of AuraTuner's hosts: it selects the tenant, but is not the host its links use on the local profile.
    private static final String ALIAS = "www.auratuner.com";

    private AccountSite site;

    @BeforeEach
    void start() throws Exception {
        site = AccountSite.start();
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void aResetAskedForThroughAnotherHostOfTheTenantMailsALinkOnTheTenantsOwnHost() throws Exception {
        site.signedUp("Hedy", "hedy@example.com");
        Visitor forger = new Visitor(site.port(), ALIAS);

        forger.submit("/reset", "/reset", Map.of("email", "hedy@example.com"));

        Mail reset = site.awaitMail("hedy@example.com", "Reset your " + TENANT_NAME + " password");
        assertThat(reset.linkAuthority()).isEqualTo(AccountSite.HOST + ":" + site.port());
    }

    @Test
    void aPortForgedIntoTheHostHeaderDoesNotReachTheConfirmationLink() throws Exception {
        Visitor forger = new Visitor(site.port(), AccountSite.HOST, AccountSite.HOST + ":6666");

        assertThat(AccountSite.signUp(forger, "Ada", "ada@example.com", PASSWORD).statusCode()).isEqualTo(303);

        Mail verification = site.awaitMail("ada@example.com", VERIFY_SUBJECT);
        assertThat(verification.linkAuthority()).isEqualTo(AccountSite.HOST + ":" + site.port());
    }

    @Test
    void anEmailChangeAskedForThroughAnotherHostMailsItsConfirmationLinkOnTheTenantsOwnHost() throws Exception {
        Visitor ada = new Visitor(site.port(), ALIAS);
        assertThat(AccountSite.signUp(ada, "Ada", "ada@example.com", PASSWORD).statusCode()).isEqualTo(303);
        site.verify(ada, "ada@example.com");

        ada.submit("/account", "/account/email",
                Map.of("newEmail", "ada@lovelace.example", "currentPassword", PASSWORD));

        Mail confirmation = site.awaitMail("ada@lovelace.example", VERIFY_SUBJECT);
        assertThat(confirmation.linkAuthority()).isEqualTo(AccountSite.HOST + ":" + site.port());
    }
}
