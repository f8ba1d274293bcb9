package dev.atelier.accounts;

import static dev.atelier.accounts.AccountsFixture.ALPHA;
import static dev.atelier.accounts.AccountsFixture.BETA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.accounts.audit.AdminAudit;
import dev.atelier.accounts.audit.AuditActor;
import dev.atelier.accounts.audit.AuditEntry;
import dev.atelier.accounts.audit.AuditPage;
import dev.atelier.accounts.audit.InvalidAuditCursorException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Suspending an account ends its sessions, refuses its password and its API tokens, and is written to the audit log
 * with the change; resuming lets it back in. The log lists a tenant's entries only, newest first, a page at a time.
 */
@ExtendWith(AccountsFixture.Extension.class)
class AccountSuspensionsTest {

    private static final String PASSWORD = "violet lantern orbit";
    private static final AuditActor ADMIN = new AuditActor("acc_admin", "admin@example.com", "req_1");

    private AccountsFixture fixture;
    private Sessions sessions;
    private ApiTokens tokens;
    private SignedInUsers signedIn;
    private AdminAudit audit;
    private AccountSuspensions suspensions;
    private String ada;

    @BeforeEach
    void start(AccountsFixture fixture) {
        this.fixture = fixture;
        AccountChanges changes = new AccountChanges();
        sessions = new Sessions(fixture.scope, fixture.clock, Duration.ofDays(14), Duration.ofDays(30));
        tokens = new ApiTokens(fixture.scope, fixture.clock);
        signedIn = new SignedInUsers(fixture.scope, sessions,
                new TenantAdmins(fixture.scope, fixture.tenants(), fixture.clock), fixture.clock);
        audit = new AdminAudit(fixture.scope, fixture.clock);
        suspensions = new AccountSuspensions(fixture.scope, fixture.clock, audit, changes);
        SignUp signUp = fixture.accounts.signUp(ALPHA, "ada@example.com", PASSWORD, "Ada");
        ada = fixture.accounts.verifyEmail(ALPHA, signUp.verificationToken()).orElseThrow().id();
    }

    @Test
    void aSuspendedAccountLosesItsSessionsItsTokensAndItsSignInUntilResumed() {
        String cookie = sessions.start(ALPHA, ada, "test", "127.0.0.1").cookieValue();
        String token = tokens.create(ALPHA, ada, "script").token();

        assertThat(suspensions.suspend(ALPHA, ada, ADMIN, "fraud")).isTrue();

        assertThat(signedIn.resolve(ALPHA, cookie)).isEmpty();
        assertThat(tokens.authenticate(ALPHA, token)).isEmpty();
        assertThatThrownBy(() -> fixture.accounts.signIn(ALPHA, "ada@example.com", PASSWORD))
                .isInstanceOf(AccountSuspendedException.class);
        assertThat(fixture.accounts.signIn(ALPHA, "ada@example.com", "wrong password")).isEmpty();
        String later = sessions.start(ALPHA, ada, "test", "127.0.0.1").cookieValue();
        assertThat(signedIn.resolve(ALPHA, later)).as("a session a reset link would start").isEmpty();
        assertThat(suspensions.suspendedAt(ALPHA, ada)).contains(fixture.clock.instant());

        assertThat(suspensions.resume(ALPHA, ada, ADMIN)).isTrue();

        assertThat(suspensions.suspendedAt(ALPHA, ada)).isEmpty();
        assertThat(tokens.authenticate(ALPHA, token)).contains(ada);
        assertThat(fixture.accounts.signIn(ALPHA, "ada@example.com", PASSWORD)).isPresent();
        assertThat(signedIn.resolve(ALPHA, cookie)).as("ended sessions stay ended").isEmpty();
    }

    @Test
    void bothChangesAreLoggedWithTheAdminAndTheReasonInTheirTenantOnly() {
        suspensions.suspend(ALPHA, ada, ADMIN, "fraud");
        fixture.clock.advance(Duration.ofMinutes(1));
        suspensions.resume(ALPHA, ada, ADMIN);

        List<AuditEntry> entries = audit.list(ALPHA, null, null, null, 10).entries();

        assertThat(entries).extracting(AuditEntry::action).containsExactly("account.resume", "account.suspend");
        AuditEntry suspended = entries.get(1);
        assertThat(suspended.target()).isEqualTo(ada);
        assertThat(suspended.actorEmail()).isEqualTo("admin@example.com");
        assertThat(suspended.requestId()).isEqualTo("req_1");
        assertThat(suspended.details()).isEqualTo(Map.of("email", "ada@example.com", "reason", "fraud"));
        assertThat(audit.list(BETA, null, null, null, 10).entries()).isEmpty();
        assertThat(suspensions.suspend(BETA, ada, ADMIN, "not here")).isFalse();
        assertThat(suspensions.suspendedAt(ALPHA, ada)).isEmpty();
    }

    @Test
    void theLogPagesNewestFirstFiltersAndRefusesCursorsItDidNotMake() {
        for (int i = 0; i < 5; i++) {
            audit.record(ALPHA, ADMIN, i % 2 == 0 ? "plan.save" : "plan.archive", "plan-" + i, Map.of("i", i));
            fixture.clock.advance(Duration.ofSeconds(1));
        }

        AuditPage first = audit.list(ALPHA, null, null, null, 3);
        AuditPage second = audit.list(ALPHA, null, null, first.nextCursor(), 3);

        assertThat(first.entries()).extracting(AuditEntry::target).containsExactly("plan-4", "plan-3", "plan-2");
        assertThat(second.entries()).extracting(AuditEntry::target).containsExactly("plan-1", "plan-0");
        assertThat(second.nextCursor()).isNull();
        assertThat(audit.list(ALPHA, "plan.archive", null, null, 10).entries()).extracting(AuditEntry::target)
                .containsExactly("plan-3", "plan-1");
        assertThat(audit.list(ALPHA, null, "ADMIN@example.com", null, 10).entries()).hasSize(5);
        assertThat(audit.list(ALPHA, null, "someone@example.com", null, 10).entries()).isEmpty();
        assertThatThrownBy(() -> audit.list(ALPHA, null, null, "not-a-cursor", 3))
                .isInstanceOf(InvalidAuditCursorException.class);
    }
}
