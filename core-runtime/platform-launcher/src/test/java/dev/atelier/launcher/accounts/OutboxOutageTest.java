package dev.atelier.launcher.accounts;

import static dev.atelier.launcher.accounts.AccountSite.PASSWORD;
import static dev.atelier.launcher.accounts.AccountSite.TENANT_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.Mail;
import dev.atelier.launcher.platform.Mailbox;
import dev.atelier.launcher.platform.TestPlatform;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The mail server being down never fails a sign-up; the mail goes out once it is back, and only once. */
class OutboxOutageTest {

    private static final String VERIFY_SUBJECT = "Confirm your email address for " + TENANT_NAME;

    @RegisterExtension
    final TestPlatform platform = TestPlatform.demo().mailServerDown().build();
    private final AccountSite site = new AccountSite(platform);

    @Test
    void signUpSucceedsWhileTheMailServerIsDownAndTheLinkArrivesExactlyOnceWhenItIsBack() throws Exception {
        Browser ada = site.visitor();

        HttpResponse<String> signedUp = ada.signUp("Ada", "ada@example.com", PASSWORD);

        assertThat(signedUp.statusCode()).isEqualTo(303);
        assertThat(ada.get("/signup/done").body()).contains("ada@example.com");
        await().atMost(AccountSite.PATIENCE).until(() -> failedAttempts("ada@example.com") >= 2);

        site.platform().mail().start();

        // The outbox retries 10 s after a failed attempt, well within the wait for the mail.
        Mail verification = site.awaitMail("ada@example.com", VERIFY_SUBJECT);
        site.awaitMail("ada@example.com", "Welcome to " + TENANT_NAME);
        await().during(Duration.ofMillis(20 * Mailbox.POLL.toMillis())).atMost(Duration.ofSeconds(10))
                .until(() -> site.mailsTo("ada@example.com").size() == 2);
        assertThat(site.mailsTo("ada@example.com")).extracting(Mail::subject)
                .containsExactlyInAnyOrder(VERIFY_SUBJECT, "Welcome to " + TENANT_NAME);
        assertThat(ada.get(verification.linkPath()).statusCode()).isEqualTo(200);
    }

    /** Delivery attempts that failed so far for mail to {@code address}, as the outbox recorded them. */
    private long failedAttempts(String address) throws Exception {
        try (Connection connection = site.platform().atelier().database().dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT coalesce(sum(attempts), 0) FROM mail_outbox"
                                + " WHERE to_address = ? AND sent_at IS NULL")) {
            query.setString(1, address);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
