package dev.atelier.accounts;

import static dev.atelier.accounts.AccountsFixture.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AccountsFixture.Extension.class)
class AccountPasswordTest {

    private static final String EMAIL = "ada@example.com";
    private static final String PASSWORD = "violet lantern orbit";
    private static final String NEW_PASSWORD = "copper meadow signal";

    private AccountsFixture fixture;
    private Accounts accounts;
    private Account ada;

    @BeforeEach
    void start(AccountsFixture fixture) {
        this.fixture = fixture;
        accounts = fixture.accounts;
        ada = accounts.signUp(ALPHA, EMAIL, PASSWORD, "Ada").account();
    }

    @Test
    void wrongPasswordAndUnknownEmailBothGiveNothing() {
        assertThat(accounts.signIn(ALPHA, EMAIL, "violet lantern orbiT")).isEmpty();
        assertThat(accounts.signIn(ALPHA, "nobody@example.com", PASSWORD)).isEmpty();
        assertThat(accounts.signIn(ALPHA, "not an email", PASSWORD)).isEmpty();
        assertThat(accounts.signIn(ALPHA, EMAIL, "x".repeat(10_240))).isEmpty();
        assertThat(accounts.signIn(ALPHA, EMAIL, PASSWORD)).isPresent();
    }

    @Test
    void signInReplacesAHashMadeWithOldParameters() {
        String before = fixture.sql.column("SELECT password_hash FROM account").get(0);
        Accounts retuned = fixture.accounts(new PasswordHasher(2048, 2, 1));

        assertThat(retuned.signIn(ALPHA, EMAIL, "wrong password here")).isEmpty();
        assertThat(fixture.sql.column("SELECT password_hash FROM account")).containsExactly(before);

        assertThat(retuned.signIn(ALPHA, EMAIL, PASSWORD)).isPresent();
        String after = fixture.sql.column("SELECT password_hash FROM account").get(0);
        assertThat(before).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(after).startsWith("$argon2id$v=19$m=2048,t=2,p=1$");
        assertThat(retuned.signIn(ALPHA, EMAIL, PASSWORD)).isPresent();
        assertThat(fixture.sql.column("SELECT password_hash FROM account")).containsExactly(after);
    }

    @Test
    void resetLinkSetsANewPasswordOnceAndVerifiesTheEmail() {
        String token = accounts.requestPasswordReset(ALPHA, " ADA@example.com").orElseThrow();

        Account reset = accounts.resetPassword(ALPHA, token, NEW_PASSWORD).orElseThrow();

        assertThat(reset.id()).isEqualTo(ada.id());
        assertThat(reset.emailVerified()).isTrue();
        assertThat(accounts.signIn(ALPHA, EMAIL, PASSWORD)).isEmpty();
        assertThat(accounts.signIn(ALPHA, EMAIL, NEW_PASSWORD)).isPresent();
        assertThat(accounts.resetPassword(ALPHA, token, "a third passphrase")).isEmpty();
        assertThat(accounts.signIn(ALPHA, EMAIL, NEW_PASSWORD)).isPresent();
    }

    @Test
    void resetRequestsForUnknownEmailsGiveNothing() {
        assertThat(accounts.requestPasswordReset(ALPHA, "nobody@example.com")).isEmpty();
        assertThat(accounts.requestPasswordReset(ALPHA, "not an email")).isEmpty();
        assertThat(fixture.sql.column("SELECT count(*) FROM account_token WHERE purpose = 'RESET_PASSWORD'"))
                .containsExactly("0");
    }

    @Test
    void usingOneResetLinkCancelsTheOthers() {
        String first = accounts.requestPasswordReset(ALPHA, EMAIL).orElseThrow();
        String second = accounts.requestPasswordReset(ALPHA, EMAIL).orElseThrow();

        assertThat(accounts.resetPassword(ALPHA, second, NEW_PASSWORD)).isPresent();

        assertThat(accounts.resetPassword(ALPHA, first, "a third passphrase")).isEmpty();
        assertThat(accounts.signIn(ALPHA, EMAIL, NEW_PASSWORD)).isPresent();
    }

    @Test
    void resetLinkExpiresAfterAnHour() {
        String token = accounts.requestPasswordReset(ALPHA, EMAIL).orElseThrow();

        fixture.clock.advance(Duration.ofHours(1));

        assertThat(accounts.resetPassword(ALPHA, token, NEW_PASSWORD)).isEmpty();
        assertThat(accounts.signIn(ALPHA, EMAIL, PASSWORD)).isPresent();
    }

    @Test
    void aRefusedNewPasswordLeavesTheResetLinkUsable() {
        String token = accounts.requestPasswordReset(ALPHA, EMAIL).orElseThrow();

        assertThatThrownBy(() -> accounts.resetPassword(ALPHA, token, "short"))
                .isInstanceOf(InvalidAccountInputException.class).hasMessage("Use at least 10 characters.")
                .extracting(e -> ((InvalidAccountInputException) e).field()).isEqualTo("newPassword");
        assertThatThrownBy(() -> accounts.resetPassword(ALPHA, token, "ada@example.com"))
                .hasMessage("Do not use your email address as your password.");

        assertThat(accounts.resetPassword(ALPHA, token, NEW_PASSWORD)).isPresent();
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndCancelsResetLinks() {
        String pendingReset = accounts.requestPasswordReset(ALPHA, EMAIL).orElseThrow();

        assertThat(accounts.changePassword(ALPHA, ada.id(), "not my password", NEW_PASSWORD)).isFalse();
        assertThat(accounts.changePassword(ALPHA, "acc_unknown", PASSWORD, NEW_PASSWORD)).isFalse();
        assertThatThrownBy(() -> accounts.changePassword(ALPHA, ada.id(), PASSWORD, "qwertyuiop"))
                .hasMessage("This password is too common; choose another.");
        assertThat(accounts.signIn(ALPHA, EMAIL, PASSWORD)).isPresent();

        assertThat(accounts.changePassword(ALPHA, ada.id(), PASSWORD, NEW_PASSWORD)).isTrue();

        assertThat(accounts.signIn(ALPHA, EMAIL, PASSWORD)).isEmpty();
        assertThat(accounts.signIn(ALPHA, EMAIL, NEW_PASSWORD)).isPresent();
        assertThat(accounts.resetPassword(ALPHA, pendingReset, "a third passphrase")).isEmpty();
    }
}
