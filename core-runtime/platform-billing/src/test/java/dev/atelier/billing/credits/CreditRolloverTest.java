package dev.atelier.billing.credits;

import static dev.atelier.billing.credits.LedgerFixture.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unused credits carried from ended grants into a new one: once per key, never more than was left or allowed. */
class CreditRolloverTest extends LedgerTestBase {

    private static final String ADA = "acc_ada";
    private static final String BOB = "acc_bob";

    private Instant periodEnd;

    @BeforeEach
    void start() {
        periodEnd = now.plus(Duration.ofDays(30));
    }

    @Test
    void rollingOverTwiceWithOneKeyCarriesOnceAndKeepsTheBalance() {
        LedgerEntry plan = ledger.grant(ALPHA, ADA, 300, "Creator plan", periodEnd, "payment:1");

        Optional<LedgerEntry> first = rollover(List.of(plan.id()), 200, "rollover:2");
        Optional<LedgerEntry> again = rollover(List.of(plan.id()), 200, "rollover:2");

        assertThat(again).isEqualTo(first);
        assertThat(first.orElseThrow().amount()).isEqualTo(200);
        assertThat(first.get().kind()).isEqualTo(LedgerEntry.Kind.GRANT);
        assertThat(ledger.balance(ALPHA, ADA)).as("carried credits are moved, not added").isEqualTo(300);
        fixture.clock.advance(Duration.ofDays(31));
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(200);
    }

    @Test
    void nothingIsCarriedWithoutAnAllowanceOrFromAnotherAccountsGrants() {
        LedgerEntry bobs = ledger.grant(ALPHA, BOB, 300, "Creator plan", periodEnd, "payment:bob");

        assertThat(rollover(List.of(bobs.id()), Long.MAX_VALUE, "rollover:ada")).isEmpty();
        LedgerEntry adas = ledger.grant(ALPHA, ADA, 300, "Creator plan", periodEnd, "payment:ada");
        assertThat(rollover(List.of(adas.id()), 0, "rollover:none")).isEmpty();
        assertThat(ledger.balance(ALPHA, BOB)).isEqualTo(300);
        assertThat(ledger.entries(ALPHA, ADA)).hasSize(1);
    }

    private Optional<LedgerEntry> rollover(List<String> from, long max, String key) {
        return transactions.run("test rollover", connection -> ledger.rollover(connection, ALPHA, ADA, from, max,
                "Creator plan: unused credits carried over", periodEnd.plus(Duration.ofDays(30)), key));
    }
}
