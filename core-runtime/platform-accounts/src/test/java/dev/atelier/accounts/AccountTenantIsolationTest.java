package dev.atelier.accounts;

import static dev.atelier.accounts.AccountsFixture.ALPHA;
import static dev.atelier.accounts.AccountsFixture.BETA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.accounts.internal.AccountEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Accounts are per tenant: the same email twice is two accounts, and nothing of one tenant works at another. */
@ExtendWith(AccountsFixture.Extension.class)
class AccountTenantIsolationTest {

    private static final String EMAIL = "ada@example.com";

    @Test
    void theSameEmailAtTwoTenantsIsTwoUnrelatedAccounts(AccountsFixture fixture) {
        SignUp atAlpha = fixture.accounts.signUp(ALPHA, EMAIL, "violet lantern orbit", "Ada at Alpha");
        SignUp atBeta = fixture.accounts.signUp(BETA, EMAIL, "copper meadow signal", "Ada at Beta");

        assertThat(atAlpha.account().id()).isNotEqualTo(atBeta.account().id());
        assertThat(fixture.accounts.signIn(ALPHA, EMAIL, "violet lantern orbit")).get().extracting(Account::displayName)
                .isEqualTo("Ada at Alpha");
        assertThat(fixture.accounts.signIn(BETA, EMAIL, "copper meadow signal")).get().extracting(Account::displayName)
                .isEqualTo("Ada at Beta");
        assertThat(fixture.accounts.signIn(ALPHA, EMAIL, "copper meadow signal")).isEmpty();
        assertThat(fixture.accounts.signIn(BETA, EMAIL, "violet lantern orbit")).isEmpty();
    }

    @Test
    void aTenantCannotSeeAnotherTenantsAccountThroughTheScope(AccountsFixture fixture) {
        Account ada = fixture.accounts.signUp(ALPHA, EMAIL, "violet lantern orbit", "Ada").account();

        fixture.scope.read(BETA, em -> {
            assertThat(em.find(AccountEntity.class, ada.id())).isNull();
            assertThat(em.createQuery("SELECT a FROM AccountEntity a", AccountEntity.class).getResultList()).isEmpty();
            return null;
        });
        assertThat(fixture.accounts.find(BETA, ada.id())).isEmpty();
        assertThat(fixture.accounts.findByEmail(BETA, EMAIL)).isEmpty();
        assertThat(fixture.accounts.find(ALPHA, ada.id())).isPresent();
    }

    @Test
    void tokensOfOneTenantDoNothingAtAnother(AccountsFixture fixture) {
        SignUp ada = fixture.accounts.signUp(ALPHA, EMAIL, "violet lantern orbit", "Ada");
        String reset = fixture.accounts.requestPasswordReset(ALPHA, EMAIL).orElseThrow();

        assertThat(fixture.accounts.verifyEmail(BETA, ada.verificationToken())).isEmpty();
        assertThat(fixture.accounts.resetPassword(BETA, reset, "copper meadow signal")).isEmpty();
        assertThat(fixture.accounts.changePassword(BETA, ada.account().id(), "violet lantern orbit", "copper meadow signal"))
                .isFalse();
        assertThat(fixture.accounts.requestPasswordReset(BETA, EMAIL)).isEmpty();

        assertThat(fixture.accounts.verifyEmail(ALPHA, ada.verificationToken())).isPresent();
        assertThat(fixture.accounts.resetPassword(ALPHA, reset, "copper meadow signal")).isPresent();
    }
}
