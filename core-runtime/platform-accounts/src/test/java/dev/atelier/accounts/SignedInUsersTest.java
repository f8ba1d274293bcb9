package dev.atelier.accounts;

import static dev.atelier.accounts.AccountsFixture.ALPHA;
import static dev.atelier.accounts.AccountsFixture.BETA;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The per-request lookup of a session cookie: session, account and admin flag together, within one tenant. */
@ExtendWith(AccountsFixture.Extension.class)
class SignedInUsersTest {

    private AccountsFixture fixture;
    private Sessions sessions;
    private TenantAdmins admins;
    private SignedInUsers users;

    @BeforeEach
    void start(AccountsFixture fixture) {
        this.fixture = fixture;
        sessions = new Sessions(fixture.scope, fixture.clock, Duration.ofHours(1), Duration.ofHours(24));
        admins = new TenantAdmins(fixture.scope, fixture.tenants(), fixture.clock);
        users = new SignedInUsers(fixture.scope, sessions, admins, fixture.clock);
    }

    @Test
    void findsTheAccountAndWhetherItIsAnAdmin() {
        SignUp ada = fixture.accounts.signUp(ALPHA, "ada@example.com", "violet lantern orbit", "Ada");
        fixture.accounts.verifyEmail(ALPHA, ada.verificationToken());
        String cookie = sessions.start(ALPHA, ada.account().id(), "test", "127.0.0.1").cookieValue();

        SignedInUsers.SignedInUser user = users.resolve(ALPHA, cookie).orElseThrow();
        assertThat(user.account().email()).isEqualTo("ada@example.com");
        assertThat(user.admin()).isFalse();

        admins.grant(ALPHA, "ada@example.com");
        assertThat(users.resolve(ALPHA, cookie).orElseThrow().admin()).isTrue();
    }

    @Test
    void anEndedExpiredOrForeignSessionIsNobody() {
        SignUp ada = fixture.accounts.signUp(ALPHA, "ada@example.com", "violet lantern orbit", "Ada");
        String revoked = sessions.start(ALPHA, ada.account().id(), "test", null).cookieValue();
        String idle = sessions.start(ALPHA, ada.account().id(), "test", null).cookieValue();
        sessions.revoke(ALPHA, revoked);

        assertThat(users.resolve(ALPHA, revoked)).isEmpty();
        assertThat(users.resolve(BETA, idle)).isEmpty();
        assertThat(users.resolve(ALPHA, "not a cookie")).isEmpty();

        fixture.clock.advance(Duration.ofMinutes(61));
        assertThat(users.resolve(ALPHA, idle)).isEmpty();
    }

    @Test
    void useIsWrittenDownAtMostOnceAMinute() {
        SignUp ada = fixture.accounts.signUp(ALPHA, "ada@example.com", "violet lantern orbit", "Ada");
        String cookie = sessions.start(ALPHA, ada.account().id(), "test", null).cookieValue();
        var before = users.resolve(ALPHA, cookie).orElseThrow().session().lastSeenAt();

        fixture.clock.advance(Duration.ofSeconds(30));
        assertThat(users.resolve(ALPHA, cookie).orElseThrow().session().lastSeenAt()).isEqualTo(before);

        fixture.clock.advance(Duration.ofSeconds(45));
        assertThat(users.resolve(ALPHA, cookie).orElseThrow().session().lastSeenAt()).isAfter(before);
    }
}
