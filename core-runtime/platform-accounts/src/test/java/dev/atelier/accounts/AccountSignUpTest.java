package dev.atelier.accounts;

import static dev.atelier.accounts.AccountsFixture.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AccountsFixture.Extension.class)
class AccountSignUpTest {

    private static final String PASSWORD = "violet lantern orbit";

    @Test
    void signUpThenVerifyThenSignIn(AccountsFixture fixture) {
        SignUp signUp = fixture.accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");

        assertThat(signUp.account().id()).matches("acc_[0-9a-f]{32}");
        assertThat(signUp.account().emailVerified()).isFalse();
        assertThat(signUp.account().createdAt()).isEqualTo(fixture.clock.instant());
        assertThat(signUp.verificationToken()).matches("[A-Za-z0-9_-]{43}");

        Account verified = fixture.accounts.verifyEmail(ALPHA, signUp.verificationToken()).orElseThrow();
        assertThat(verified.emailVerified()).isTrue();

        assertThat(fixture.accounts.signIn(ALPHA, "ada@example.com", PASSWORD)).get()
                .extracting(Account::id, Account::emailVerified).containsExactly(signUp.account().id(), true);
    }

    @Test
    void storesOnlyHashesOfPasswordsAndTokens(AccountsFixture fixture) {
        SignUp signUp = fixture.accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");

        assertThat(fixture.sql.column("SELECT password_hash FROM account")).singleElement().asString()
                .startsWith("$argon2id$").doesNotContain(PASSWORD);
        assertThat(fixture.sql.column("SELECT token_hash FROM account_token")).singleElement().asString()
                .matches("[0-9a-f]{64}").isNotEqualTo(signUp.verificationToken());
        assertThat(fixture.sql.column("SELECT extract(epoch FROM expires_at)::bigint FROM account_token"))
                .containsExactly(String.valueOf(fixture.clock.instant().plus(Duration.ofHours(24)).getEpochSecond()));
    }

    @Test
    void verificationLinkWorksOnlyOnce(AccountsFixture fixture) {
        SignUp signUp = fixture.accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");

        assertThat(fixture.accounts.verifyEmail(ALPHA, signUp.verificationToken())).isPresent();
        assertThat(fixture.accounts.verifyEmail(ALPHA, signUp.verificationToken())).isEmpty();
        assertThat(fixture.accounts.verifyEmail(ALPHA, "not-a-token")).isEmpty();
    }

    @Test
    void verificationLinkExpiresAfterADay(AccountsFixture fixture) {
        SignUp early = fixture.accounts.signUp(ALPHA, "early@example.com", PASSWORD, "Early");
        SignUp late = fixture.accounts.signUp(ALPHA, "late@example.com", PASSWORD, "Late");

        fixture.clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(fixture.accounts.verifyEmail(ALPHA, early.verificationToken())).isPresent();
        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(fixture.accounts.verifyEmail(ALPHA, late.verificationToken())).isEmpty();
        assertThat(fixture.accounts.find(ALPHA, late.account().id())).get().extracting(Account::emailVerified)
                .isEqualTo(false);
    }

    @Test
    void unverifiedAccountsCanAskForAFreshVerificationLink(AccountsFixture fixture) {
        SignUp signUp = fixture.accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");
        fixture.clock.advance(Duration.ofDays(2));

        String fresh = fixture.accounts.requestVerification(ALPHA, signUp.account().id()).orElseThrow();

        assertThat(fixture.accounts.verifyEmail(ALPHA, fresh)).isPresent();
        assertThat(fixture.accounts.requestVerification(ALPHA, signUp.account().id())).isEmpty();
    }

    @Test
    void emailsAreStoredTrimmedNfkcNormalizedAndLowerCased(AccountsFixture fixture) {
        Account account = fixture.accounts.signUp(ALPHA, "  Ada.Lovelace@Example.COM ", PASSWORD, "Ada").account();

        assertThat(account.email()).isEqualTo("ada.lovelace@example.com");
        // Fullwidth letters (as some phone keyboards type them) are the same address after NFKC.
        assertThatThrownBy(() -> fixture.accounts.signUp(ALPHA, "ＡＤＡ.lovelace@example.com", PASSWORD, "Other"))
                .isInstanceOf(EmailTakenException.class);
        assertThat(fixture.accounts.signIn(ALPHA, "ADA.LOVELACE@example.com", PASSWORD)).isPresent();
        assertThat(fixture.sql.column("SELECT email FROM account")).containsExactly("ada.lovelace@example.com");
    }

    @Test
    void aSecondSignUpWithTheSameEmailInTheTenantIsATypedError(AccountsFixture fixture) {
        fixture.accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");

        assertThatThrownBy(() -> fixture.accounts.signUp(ALPHA, "Ada@Example.com", "another fine passphrase", "Imposter"))
                .isInstanceOf(EmailTakenException.class);
        assertThat(fixture.sql.column("SELECT display_name FROM account")).containsExactly("Ada");
    }

    @Test
    void malformedOrOverlongEmailsAreRefusedWithAClearMessage(AccountsFixture fixture) {
        for (String bad : new String[] {"", "ada", "ada@", "@example.com", "ada@example", "ada lovelace@example.com",
                "ada@@example.com", ".ada@example.com", "ada..l@example.com", "ada@-example.com", "<a>@example.com"}) {
            assertThatThrownBy(() -> fixture.accounts.signUp(ALPHA, bad, PASSWORD, "Ada")).as(bad)
                    .isInstanceOf(InvalidAccountInputException.class)
                    .extracting(e -> ((InvalidAccountInputException) e).field()).isEqualTo("email");
        }
        String longest = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".io";
        assertThat(longest).hasSize(254);
        assertThat(fixture.accounts.signUp(ALPHA, longest, PASSWORD, "Long").account().email()).isEqualTo(longest);
        assertThatThrownBy(() -> fixture.accounts.signUp(ALPHA, "x" + longest, PASSWORD, "Longer"))
                .hasMessage("Use an email address of at most 254 characters.");
        assertThatThrownBy(() -> fixture.accounts.signUp(ALPHA, "ada", PASSWORD, "Ada"))
                .hasMessage("Enter an email address like name@example.com.");
        assertThat(fixture.sql.column("SELECT count(*) FROM account")).containsExactly("1");
    }

    @Test
    void internationalEmailAddressesAreAccepted(AccountsFixture fixture) {
        assertThat(fixture.accounts.signUp(ALPHA, "José@Exämple.de", PASSWORD, "José").account().email())
                .isEqualTo("josé@exämple.de");
    }

    @Test
    void sqlAndHtmlInDisplayNamesAreStoredVerbatim(AccountsFixture fixture) {
        String html = "<script>alert('hi')</script> & \"friends\"";
        String sql = "Robert'); DROP TABLE account;--";

        Account first = fixture.accounts.signUp(ALPHA, "html@example.com", PASSWORD, html).account();
        Account second = fixture.accounts.signUp(ALPHA, "sql@example.com", PASSWORD, sql).account();

        assertThat(first.displayName()).isEqualTo(html);
        assertThat(fixture.accounts.find(ALPHA, second.id())).get().extracting(Account::displayName).isEqualTo(sql);
        assertThat(fixture.sql.column("SELECT display_name FROM account ORDER BY email")).containsExactly(html, sql);
    }

    @Test
    void displayNamesAreLengthLimitedWithAClearError(AccountsFixture fixture) {
        assertThat(fixture.accounts.signUp(ALPHA, "ok@example.com", PASSWORD, "  " + "n".repeat(100) + " ").account()
                .displayName()).isEqualTo("n".repeat(100));

        assertThatThrownBy(() -> fixture.accounts.signUp(ALPHA, "long@example.com", PASSWORD, "n".repeat(101)))
                .isInstanceOf(InvalidAccountInputException.class)
                .hasMessage("Use a name of at most 100 characters.");
        assertThatThrownBy(() -> fixture.accounts.signUp(ALPHA, "huge@example.com", PASSWORD, "n".repeat(10_000)))
                .hasMessage("Use a name of at most 100 characters.");
        assertThatThrownBy(() -> fixture.accounts.signUp(ALPHA, "blank@example.com", PASSWORD, "   "))
                .hasMessage("Enter your name.");
        assertThatThrownBy(() -> fixture.accounts.signUp(ALPHA, "ctl@example.com", PASSWORD, "Ada\nLovelace"))
                .hasMessage("Use a name without line breaks or tabs.");
        assertThat(fixture.sql.column("SELECT email FROM account")).containsExactly("ok@example.com");
    }

    @Test
    void weakPasswordsStopSignUpAndStoreNothing(AccountsFixture fixture) {
        assertThatThrownBy(() -> fixture.accounts.signUp(ALPHA, "ada@example.com", "password123", "Ada"))
                .hasMessage("This password is too common; choose another.");
        assertThatThrownBy(() -> fixture.accounts.signUp(ALPHA, "ada@example.com", "x".repeat(10_240), "Ada"))
                .hasMessage("Use at most 256 characters.");
        assertThat(fixture.sql.column("SELECT count(*) FROM account")).containsExactly("0");
    }
}
