package dev.atelier.billing.credits;

import static dev.atelier.billing.credits.LedgerFixture.ALPHA;
import static dev.atelier.billing.credits.LedgerFixture.BETA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Grants, balances derived from the entries, expiry, and holds settled exactly once. */
class CreditLedgerTest extends LedgerTestBase {

    private static final String ADA = "acc_ada";
    private static final String BOB = "acc_bob";

    @Test
    void grantingTwiceWithOneKeyAddsCreditsOnce() {
        LedgerEntry first = ledger.grant(ALPHA, ADA, 25, "Sign-up bonus", null, "signup:" + ADA);
        LedgerEntry again = ledger.grant(ALPHA, ADA, 25, "Sign-up bonus", null, "signup:" + ADA);

        assertThat(again).isEqualTo(first);
        assertThat(first.kind()).isEqualTo(LedgerEntry.Kind.GRANT);
        assertThat(first.id()).matches("cre_[0-9a-f]{32}");
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(25);
        assertThat(ledger.entries(ALPHA, ADA)).hasSize(1);
    }

    @Test
    void theSameKeyAtAnotherTenantIsAnotherGrant() {
        ledger.grant(ALPHA, ADA, 25, "Sign-up bonus", null, "signup");
        ledger.grant(BETA, ADA, 7, "Sign-up bonus", null, "signup");

        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(25);
        assertThat(ledger.balance(BETA, ADA)).isEqualTo(7);
        assertThat(ledger.entries(BETA, ADA)).extracting(LedgerEntry::amount).containsExactly(7L);
    }

    @Test
    void entriesAreReadAPageAtATimeNewestFirstUntilTheLast() {
        for (int i = 1; i <= 5; i++) {
            ledger.grant(ALPHA, ADA, i, "Grant " + i, null, "page:" + i);
        }
        ledger.grant(ALPHA, BOB, 99, "Someone else's", null, "bob");

        LedgerPage first = ledger.entries(ALPHA, ADA, 2, null);
        LedgerPage second = ledger.entries(ALPHA, ADA, 2, first.nextCursor());
        LedgerPage last = ledger.entries(ALPHA, ADA, 2, second.nextCursor());

        assertThat(first.items()).extracting(LedgerEntry::amount).containsExactly(5L, 4L);
        assertThat(second.items()).extracting(LedgerEntry::amount).containsExactly(3L, 2L);
        assertThat(last.items()).extracting(LedgerEntry::amount).containsExactly(1L);
        assertThat(last.nextCursor()).isNull();
        assertThat(ledger.entries(ALPHA, ADA, 5, null).nextCursor()).as("an exact last page").isNull();
        assertThat(first.nextCursor()).doesNotContain(first.items().get(1).id());
    }

    @Test
    void aCursorThisLedgerDidNotHandOutIsRefused() {
        for (String cursor : new String[] {"not base64!", "bDA", "am9icw", "bC01", "bDk5OTk5OTk5OTk5OTk5OTk5OTk5"}) {
            assertThatThrownBy(() -> ledger.entries(ALPHA, ADA, 20, cursor)).as(cursor)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesGrantsThatAddNothing() {
        assertThatThrownBy(() -> ledger.grant(ALPHA, ADA, 0, "nothing", null, "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.grant(ALPHA, ADA, -5, "nothing", null, "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.entries(ALPHA, ADA)).isEmpty();
    }

    @Test
    void balanceIsGrantsMinusActiveHoldsAndCapturesSpendThem() {
        ledger.grant(ALPHA, ADA, 10, "Top-up", null, "topup-1");
        ledger.grant(ALPHA, BOB, 50, "Top-up", null, "topup-2");
        hold(ADA, "gen_a", 3);
        hold(ADA, "gen_b", 4);
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(3);

        capture("gen_a");
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(3);
        release("gen_b");
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(7);
        assertThat(ledger.balance(ALPHA, BOB)).isEqualTo(50);

        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(ledger.entries(ALPHA, ADA)).extracting(LedgerEntry::kind).containsExactly(
                LedgerEntry.Kind.RELEASE, LedgerEntry.Kind.CAPTURE, LedgerEntry.Kind.HOLD, LedgerEntry.Kind.HOLD,
                LedgerEntry.Kind.GRANT);
        assertThat(ledger.entries(ALPHA, ADA).get(0).jobId()).isEqualTo("gen_b");
    }

    @Test
    void aHoldIsSettledOnlyOnceWhateverIsRetried() {
        ledger.grant(ALPHA, ADA, 10, "Top-up", null, "topup");
        hold(ADA, "gen_a", 4);

        assertThat(capture("gen_a")).isTrue();
        assertThat(capture("gen_a")).isFalse();
        assertThat(release("gen_a")).isFalse();

        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(6);
        assertThat(ledger.entries(ALPHA, ADA)).extracting(LedgerEntry::kind).containsExactlyInAnyOrder(
                LedgerEntry.Kind.GRANT, LedgerEntry.Kind.HOLD, LedgerEntry.Kind.CAPTURE);
        assertThat(fixture.number("SELECT SUM(amount) FROM credit_spend")).isEqualTo(4);
    }

    @Test
    void settlementsRacingForOneJobSettleItOnce() throws Exception {
        ledger.grant(ALPHA, ADA, 100, "Top-up", null, "topup");
        for (int job = 0; job < 10; job++) {
            hold(ADA, "gen_" + job, 3);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> settled = new ArrayList<>();
            for (int job = 0; job < 10; job++) {
                String id = "gen_" + job;
                for (int racer = 0; racer < 4; racer++) {
                    boolean captures = racer % 2 == 0;
                    settled.add(pool.submit(() -> captures ? capture(id) : release(id)));
                }
            }
            int written = 0;
            for (Future<Boolean> each : settled) {
                written += each.get() ? 1 : 0;
            }
            assertThat(written).as("settlements written for 10 jobs").isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
        long captured = fixture.number("SELECT COUNT(*) FROM credit_entry WHERE kind = 'CAPTURE'");
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(100 - 3 * captured);
        assertThat(fixture.number("SELECT COALESCE(SUM(amount), 0) FROM credit_spend")).isEqualTo(3 * captured);
    }

    @Test
    void aHoldBeyondTheBalanceIsRefusedAndWritesNothing() {
        ledger.grant(ALPHA, ADA, 5, "Top-up", null, "topup");

        assertThatThrownBy(() -> hold(ADA, "gen_a", 6)).isInstanceOfSatisfying(InsufficientCreditsException.class,
                e -> {
                    assertThat(e.balance()).isEqualTo(5);
                    assertThat(e.price()).isEqualTo(6);
                });
        assertThat(ledger.entries(ALPHA, ADA)).hasSize(1);
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(5);
    }

    @Test
    void expiredGrantsNoLongerCount() {
        Instant now = fixture.clock.instant();
        ledger.grant(ALPHA, ADA, 5, "Sign-up bonus", now.plus(Duration.ofDays(1)), "signup");
        ledger.grant(ALPHA, ADA, 3, "Goodwill", null, "goodwill");
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(8);

        fixture.clock.advance(Duration.ofDays(1));

        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(3);
        assertThatThrownBy(() -> hold(ADA, "gen_a", 4)).isInstanceOf(InsufficientCreditsException.class);
    }

    @Test
    void capturesSpendTheSoonestExpiringGrantsFirstAndNeverExpiringLast() {
        Instant now = fixture.clock.instant();
        ledger.grant(ALPHA, ADA, 10, "Plan", now.plus(Duration.ofDays(30)), "plan");
        ledger.grant(ALPHA, ADA, 10, "Top-up", null, "topup");
        ledger.grant(ALPHA, ADA, 10, "Sign-up bonus", now.plus(Duration.ofDays(10)), "signup");

        hold(ADA, "gen_a", 15);
        capture("gen_a");
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(15);

        // The bonus (10 days) was spent whole, the plan (30 days) for 5: nothing is lost when the bonus expires...
        fixture.clock.advance(Duration.ofDays(11));
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(15);
        // ...and only the plan's 5 left over when the plan expires; the never-expiring top-up is untouched.
        fixture.clock.advance(Duration.ofDays(20));
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(10);
    }

    @Test
    void aGrantExpiringUnderAHoldIsWhatTheCaptureTakes() {
        Instant now = fixture.clock.instant();
        ledger.grant(ALPHA, ADA, 5, "Sign-up bonus", now.plus(Duration.ofHours(1)), "signup");
        hold(ADA, "gen_a", 5);
        fixture.clock.advance(Duration.ofHours(2));
        ledger.grant(ALPHA, ADA, 5, "Top-up", null, "topup");

        capture("gen_a");

        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(5);
    }

    @Test
    void theBalanceBreaksDownIntoGrantsSoonestExpiringFirst() {
        ledger.grant(ALPHA, ADA, 10, "Top-up", null, "topup");
        ledger.grant(ALPHA, ADA, 5, "Bonus", fixture.clock.instant().plus(Duration.ofDays(3)), "bonus");
        ledger.grant(ALPHA, ADA, 7, "Old bonus", fixture.clock.instant().plus(Duration.ofDays(1)), "old");
        hold(ADA, "gen_a", 4);
        capture("gen_a");
        hold(ADA, "gen_b", 2);
        fixture.clock.advance(Duration.ofDays(2));

        assertThat(ledger.sources(ALPHA, ADA)).extracting(CreditSource::reason, CreditSource::remaining)
                .containsExactly(tuple("Bonus", 5L), tuple("Top-up", 10L));
        assertThat(ledger.held(ALPHA, ADA)).isEqualTo(2);
        assertThat(ledger.sources(BETA, ADA)).isEmpty();
    }

    @Test
    void anotherTenantSeesNoEntriesOrBalance() {
        ledger.grant(ALPHA, ADA, 10, "Top-up", null, "topup");
        hold(ADA, "gen_a", 4);

        assertThat(ledger.balance(BETA, ADA)).isZero();
        assertThat(ledger.entries(BETA, ADA)).isEmpty();
        // Settling the job's hold under the wrong tenant moves nothing.
        assertThat(transactions.run("test", c -> ledger.release(c, BETA, "gen_a")).isPresent()).isFalse();
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(6);
    }

    private void hold(String account, String jobId, long amount) {
        transactions.run("test", c -> ledger.hold(c, ALPHA, account, jobId, amount));
    }

    private boolean capture(String jobId) {
        return transactions.run("test", c -> ledger.capture(c, ALPHA, jobId)).isPresent();
    }

    private boolean release(String jobId) {
        return transactions.run("test", c -> ledger.release(c, ALPHA, jobId)).isPresent();
    }

}
