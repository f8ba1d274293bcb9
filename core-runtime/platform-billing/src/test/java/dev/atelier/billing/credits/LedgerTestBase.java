package dev.atelier.billing.credits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.core.db.JdbcTransactions;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test on a credit ledger of its own database: each test gets a fresh {@link LedgerFixture}, and after each the
 * running totals must still agree with the ledger's entries, since every path that moves credits keeps them.
 */
@ExtendWith(LedgerFixture.Extension.class)
public abstract class LedgerTestBase {

    protected LedgerFixture fixture;
    protected CreditLedger ledger;
    /** For the ledger's calls that take part in a caller's transaction. */
    protected JdbcTransactions transactions;
    /** The fixture clock's time when the test started. */
    protected Instant now;

    @BeforeEach
    protected void openLedger(LedgerFixture fixture) {
        this.fixture = fixture;
        ledger = fixture.ledger;
        transactions = new JdbcTransactions(fixture.database.dataSource());
        now = fixture.clock.instant();
    }

    @AfterEach
    protected void runningTotalsAgreeWithTheLedger() {
        assertThat(fixture.runningTotalsOffTheLedger()).as("running totals that disagree with the ledger").isZero();
    }
}
