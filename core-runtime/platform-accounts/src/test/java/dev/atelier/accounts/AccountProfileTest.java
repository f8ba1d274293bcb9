package dev.atelier.accounts;

import static dev.atelier.accounts.AccountsFixture.ALPHA;
import static dev.atelier.accounts.AccountsFixture.BETA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The account page's changes: confirming the password, renaming, and changing the email through a mailed link. */
@ExtendWith(AccountsFixture.Extension.class)
class AccountProfileTest {

    private static final String PASSWORD = "violet lantern orbit";

    private AccountsFixture fixture;
    private Accounts accounts;
    private Account ada;

    @BeforeEach
    void start(AccountsFixture fixture) {
        this.fixture = fixture;
        accounts = fixture.accounts;
        ada = accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada").account();
    }

    @Test
    void checkPasswordAcceptsOnlyTheAccountsOwnPassword() {
        Account external = new ExternalSignIns(fixture.scope, fixture.clock)
                .signIn(ALPHA, "google", "sub-1", "grace@example.com", true, "Grace").account();

        assertThat(ada.hasPassword()).isTrue();
        assertThat(accounts.checkPassword(ALPHA, ada.id(), PASSWORD)).isTrue();
        assertThat(accounts.checkPassword(ALPHA, ada.id(), "wrong password here")).isFalse();
        assertThat(accounts.checkPassword(ALPHA, ada.id(), null)).isFalse();
        assertThat(accounts.checkPassword(ALPHA, "acc_unknown", PASSWORD)).isFalse();
        assertThat(accounts.checkPassword(ALPHA, external.id(), "")).isFalse();
        assertThat(accounts.checkPassword(ALPHA, external.id(), PASSWORD)).isFalse();
        assertThat(accounts.checkPassword(BETA, ada.id(), PASSWORD)).isFalse();
    }

    @Test
    void aRenameFollowsTheSignUpRules() {
        Account renamed = accounts.updateDisplayName(ALPHA, ada.id(), "  Ada Lovelace ");

        assertThat(renamed.displayName()).isEqualTo("Ada Lovelace");
        assertThat(accounts.find(ALPHA, ada.id()).orElseThrow().displayName()).isEqualTo("Ada Lovelace");
        assertThatThrownBy(() -> accounts.updateDisplayName(ALPHA, ada.id(), " "))
                .isInstanceOfSatisfying(InvalidAccountInputException.class,
                        e -> assertThat(e.field()).isEqualTo("displayName"));
        assertThatThrownBy(() -> accounts.updateDisplayName(ALPHA, ada.id(), "a\tb"))
                .isInstanceOf(InvalidAccountInputException.class);
        assertThatThrownBy(() -> accounts.updateDisplayName(ALPHA, ada.id(), "x".repeat(101)))
                .isInstanceOf(InvalidAccountInputException.class);
        assertThatThrownBy(() -> accounts.updateDisplayName(BETA, ada.id(), "Mallory"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(accounts.find(ALPHA, ada.id()).orElseThrow().displayName()).isEqualTo("Ada Lovelace");
    }

    @Test
    void anEmailChangeTakesEffectWhenTheNewAddressFollowsTheLink() {
        String resetToOldAddress = accounts.requestPasswordReset(ALPHA, "ada@example.com").orElseThrow();
        String token = accounts.requestEmailChange(ALPHA, ada.id(), " Ada@New.Example ").orElseThrow();
        assertThat(accounts.find(ALPHA, ada.id()).orElseThrow().email()).isEqualTo("ada@example.com");

        EmailChange change = accounts.confirmEmailChange(ALPHA, token).orElseThrow();

        assertThat(change.previousEmail()).isEqualTo("ada@example.com");
        assertThat(change.account().email()).isEqualTo("ada@new.example");
        assertThat(change.account().emailVerified()).isTrue();
        assertThat(accounts.signIn(ALPHA, "ada@new.example", PASSWORD)).isPresent();
        assertThat(accounts.signIn(ALPHA, "ada@example.com", PASSWORD)).isEmpty();
        assertThat(accounts.confirmEmailChange(ALPHA, token)).isEmpty();
        assertThat(accounts.resetPassword(ALPHA, resetToOldAddress, "copper meadow signal")).isEmpty();
    }

    @Test
    void confirmingOneChangeUsesUpTheOthers() {
        String first = accounts.requestEmailChange(ALPHA, ada.id(), "one@example.com").orElseThrow();
        String second = accounts.requestEmailChange(ALPHA, ada.id(), "two@example.com").orElseThrow();

        assertThat(accounts.confirmEmailChange(ALPHA, second)).isPresent();

        assertThat(accounts.confirmEmailChange(ALPHA, first)).isEmpty();
        assertThat(accounts.find(ALPHA, ada.id()).orElseThrow().email()).isEqualTo("two@example.com");
    }

    @Test
    void anEmailChangeLinkExpiresAfterADay() {
        String token = accounts.requestEmailChange(ALPHA, ada.id(), "new@example.com").orElseThrow();

        fixture.clock.advance(Accounts.EMAIL_CHANGE_LIFETIME);

        assertThat(accounts.confirmEmailChange(ALPHA, token)).isEmpty();
        assertThat(accounts.find(ALPHA, ada.id()).orElseThrow().email()).isEqualTo("ada@example.com");
    }

    @Test
    void anEmailChangeRefusesMalformedSameAndTakenAddresses() {
        accounts.signUp(ALPHA, "grace@example.com", "copper meadow signal", "Grace");

        assertThatThrownBy(() -> accounts.requestEmailChange(ALPHA, ada.id(), "not an email"))
                .isInstanceOfSatisfying(InvalidAccountInputException.class,
                        e -> assertThat(e.field()).isEqualTo("newEmail"));
        assertThatThrownBy(() -> accounts.requestEmailChange(ALPHA, ada.id(), "ADA@example.com"))
                .isInstanceOfSatisfying(InvalidAccountInputException.class,
                        e -> assertThat(e.field()).isEqualTo("newEmail"));
        assertThatThrownBy(() -> accounts.requestEmailChange(ALPHA, ada.id(), "grace@example.com"))
                .isInstanceOf(EmailTakenException.class);
        assertThat(accounts.requestEmailChange(ALPHA, "acc_unknown", "new@example.com")).isEmpty();
    }

    @Test
    void anAddressTakenWhileTheLinkWaitedIsRefusedAtConfirmation() {
        String token = accounts.requestEmailChange(ALPHA, ada.id(), "new@example.com").orElseThrow();
        accounts.signUp(ALPHA, "new@example.com", "copper meadow signal", "Grace");

        assertThatThrownBy(() -> accounts.confirmEmailChange(ALPHA, token)).isInstanceOf(EmailTakenException.class);

        assertThat(accounts.find(ALPHA, ada.id()).orElseThrow().email()).isEqualTo("ada@example.com");
    }

    @Test
    void anEmailChangeLinkWorksOnlyAtItsTenant() {
        String token = accounts.requestEmailChange(ALPHA, ada.id(), "new@example.com").orElseThrow();

        assertThat(accounts.confirmEmailChange(BETA, token)).isEmpty();
        assertThat(accounts.requestEmailChange(BETA, ada.id(), "other@example.com")).isEmpty();
        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(accounts.confirmEmailChange(ALPHA, token)).isPresent();
    }
}
