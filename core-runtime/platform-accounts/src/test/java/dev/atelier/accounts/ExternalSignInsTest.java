package dev.atelier.accounts;

import static dev.atelier.accounts.AccountsFixture.ALPHA;
import static dev.atelier.accounts.AccountsFixture.BETA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.accounts.ExternalSignIn.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signing in with Google: known identities, linking by confirmed email only, new accounts, tenants kept apart. */
@ExtendWith(AccountsFixture.Extension.class)
class ExternalSignInsTest {

    private AccountsFixture fixture;
    private ExternalSignIns external;

    @BeforeEach
    void start(AccountsFixture fixture) {
        this.fixture = fixture;
        external = new ExternalSignIns(fixture.scope, fixture.clock);
    }

    @Test
    void aFirstSignInWithAConfirmedNewEmailCreatesAVerifiedAccountWithoutPassword() {
        ExternalSignIn first = external.signIn(ALPHA, "google", "sub-1", " Ada@Example.com", true, " Ada L. ");

        assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
        Account account = first.account();
        assertThat(account.email()).isEqualTo("ada@example.com");
        assertThat(account.displayName()).isEqualTo("Ada L.");
        assertThat(account.emailVerified()).isTrue();
        assertThat(account.hasPassword()).isFalse();
        assertThat(account.tenantId()).isEqualTo(ALPHA);
        assertThat(fixture.accounts.signIn(ALPHA, "ada@example.com", "")).isEmpty();
        assertThat(external.identities(ALPHA, account.id())).singleElement().satisfies(identity -> {
            assertThat(identity.provider()).isEqualTo("google");
            assertThat(identity.email()).isEqualTo("ada@example.com");
            assertThat(identity.createdAt()).isEqualTo(fixture.clock.instant());
        });
    }

    @Test
    void aKnownIdentitySignsInItsAccountWhateverTheEmailSaysNow() {
        Account created = external.signIn(ALPHA, "google", "sub-1", "ada@example.com", true, "Ada").account();
        fixture.clock.advance(Duration.ofDays(3));

        ExternalSignIn again = external.signIn(ALPHA, "google", "sub-1", "other@example.com", false, "Someone");

        assertThat(again.outcome()).isEqualTo(Outcome.EXISTING);
        assertThat(again.account()).isEqualTo(created);
        assertThat(fixture.accounts.findByEmail(ALPHA, "other@example.com")).isEmpty();
    }

    @Test
    void aNameFromTheProviderIsCleanedAndFallsBackToTheEmailsLocalPart() {
        Account unnamed = external.signIn(ALPHA, "google", "sub-1", "grace.hopper@example.com", true, "  ")
                .account();
        Account messy = external.signIn(ALPHA, "google", "sub-2", "ada@example.com", true,
                "Ada\nLovelace" + "x".repeat(200)).account();

        assertThat(unnamed.displayName()).isEqualTo("grace.hopper");
        assertThat(messy.displayName()).startsWith("Ada Lovelace").hasSize(Accounts.MAX_DISPLAY_NAME_LENGTH);
    }

    @Test
    void aConfirmedEmailOfAVerifiedAccountLinksTheIdentityAndKeepsThePassword() {
        SignUp signUp = fixture.accounts.signUp(ALPHA, "ada@example.com", "violet lantern orbit", "Ada");
        fixture.accounts.verifyEmail(ALPHA, signUp.verificationToken());

        ExternalSignIn linked = external.signIn(ALPHA, "google", "sub-1", "ADA@example.com", true, "Ada G");

        assertThat(linked.outcome()).isEqualTo(Outcome.LINKED);
        assertThat(linked.account().id()).isEqualTo(signUp.account().id());
        assertThat(linked.account().displayName()).isEqualTo("Ada");
        assertThat(linked.account().hasPassword()).isTrue();
        assertThat(fixture.accounts.signIn(ALPHA, "ada@example.com", "violet lantern orbit")).isPresent();
        assertThat(external.signIn(ALPHA, "google", "sub-1", null, false, null).outcome())
                .isEqualTo(Outcome.EXISTING);
    }

    @Test
    void linkingAnUnverifiedAccountVerifiesItAndDropsThePasswordSomeoneElseMayHaveSet() {
        SignUp squatter = fixture.accounts.signUp(ALPHA, "ada@example.com", "violet lantern orbit", "Not Ada");
        Sessions sessions = new Sessions(fixture.scope, fixture.clock, Duration.ofDays(1), Duration.ofDays(30));
        String cookie = sessions.start(ALPHA, squatter.account().id(), "curl", "10.0.0.1").cookieValue();

        ExternalSignIn linked = external.signIn(ALPHA, "google", "sub-1", "ada@example.com", true, "Ada");

        assertThat(linked.outcome()).isEqualTo(Outcome.LINKED);
        assertThat(linked.account().emailVerified()).isTrue();
        assertThat(linked.account().hasPassword()).isFalse();
        assertThat(fixture.accounts.signIn(ALPHA, "ada@example.com", "violet lantern orbit")).isEmpty();
        assertThat(sessions.resolve(ALPHA, cookie)).isEmpty();
    }

    @Test
    void anUnconfirmedOrMissingEmailIsRefusedAndStoresNothing() {
        fixture.accounts.signUp(ALPHA, "ada@example.com", "violet lantern orbit", "Ada");

        assertThatThrownBy(() -> external.signIn(ALPHA, "google", "sub-1", "ada@example.com", false, "Ada"))
                .isInstanceOf(ExternalSignInRefusedException.class).hasMessageContaining("did not confirm");
        assertThatThrownBy(() -> external.signIn(ALPHA, "google", "sub-2", null, true, "Ada"))
                .isInstanceOf(ExternalSignInRefusedException.class);
        assertThatThrownBy(() -> external.signIn(ALPHA, "google", "sub-3", "new@example.com", false, "New"))
                .isInstanceOf(ExternalSignInRefusedException.class);
        assertThatThrownBy(() -> external.signIn(ALPHA, "google", "sub-4", "not an email", true, "New"))
                .isInstanceOf(ExternalSignInRefusedException.class);

        assertThat(fixture.sql.column("SELECT count(*) FROM account_identity")).containsExactly("0");
        assertThat(fixture.accounts.findByEmail(ALPHA, "new@example.com")).isEmpty();
        assertThat(fixture.accounts.findByEmail(ALPHA, "ada@example.com").orElseThrow().emailVerified()).isFalse();
    }

    @Test
    void anotherTenantNeitherSeesNorLinksNorReusesTheIdentity() {
        Account alphaAda = external.signIn(ALPHA, "google", "sub-1", "ada@example.com", true, "Ada").account();

        ExternalSignIn betaAda = external.signIn(BETA, "google", "sub-1", "ada@example.com", true, "Ada");

        assertThat(betaAda.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(betaAda.account().id()).isNotEqualTo(alphaAda.id());
        assertThat(betaAda.account().tenantId()).isEqualTo(BETA);
        assertThat(external.identities(BETA, alphaAda.id())).isEmpty();
        assertThat(external.identities(ALPHA, alphaAda.id())).hasSize(1);
    }

    @Test
    void twoFirstSignInsAtOnceEndWithOneAccountAndOneIdentity() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ExternalSignIn>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attempts.add(() -> external.signIn(ALPHA, "google", "sub-1", "ada@example.com", true, "Ada"));
            }
            List<String> ids = new ArrayList<>();
            for (Future<ExternalSignIn> result : pool.invokeAll(attempts)) {
                ids.add(result.get().account().id());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixture.sql.column("SELECT count(*) FROM account")).containsExactly("1");
        assertThat(fixture.sql.column("SELECT count(*) FROM account_identity")).containsExactly("1");
    }
}
