package dev.atelier.accounts;

import static dev.atelier.accounts.AccountsFixture.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AccountsFixture.Extension.class)
class AccountSignUpTest {

    private static final String PASSWORD = "violet lantern orbit";

    private AccountsFixture fixture;
    private Accounts accounts;

    @BeforeEach
    void start(AccountsFixture fixture) {
        this.fixture = fixture;
        accounts = fixture.accounts;
    }

    @Test
    void signUpThenVerifyThenSignIn() {
        SignUp signUp = accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");

        assertThat(signUp.account().id()).matches("acc_[0-9a-f]{32}");
        assertThat(signUp.account().emailVerified()).isFalse();
        assertThat(signUp.account().createdAt()).isEqualTo(fixture.clock.instant());
        assertThat(signUp.verificationToken()).matches("[A-Za-z0-9_-]{43}");

        Account verified = accounts.verifyEmail(ALPHA, signUp.verificationToken()).orElseThrow();
        assertThat(verified.emailVerified()).isTrue();

        assertThat(accounts.signIn(ALPHA, "ada@example.com", PASSWORD)).get()
                .extracting(Account::id, Account::emailVerified).containsExactly(signUp.account().id(), true);
    }

    @Test
    void storesOnlyHashesOfPasswordsAndTokens() {
        SignUp signUp = accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");

        assertThat(fixture.sql.column("SELECT password_hash FROM account")).singleElement().asString()
                .startsWith("$argon2id$").doesNotContain(PASSWORD);
        assertThat(fixture.sql.column("SELECT token_hash FROM account_token")).singleElement().asString()
                .matches("[0-9a-f]{64}").isNotEqualTo(signUp.verificationToken());
        assertThat(fixture.sql.column("SELECT extract(epoch FROM expires_at)::bigint FROM account_token"))
                .containsExactly(String.valueOf(fixture.clock.instant().plus(Duration.ofHours(24)).getEpochSecond()));
    }

    @Test
    void verificationLinkWorksOnlyOnce() {
        SignUp signUp = accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");

        assertThat(accounts.verifyEmail(ALPHA, signUp.verificationToken())).isPresent();
        assertThat(accounts.verifyEmail(ALPHA, signUp.verificationToken())).isEmpty();
        assertThat(accounts.verifyEmail(ALPHA, "not-a-token")).isEmpty();
    }

    @Test
    void verificationLinkExpiresAfterADay() {
        SignUp early = accounts.signUp(ALPHA, "early@example.com", PASSWORD, "Early");
        SignUp late = accounts.signUp(ALPHA, "late@example.com", PASSWORD, "Late");

        fixture.clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(accounts.verifyEmail(ALPHA, early.verificationToken())).isPresent();
        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(accounts.verifyEmail(ALPHA, late.verificationToken())).isEmpty();
        assertThat(accounts.find(ALPHA, late.account().id())).get().extracting(Account::emailVerified)
                .isEqualTo(false);
    }

    @Test
    void unverifiedAccountsCanAskForAFreshVerificationLink() {
        SignUp signUp = accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");
        fixture.clock.advance(Duration.ofDays(2));

        String fresh = accounts.requestVerification(ALPHA, signUp.account().id()).orElseThrow();

        assertThat(accounts.verifyEmail(ALPHA, fresh)).isPresent();
        assertThat(accounts.requestVerification(ALPHA, signUp.account().id())).isEmpty();
    }

    @Test
    void emailsAreStoredTrimmedNfkcNormalizedAndLowerCased() {
        Account account = accounts.signUp(ALPHA, "  Ada.Lovelace@Example.COM ", PASSWORD, "Ada").account();

        assertThat(account.email()).isEqualTo("ada.lovelace@example.com");
        // Fullwidth letters (as some phone keyboards type them) are the same address after NFKC.
        assertThatThrownBy(() -> accounts.signUp(ALPHA, "ＡＤＡ.lovelace@example.com", PASSWORD, "Other"))
                .isInstanceOf(EmailTakenException.class);
        assertThat(accounts.signIn(ALPHA, "ADA.LOVELACE@example.com", PASSWORD)).isPresent();
        assertThat(fixture.sql.column("SELECT email FROM account")).containsExactly("ada.lovelace@example.com");
    }

    @Test
    void aSecondSignUpWithTheSameEmailInTheTenantIsATypedError() {
        accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");

        assertThatThrownBy(() -> accounts.signUp(ALPHA, "Ada@Example.com", "another fine passphrase", "Imposter"))
                .isInstanceOf(EmailTakenException.class);
        assertThat(fixture.sql.column("SELECT display_name FROM account")).containsExactly("Ada");
    }

    @Test
    void malformedOrOverlongEmailsAreRefusedWithAClearMessage() {
        for (String bad : new String[] {"", "ada", "ada@", "@example.com", "ada@example", "ada lovelace@example.com",
                "ada@@example.com", ".ada@example.com", "ada..l@example.com", "ada@-example.com", "<a>@example.com"}) {
            assertThatThrownBy(() -> accounts.signUp(ALPHA, bad, PASSWORD, "Ada")).as(bad)
                    .isInstanceOf(InvalidAccountInputException.class)
                    .extracting(e -> ((InvalidAccountInputException) e).field()).isEqualTo("email");
        }
        String longest = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".io";
        assertThat(longest).hasSize(254);
        assertThat(accounts.signUp(ALPHA, longest, PASSWORD, "Long").account().email()).isEqualTo(longest);
        assertThatThrownBy(() -> accounts.signUp(ALPHA, "x" + longest, PASSWORD, "Longer"))
                .hasMessage("Use an email address of at most 254 characters.");
        assertThatThrownBy(() -> accounts.signUp(ALPHA, "ada", PASSWORD, "Ada"))
                .hasMessage("Enter an email address like name@example.com.");
        assertThat(fixture.sql.column("SELECT count(*) FROM account")).containsExactly("1");
    }

    @Test
    void internationalEmailAddressesAreAccepted() {
        assertThat(accounts.signUp(ALPHA, "José@Exämple.de", PASSWORD, "José").account().email())
                .isEqualTo("josé@exämple.de");
    }

    @Test
    void sqlAndHtmlInDisplayNamesAreStoredVerbatim() {
        String html = "<script>alert('hi')</script> & \"friends\"";
        String sql = "Robert'); DROP TABLE account;--";

        Account first = accounts.signUp(ALPHA, "html@example.com", PASSWORD, html).account();
        Account second = accounts.signUp(ALPHA, "sql@example.com", PASSWORD, sql).account();

        assertThat(first.displayName()).isEqualTo(html);
        assertThat(accounts.find(ALPHA, second.id())).get().extracting(Account::displayName).isEqualTo(sql);
        assertThat(fixture.sql.column("SELECT display_name FROM account ORDER BY email")).containsExactly(html, sql);
    }

    @Test
    void displayNamesAreLengthLimitedWithAClearError() {
        assertThat(accounts.signUp(ALPHA, "ok@example.com", PASSWORD, "  " + "n".repeat(100) + " ").account()
                .displayName()).isEqualTo("n".repeat(100));

        assertThatThrownBy(() -> accounts.signUp(ALPHA, "long@example.com", PASSWORD, "n".repeat(101)))
                .isInstanceOf(InvalidAccountInputException.class)
                .hasMessage("Use a name of at most 100 characters.");
        assertThatThrownBy(() -> accounts.signUp(ALPHA, "huge@example.com", PASSWORD, "n".repeat(10_000)))
                .hasMessage("Use a name of at most 100 characters.");
        assertThatThrownBy(() -> accounts.signUp(ALPHA, "blank@example.com", PASSWORD, "   "))
                .hasMessage("Enter your name.");
        assertThatThrownBy(() -> accounts.signUp(ALPHA, "ctl@example.com", PASSWORD, "Ada\nLovelace"))
                .hasMessage("Use a name without line breaks or tabs.");
        assertThat(fixture.sql.column("SELECT email FROM account")).containsExactly("ok@example.com");
    }

    @Test
    void weakPasswordsStopSignUpAndStoreNothing() {
        assertThatThrownBy(() -> accounts.signUp(ALPHA, "ada@example.com", "password123", "Ada"))
                .hasMessage("This password is too common; choose another.");
        assertThatThrownBy(() -> accounts.signUp(ALPHA, "ada@example.com", "x".repeat(10_240), "Ada"))
                .hasMessage("Use at most 256 characters.");
        assertThat(fixture.sql.column("SELECT count(*) FROM account")).containsExactly("0");
    }
}
