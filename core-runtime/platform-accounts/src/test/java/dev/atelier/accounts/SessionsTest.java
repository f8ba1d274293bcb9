package dev.atelier.accounts;

import static dev.atelier.accounts.AccountsFixture.ALPHA;
import static dev.atelier.accounts.AccountsFixture.BETA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Server-side sessions: what a browser's cookie can and cannot do, over time and across tenants. */
@ExtendWith(AccountsFixture.Extension.class)
class SessionsTest {

    private static final Duration IDLE = Duration.ofDays(14);
    private static final Duration ABSOLUTE = Duration.ofDays(30);
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0";

    private AccountsFixture fixture;
    private Sessions sessions;
    private String ada;

    @BeforeEach
    void start(AccountsFixture fixture) {
        this.fixture = fixture;
        sessions = new Sessions(fixture.scope, fixture.clock, IDLE, ABSOLUTE);
        ada = fixture.accounts.signUp(ALPHA, "ada@example.com", "violet lantern orbit", "Ada").account().id();
    }

    @Test
    void aStartedSessionResolvesToItsAccountWithItsDetails() {
        Instant signIn = fixture.clock.instant();
        NewSession session = sessions.start(ALPHA, ada, BROWSER, "203.0.113.7");

        SessionInfo info = sessions.resolve(ALPHA, session.cookieValue()).orElseThrow();

        assertThat(session.cookieValue()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(info).isEqualTo(session.info());
        assertThat(info.accountId()).isEqualTo(ada);
        assertThat(info.tenantId()).isEqualTo(ALPHA);
        assertThat(info.userAgent()).isEqualTo(BROWSER);
        assertThat(info.ip()).isEqualTo("203.0.113.7");
        assertThat(info.createdAt()).isEqualTo(signIn);
        assertThat(info.idleExpiresAt()).isEqualTo(signIn.plus(IDLE));
        assertThat(info.absoluteExpiresAt()).isEqualTo(signIn.plus(ABSOLUTE));
        assertThat(session.toString()).doesNotContain(session.cookieValue());
    }

    @Test
    void unknownOrMalformedCookiesSignNobodyIn() {
        sessions.start(ALPHA, ada, BROWSER, null);

        assertThat(sessions.resolve(ALPHA, null)).isEmpty();
        assertThat(sessions.resolve(ALPHA, "")).isEmpty();
        assertThat(sessions.resolve(ALPHA, "x".repeat(43))).isEmpty();
        assertThat(sessions.resolve(ALPHA, "not a cookie; drop table account_session")).isEmpty();
        assertThat(sessions.resolve(ALPHA, "a".repeat(10_000))).isEmpty();
    }

    @Test
    void aSessionEndsAfterTheIdleTimeoutWithoutUse() {
        NewSession used = sessions.start(ALPHA, ada, BROWSER, null);
        NewSession forgotten = sessions.start(ALPHA, ada, "Phone", null);

        fixture.clock.advance(IDLE.minusSeconds(1));
        assertThat(sessions.resolve(ALPHA, used.cookieValue())).isPresent();
        fixture.clock.advance(Duration.ofSeconds(1));

        assertThat(sessions.resolve(ALPHA, forgotten.cookieValue())).isEmpty();
        assertThat(sessions.resolve(ALPHA, used.cookieValue())).isPresent();
        assertThat(sessions.list(ALPHA, ada)).extracting(SessionInfo::id).containsExactly(used.info().id());
    }

    @Test
    void usingASessionSlidesItsIdleExpiryForward() {
        NewSession session = sessions.start(ALPHA, ada, BROWSER, null);

        fixture.clock.advance(Duration.ofDays(10));
        SessionInfo used = sessions.resolve(ALPHA, session.cookieValue()).orElseThrow();
        fixture.clock.advance(Duration.ofDays(10));

        assertThat(used.idleExpiresAt()).isEqualTo(fixture.clock.instant().minus(Duration.ofDays(10)).plus(IDLE));
        assertThat(sessions.resolve(ALPHA, session.cookieValue())).isPresent();
        assertThat(sessions.list(ALPHA, ada)).singleElement().extracting(SessionInfo::lastSeenAt)
                .isEqualTo(fixture.clock.instant());
    }

    @Test
    void usesWithinAMinuteAreNotWrittenDown() {
        NewSession session = sessions.start(ALPHA, ada, BROWSER, null);
        Instant signIn = fixture.clock.instant();

        fixture.clock.advance(Duration.ofSeconds(59));
        sessions.resolve(ALPHA, session.cookieValue()).orElseThrow();
        assertThat(lastSeenInDatabase()).isEqualTo(signIn);

        fixture.clock.advance(Duration.ofSeconds(1));
        sessions.resolve(ALPHA, session.cookieValue()).orElseThrow();
        assertThat(lastSeenInDatabase()).isEqualTo(fixture.clock.instant());
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeEvenWhenInConstantUse() {
        NewSession session = sessions.start(ALPHA, ada, BROWSER, null);

        for (int day = 1; day < 30; day++) {
            fixture.clock.advance(Duration.ofDays(1));
            assertThat(sessions.resolve(ALPHA, session.cookieValue())).as("day %d", day).isPresent();
        }
        SessionInfo lastDay = sessions.resolve(ALPHA, session.cookieValue()).orElseThrow();
        fixture.clock.advance(Duration.ofDays(1));

        assertThat(lastDay.idleExpiresAt()).isEqualTo(lastDay.absoluteExpiresAt());
        assertThat(sessions.resolve(ALPHA, session.cookieValue())).isEmpty();
        assertThat(sessions.list(ALPHA, ada)).isEmpty();
    }

    @Test
    void rotatingGivesANewCookieAndTheOldOneStopsWorking() {
        NewSession old = sessions.start(ALPHA, ada, BROWSER, "203.0.113.7");
        fixture.clock.advance(Duration.ofDays(3));

        NewSession rotated = sessions.rotate(ALPHA, old.cookieValue()).orElseThrow();

        assertThat(rotated.cookieValue()).isNotEqualTo(old.cookieValue());
        assertThat(rotated.info().id()).isNotEqualTo(old.info().id());
        assertThat(sessions.resolve(ALPHA, old.cookieValue())).isEmpty();
        assertThat(sessions.resolve(ALPHA, rotated.cookieValue())).get().extracting(SessionInfo::accountId)
                .isEqualTo(ada);
        assertThat(rotated.info().absoluteExpiresAt()).isEqualTo(old.info().absoluteExpiresAt());
        assertThat(sessions.rotate(ALPHA, old.cookieValue())).isEmpty();
        assertThat(sessions.list(ALPHA, ada)).extracting(SessionInfo::id).containsExactly(rotated.info().id());
    }

    @Test
    void signingOutEndsOnlyThatSession() {
        NewSession laptop = sessions.start(ALPHA, ada, BROWSER, null);
        NewSession phone = sessions.start(ALPHA, ada, "Phone", null);

        assertThat(sessions.revoke(ALPHA, laptop.cookieValue())).isTrue();

        assertThat(sessions.resolve(ALPHA, laptop.cookieValue())).isEmpty();
        assertThat(sessions.resolve(ALPHA, phone.cookieValue())).isPresent();
        assertThat(sessions.revoke(ALPHA, laptop.cookieValue())).isFalse();
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheAccountOnly() {
        String grace = fixture.accounts.signUp(ALPHA, "grace@example.com", "copper meadow signal", "Grace").account()
                .id();
        NewSession laptop = sessions.start(ALPHA, ada, BROWSER, null);
        NewSession phone = sessions.start(ALPHA, ada, "Phone", null);
        NewSession graces = sessions.start(ALPHA, grace, BROWSER, null);

        assertThat(sessions.revokeAllFor(ALPHA, ada)).isEqualTo(2);

        assertThat(sessions.resolve(ALPHA, laptop.cookieValue())).isEmpty();
        assertThat(sessions.resolve(ALPHA, phone.cookieValue())).isEmpty();
        assertThat(sessions.resolve(ALPHA, graces.cookieValue())).isPresent();
        assertThat(sessions.list(ALPHA, ada)).isEmpty();
    }

    @Test
    void signingOutOtherSessionsKeepsTheCurrentOne() {
        NewSession laptop = sessions.start(ALPHA, ada, BROWSER, null);
        NewSession phone = sessions.start(ALPHA, ada, "Phone", null);
        NewSession tablet = sessions.start(ALPHA, ada, "Tablet", null);

        assertThat(sessions.revokeOthers(ALPHA, laptop.cookieValue())).isEqualTo(2);

        assertThat(sessions.resolve(ALPHA, laptop.cookieValue())).isPresent();
        assertThat(sessions.resolve(ALPHA, phone.cookieValue())).isEmpty();
        assertThat(sessions.resolve(ALPHA, tablet.cookieValue())).isEmpty();
    }

    @Test
    void theAccountPageListsActiveSessionsAndCanEndOneButNotAnotherAccounts() {
        String grace = fixture.accounts.signUp(ALPHA, "grace@example.com", "copper meadow signal", "Grace").account()
                .id();
        NewSession laptop = sessions.start(ALPHA, ada, BROWSER, null);
        fixture.clock.advance(Duration.ofMinutes(5));
        NewSession phone = sessions.start(ALPHA, ada, "Phone", null);
        NewSession graces = sessions.start(ALPHA, grace, BROWSER, null);

        assertThat(sessions.list(ALPHA, ada)).extracting(SessionInfo::userAgent).containsExactly("Phone", BROWSER);
        assertThat(sessions.revoke(ALPHA, ada, graces.info().id())).isFalse();
        assertThat(sessions.revoke(ALPHA, ada, phone.info().id())).isTrue();

        assertThat(sessions.resolve(ALPHA, graces.cookieValue())).isPresent();
        assertThat(sessions.resolve(ALPHA, phone.cookieValue())).isEmpty();
        assertThat(sessions.list(ALPHA, ada)).extracting(SessionInfo::id).containsExactly(laptop.info().id());
    }

    @Test
    void aSessionCookieOfOneTenantIsUselessAtAnother() {
        NewSession session = sessions.start(ALPHA, ada, BROWSER, null);

        assertThat(sessions.resolve(BETA, session.cookieValue())).isEmpty();
        assertThat(sessions.rotate(BETA, session.cookieValue())).isEmpty();
        assertThat(sessions.revoke(BETA, session.cookieValue())).isFalse();
        assertThat(sessions.revokeOthers(BETA, session.cookieValue())).isZero();
        assertThat(sessions.revokeAllFor(BETA, ada)).isZero();
        assertThat(sessions.revoke(BETA, ada, session.info().id())).isFalse();
        assertThat(sessions.list(BETA, ada)).isEmpty();
        assertThatThrownBy(() -> sessions.start(BETA, ada, BROWSER, null))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(sessions.resolve(ALPHA, session.cookieValue())).isPresent();
    }

    @Test
    void onlyTheHashOfTheCookieIsStored() {
        NewSession session = sessions.start(ALPHA, ada, BROWSER, null);
        NewSession rotated = sessions.rotate(ALPHA, session.cookieValue()).orElseThrow();

        String table = String.join("\n", fixture.sql.column("SELECT t::text FROM account_session t"));

        assertThat(table).doesNotContain(session.cookieValue()).doesNotContain(rotated.cookieValue())
                .contains(rotated.info().id());
        assertThat(rotated.info().id()).matches("[0-9a-f]{64}");
    }

    @Test
    void overlongUserAgentsAreCut() {
        NewSession session = sessions.start(ALPHA, ada, "A".repeat(5_000), null);

        assertThat(sessions.resolve(ALPHA, session.cookieValue()).orElseThrow().userAgent())
                .hasSize(Sessions.MAX_USER_AGENT_LENGTH);
    }

    private Instant lastSeenInDatabase() {
        return fixture.scope.read(ALPHA, em -> em.createQuery(
                        "SELECT s.lastSeenAt FROM SessionEntity s", Instant.class).getSingleResult());
    }
}
