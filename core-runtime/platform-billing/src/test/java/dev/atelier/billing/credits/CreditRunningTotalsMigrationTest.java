package dev.atelier.billing.credits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.core.db.JdbcTransactions;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A ledger written before the running totals existed gets them filled in when the schema is upgraded. */
@ExtendWith(TestPostgresExtension.class)
class CreditRunningTotalsMigrationTest {

    private static final String GAMMA = "tnt_gamma";

    @Test
    void upgradingFillsInEachGrantsRemainderAndEachAccountsHeldCredits(TestDatabase testDatabase)
            throws SQLException {
        // The ledger's tables as V8 made them, before V11; V9 and V10 belong to platform-generation.
        Flyway.configure(getClass().getClassLoader()).dataSource(testDatabase.url(), testDatabase.user(),
                testDatabase.password()).locations("classpath:db/migration").table("flyway_schema_history")
                .target("8").load().migrate();
        try (Connection connection = DriverManager.getConnection(testDatabase.url(), testDatabase.user(),
                testDatabase.password()); Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO tenant (id, slug, display_name, status, document, secrets, created_at, updated_at)
                    VALUES ('tnt_gamma', 'gamma', 'gamma', 'ACTIVE', '{}', '{}', now(), now());
                    INSERT INTO credit_account (tenant_id, account_id, created_at) VALUES
                      ('tnt_gamma', 'acc_ada', now()), ('tnt_gamma', 'acc_bob', now());
                    INSERT INTO credit_entry (id, tenant_id, account_id, kind, amount, job_id, idempotency_key,
                                              created_at, expires_at) VALUES
                      ('cre_g1', 'tnt_gamma', 'acc_ada', 'GRANT', 10, NULL, 'grant:bonus', '2026-03-01T09:00Z',
                       '2026-03-05T00:00Z'),
                      ('cre_g2', 'tnt_gamma', 'acc_ada', 'GRANT', 10, NULL, 'grant:topup', '2026-03-01T09:00Z', NULL),
                      ('cre_h1', 'tnt_gamma', 'acc_ada', 'HOLD', 6, 'gen_1', 'hold:gen_1', '2026-03-01T09:01Z', NULL),
                      ('cre_c1', 'tnt_gamma', 'acc_ada', 'CAPTURE', 6, 'gen_1', 'capture:gen_1',
                       '2026-03-01T09:02Z', NULL),
                      ('cre_h2', 'tnt_gamma', 'acc_ada', 'HOLD', 7, 'gen_2', 'hold:gen_2', '2026-03-01T09:03Z', NULL),
                      ('cre_c2', 'tnt_gamma', 'acc_ada', 'CAPTURE', 7, 'gen_2', 'capture:gen_2',
                       '2026-03-01T09:04Z', NULL),
                      ('cre_h3', 'tnt_gamma', 'acc_ada', 'HOLD', 2, 'gen_3', 'hold:gen_3', '2026-03-01T09:05Z', NULL),
                      ('cre_r3', 'tnt_gamma', 'acc_ada', 'RELEASE', 2, 'gen_3', 'release:gen_3',
                       '2026-03-01T09:06Z', NULL),
                      ('cre_h4', 'tnt_gamma', 'acc_ada', 'HOLD', 3, 'gen_4', 'hold:gen_4', '2026-03-01T09:07Z', NULL),
                      ('cre_g3', 'tnt_gamma', 'acc_bob', 'GRANT', 5, NULL, 'grant:bob', '2026-03-01T09:00Z', NULL);
                    INSERT INTO credit_spend (tenant_id, account_id, capture_entry_id, grant_entry_id, amount) VALUES
                      ('tnt_gamma', 'acc_ada', 'cre_c1', 'cre_g1', 6),
                      ('tnt_gamma', 'acc_ada', 'cre_c2', 'cre_g1', 4),
                      ('tnt_gamma', 'acc_ada', 'cre_c2', 'cre_g2', 3);
                    """);
        }
        LedgerFixture fixture = new LedgerFixture(testDatabase, 2);
        try {
            CreditLedger ledger = fixture.ledger;

            assertThat(fixture.runningTotalsOffTheLedger()).isZero();
            // Ada: the bonus spent whole, 7 of the top-up left, 3 still held by gen_4.
            assertThat(ledger.balance(GAMMA, "acc_ada")).isEqualTo(4);
            assertThat(ledger.balance(GAMMA, "acc_bob")).isEqualTo(5);
            new JdbcTransactions(fixture.database.dataSource()).run("test",
                    c -> ledger.capture(c, GAMMA, "gen_4"));
            assertThat(ledger.balance(GAMMA, "acc_ada")).isEqualTo(4);
            assertThat(fixture.runningTotalsOffTheLedger()).isZero();
        } finally {
            fixture.close();
        }
    }
}
