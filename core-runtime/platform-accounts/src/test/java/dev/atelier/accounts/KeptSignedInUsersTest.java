package dev.atelier.accounts;

import static dev.atelier.accounts.AccountsFixture.ALPHA;
import static dev.atelier.accounts.AccountsFixture.BETA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.accounts.audit.AdminAudit;
import dev.atelier.accounts.audit.AuditActor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signed-in users kept in memory between requests: reused without the database, yet a session that ended, an API token
 * that was revoked or an account that changed through the account services is seen on the very next request.
 */
@ExtendWith(AccountsFixture.Extension.class)
class KeptSignedInUsersTest {

    private static final String PASSWORD = "violet lantern orbit";

    private AccountsFixture fixture;
    private AccountChanges changes;
    private Accounts accounts;
    private Sessions sessions;
    private TenantAdmins admins;
    private ApiTokens tokens;
    private SignedInUsers users;

    @BeforeEach
    void start(AccountsFixture fixture) {
        this.fixture = fixture;
        changes = new AccountChanges();
        accounts = new Accounts(fixture.scope, AccountsFixture.POLICY, new PasswordHasher(1024, 1, 1), fixture.clock,
                changes);
        sessions = new Sessions(fixture.scope, fixture.clock, Duration.ofHours(1), Duration.ofHours(24), changes);
        admins = new TenantAdmins(fixture.scope, fixture.tenants(), fixture.clock, changes);
        tokens = new ApiTokens(fixture.scope, fixture.clock, ApiTokens.DEFAULT_RECENT_SIGN_IN, changes);
        users = new SignedInUsers(fixture.scope, sessions, tokens, admins, fixture.clock, Duration.ofMinutes(1),
                changes);
    }

    @Test
    void aKeptUserIsReusedWithoutReadingTheDatabase() {
        SignUp ada = accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");
        String cookie = signIn(ada);
        assertThat(users.resolve(ALPHA, cookie).orElseThrow().account().displayName()).isEqualTo("Ada");

        // Behind the services' back: only a kept user still shows the old name.
        fixture.sql.execute("UPDATE account SET display_name = 'Changed' WHERE id = ?", ada.account().id());
        assertThat(users.resolve(ALPHA, cookie).orElseThrow().account().displayName()).isEqualTo("Ada");
    }

    @Test
    void aSessionSignedOutIsRefusedOnTheNextRequest() {
        SignUp ada = accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");
        String cookie = signIn(ada);
        assertThat(users.resolve(ALPHA, cookie)).isPresent();

        sessions.revoke(ALPHA, cookie);

        assertThat(users.resolve(ALPHA, cookie)).isEmpty();
    }

    @Test
    void everyWayOfEndingSessionsIsSeenOnTheNextRequest() {
        SignUp ada = accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");
        String kept = signIn(ada);
        String other = signIn(ada);
        String fromList = signIn(ada);
        String rotated = signIn(ada);
        List.of(kept, other, fromList, rotated).forEach(cookie -> assertThat(users.resolve(ALPHA, cookie)).isPresent());

        sessions.revokeOthers(ALPHA, kept);
        assertThat(users.resolve(ALPHA, other)).isEmpty();
        assertThat(users.resolve(ALPHA, fromList)).isEmpty();
        assertThat(users.resolve(ALPHA, kept)).isPresent();

        String second = signIn(ada);
        assertThat(users.resolve(ALPHA, second)).isPresent();
        sessions.revoke(ALPHA, ada.account().id(), users.resolve(ALPHA, second).orElseThrow().session().id());
        assertThat(users.resolve(ALPHA, second)).isEmpty();

        String renewed = sessions.rotate(ALPHA, kept).orElseThrow().cookieValue();
        assertThat(users.resolve(ALPHA, kept)).isEmpty();
        assertThat(users.resolve(ALPHA, renewed)).isPresent();

        sessions.revokeAllFor(ALPHA, ada.account().id());
        assertThat(users.resolve(ALPHA, renewed)).isEmpty();
    }

    @Test
    void provingTheEmailEndsKeptSessions() {
        SignUp ada = accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");
        String beforeVerifying = signIn(ada);
        assertThat(users.resolve(ALPHA, beforeVerifying).orElseThrow().account().emailVerified()).isFalse();

        accounts.verifyEmail(ALPHA, ada.verificationToken());
        assertThat(users.resolve(ALPHA, beforeVerifying)).isEmpty();

        String beforeReset = signIn(ada);
        assertThat(users.resolve(ALPHA, beforeReset).orElseThrow().account().emailVerified()).isTrue();
        String reset = accounts.requestPasswordReset(ALPHA, "ada@example.com").orElseThrow();
        accounts.resetPassword(ALPHA, reset, "copper meadow signal");
        assertThat(users.resolve(ALPHA, beforeReset)).isEmpty();
    }

    @Test
    void anErasedAccountIsSignedOutOnTheNextRequest() {
        SignUp ada = accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");
        String cookie = signIn(ada);
        assertThat(users.resolve(ALPHA, cookie)).isPresent();
        PersonalData personalData = new PersonalData(fixture.scope, accounts, new ExternalSignIns(fixture.scope,
                fixture.clock, changes), sessions, new ApiTokens(fixture.scope, fixture.clock),
                new Consents(fixture.scope, fixture.clock), List.of());

        personalData.erase(ALPHA, ada.account().id());

        assertThat(users.resolve(ALPHA, cookie)).isEmpty();
    }

    @Test
    void aNewNameAndAnAdminGrantShowOnTheNextRequest() {
        SignUp ada = accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");
        accounts.verifyEmail(ALPHA, ada.verificationToken());
        String cookie = signIn(ada);
        assertThat(users.resolve(ALPHA, cookie).orElseThrow().admin()).isFalse();

        accounts.updateDisplayName(ALPHA, ada.account().id(), "Ada Lovelace");
        assertThat(users.resolve(ALPHA, cookie).orElseThrow().account().displayName()).isEqualTo("Ada Lovelace");

        admins.grant(ALPHA, "ada@example.com");
        assertThat(users.resolve(ALPHA, cookie).orElseThrow().admin()).isTrue();
    }

    @Test
    void aChangeAnotherNodeAnnouncesDropsTheKeptUser() {
        SignUp ada = accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");
        String cookie = signIn(ada);
        assertThat(users.resolve(ALPHA, cookie)).isPresent();

        // Another node signed the session out: the row says so, and its event arrives here.
        fixture.sql.execute("UPDATE account_session SET revoked_at = now() WHERE account_id = ?", ada.account().id());
        users.forget(ALPHA, ada.account().id(), null);

        assertThat(users.resolve(ALPHA, cookie)).isEmpty();
    }

    @Test
    void aKeptUserBelongsToItsTenantOnly() {
        SignUp ada = accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");
        String cookie = signIn(ada);
        assertThat(users.resolve(ALPHA, cookie)).isPresent();

        assertThat(users.resolve(BETA, cookie)).isEmpty();
        assertThat(users.resolve(ALPHA, cookie)).isPresent();
    }

    @Test
    void aKeptSessionStillEndsWhenUnusedTooLong() {
        SignUp ada = accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");
        String cookie = signIn(ada);
        assertThat(users.resolve(ALPHA, cookie)).isPresent();

        fixture.clock.advance(Duration.ofMinutes(61));

        assertThat(users.resolve(ALPHA, cookie)).isEmpty();
    }

    @Test
    void aKeptApiTokenIsReusedWithoutReadingTheDatabaseAndRefusedOnceRevoked() {
        SignUp ada = verified("ada@example.com");
        NewApiToken token = tokens.create(ALPHA, ada.account().id(), "script");
        assertThat(users.resolveToken(ALPHA, token.token()).orElseThrow().account().id())
                .isEqualTo(ada.account().id());
        assertThat(users.resolveToken(ALPHA, token.token()).orElseThrow().session()).isNull();

        // Behind the services' back: only a kept token still works.
        fixture.sql.execute("UPDATE account SET display_name = 'Changed' WHERE id = ?", ada.account().id());
        assertThat(users.resolveToken(ALPHA, token.token()).orElseThrow().account().displayName()).isEqualTo("Ada");

        assertThat(tokens.revoke(ALPHA, ada.account().id(), token.info().id())).isTrue();
        assertThat(users.resolveToken(ALPHA, token.token())).isEmpty();
    }

    @Test
    void everyWayOfEndingTokensIsSeenOnTheNextRequest() {
        SignUp ada = verified("ada@example.com");
        NewApiToken beforeReset = tokens.create(ALPHA, ada.account().id(), "before reset");
        assertThat(users.resolveToken(ALPHA, beforeReset.token())).isPresent();
        String reset = accounts.requestPasswordReset(ALPHA, "ada@example.com").orElseThrow();
        accounts.resetPassword(ALPHA, reset, "copper meadow signal");
        assertThat(users.resolveToken(ALPHA, beforeReset.token())).isEmpty();

        NewApiToken beforeSuspension = tokens.create(ALPHA, ada.account().id(), "before suspension");
        assertThat(users.resolveToken(ALPHA, beforeSuspension.token())).isPresent();
        new AccountSuspensions(fixture.scope, fixture.clock, new AdminAudit(fixture.scope, fixture.clock), changes)
                .suspend(ALPHA, ada.account().id(), new AuditActor("acc_admin", "admin@example.com", "req_1"), "abuse");
        assertThat(users.resolveToken(ALPHA, beforeSuspension.token())).isEmpty();
    }

    @Test
    void aKeptTokenBelongsToItsTenantAndIsReadAgainWhenItsUseIsDue() {
        SignUp ada = verified("ada@example.com");
        NewApiToken token = tokens.create(ALPHA, ada.account().id(), "script");
        assertThat(users.resolveToken(ALPHA, token.token())).isPresent();
        assertThat(users.resolveToken(BETA, token.token())).isEmpty();
        assertThat(users.resolveToken(ALPHA, "atl_" + "x".repeat(43))).isEmpty();

        // Past the once-a-minute touch, the kept token is read again and its use written down.
        fixture.clock.advance(Duration.ofMinutes(2));
        assertThat(users.resolveToken(ALPHA, token.token())).isPresent();
        assertThat(tokens.list(ALPHA, ada.account().id()).get(0).lastUsedAt()).isEqualTo(fixture.clock.instant());
    }

    private SignUp verified(String email) {
        SignUp signUp = accounts.signUp(ALPHA, email, PASSWORD, "Ada");
        accounts.verifyEmail(ALPHA, signUp.verificationToken());
        return signUp;
    }

    private String signIn(SignUp signUp) {
        return sessions.start(ALPHA, signUp.account().id(), "test", "127.0.0.1").cookieValue();
    }
}
