package dev.atelier.accounts;

import static dev.atelier.accounts.AccountsFixture.ALPHA;
import static dev.atelier.accounts.AccountsFixture.BETA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tenant admins: granted by operators or tenant.yaml, effective only for verified emails of that tenant. */
@ExtendWith(AccountsFixture.Extension.class)
class TenantAdminsTest {

    private AccountsFixture fixture;
    private TenantAdmins admins;

    @BeforeEach
    void start(AccountsFixture fixture) {
        this.fixture = fixture;
        fixture.sql.execute("UPDATE tenant SET document = ? WHERE id = ?",
                "{\"admins\": [\" Owner@Example.com\", \"support@example.com\"]}", ALPHA);
        admins = new TenantAdmins(fixture.scope, fixture.tenants(), fixture.clock);
    }

    @Test
    void aGrantedEmailIsAnAdminOnceVerified() {
        admins.grant(ALPHA, " Ada@Example.com ");
        SignUp ada = fixture.accounts.signUp(ALPHA, "ada@example.com", "violet lantern orbit", "Ada");

        assertThat(admins.isAdmin(ada.account())).isFalse();

        Account verified = fixture.accounts.verifyEmail(ALPHA, ada.verificationToken()).orElseThrow();
        assertThat(admins.isAdmin(verified)).isTrue();
    }

    @Test
    void theTenantFilesAdminListGrantsToo() {
        SignUp owner = fixture.accounts.signUp(ALPHA, "owner@example.com", "violet lantern orbit", "Owner");
        SignUp other = fixture.accounts.signUp(ALPHA, "other@example.com", "copper meadow signal", "Other");

        assertThat(admins.isAdmin(owner.account())).isFalse();
        assertThat(admins.isAdmin(fixture.accounts.verifyEmail(ALPHA, owner.verificationToken()).orElseThrow()))
                .isTrue();
        assertThat(admins.isAdmin(fixture.accounts.verifyEmail(ALPHA, other.verificationToken()).orElseThrow()))
                .isFalse();
    }

    @Test
    void grantingTwiceIsHarmlessAndTheListJoinsBothSourcesSorted() {
        admins.grant(ALPHA, "zed@example.com");
        admins.grant(ALPHA, "ZED@example.com");
        admins.grant(ALPHA, "support@example.com");

        assertThat(admins.list(ALPHA)).containsExactly("owner@example.com", "support@example.com", "zed@example.com");
        assertThat(admins.list(BETA)).isEmpty();
    }

    @Test
    void aGrantAtOneTenantMeansNothingAtAnother() {
        admins.grant(ALPHA, "ada@example.com");
        SignUp betaAda = fixture.accounts.signUp(BETA, "ada@example.com", "violet lantern orbit", "Ada");
        Account verified = fixture.accounts.verifyEmail(BETA, betaAda.verificationToken()).orElseThrow();
        SignUp betaOwner = fixture.accounts.signUp(BETA, "owner@example.com", "violet lantern orbit", "Owner");

        assertThat(admins.isAdmin(verified)).isFalse();
        assertThat(admins.isAdmin(fixture.accounts.verifyEmail(BETA, betaOwner.verificationToken()).orElseThrow()))
                .isFalse();
    }

    @Test
    void aMalformedEmailIsRefused() {
        assertThatThrownBy(() -> admins.grant(ALPHA, "not an email")).isInstanceOf(InvalidAccountInputException.class);
        assertThat(admins.list(ALPHA)).containsExactly("owner@example.com", "support@example.com");
    }
}
