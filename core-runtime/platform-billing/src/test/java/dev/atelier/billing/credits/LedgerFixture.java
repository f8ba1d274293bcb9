package dev.atelier.billing.credits;

import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseSettings;
import dev.atelier.testkit.DatabaseFixtureExtension;
import dev.atelier.testkit.ManualClock;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestSql;
import dev.atelier.testkit.TestTenants;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A migrated database with tenants {@code tnt_alpha} and {@code tnt_beta}, a clock tests move, and the ledger. Public
 * so the generation job tests share it.
 */
public final class LedgerFixture implements AutoCloseable {

    public static final String ALPHA = TestTenants.ALPHA;
    public static final String BETA = TestTenants.BETA;

    public final Database database;
    public final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));
    public final CreditLedger ledger;
    private final TestSql sql;

    public LedgerFixture(TestDatabase testDatabase, int poolSize) {
        database = Database.start(DatabaseSettings.external(testDatabase.url(), testDatabase.user(),
                testDatabase.password(), poolSize));
        sql = new TestSql(database.dataSource());
        TestTenants.addAlphaAndBeta(sql);
        ledger = new CreditLedger(database.dataSource(), clock);
    }

    /** The first column of the first row of {@code sql}, as a number. */
    public long number(String sql, Object... parameters) {
        return this.sql.number(sql, parameters);
    }

    /**
     * How many running totals (each grant's remainder, each account's held credits) differ from what the ledger's
     * entries and spends say they must be; 0 when they all agree.
     */
    public long runningTotalsOffTheLedger() {
        return number("""
                SELECT (SELECT count(*) FROM credit_entry g
                          LEFT JOIN credit_grant_remainder r ON r.grant_entry_id = g.id
                         WHERE g.kind = 'GRANT'
                           AND (r.grant_entry_id IS NULL OR r.tenant_id <> g.tenant_id
                                OR r.account_id <> g.account_id OR r.seq <> g.seq
                                OR r.expires_at IS DISTINCT FROM g.expires_at
                                OR r.remaining <> g.amount - COALESCE((SELECT SUM(s.amount) FROM credit_spend s
                                                                        WHERE s.grant_entry_id = g.id), 0)))
                     + (SELECT count(*) FROM credit_grant_remainder r
                         WHERE NOT EXISTS (SELECT 1 FROM credit_entry g WHERE g.id = r.grant_entry_id
                                                                            AND g.kind = 'GRANT'))
                     + (SELECT count(*) FROM credit_account a
                         WHERE a.held <> COALESCE((SELECT SUM(h.amount) FROM credit_entry h
                                                    WHERE h.tenant_id = a.tenant_id AND h.account_id = a.account_id
                                                      AND h.kind = 'HOLD'
                                                      AND NOT EXISTS (SELECT 1 FROM credit_entry e
                                                                       WHERE e.tenant_id = h.tenant_id
                                                                         AND e.job_id = h.job_id
                                                                         AND e.kind IN ('CAPTURE', 'RELEASE'))), 0))""");
    }

    /** The account's balance at the clock's time, summed from the ledger's entries and spends alone. */
    public long balanceFromLedger(String tenantId, String accountId) {
        return number("""
                SELECT (SELECT COALESCE(SUM(g.amount - COALESCE((SELECT SUM(s.amount) FROM credit_spend s
                                                                  WHERE s.grant_entry_id = g.id), 0)), 0)
                          FROM credit_entry g
                         WHERE g.tenant_id = ? AND g.account_id = ? AND g.kind = 'GRANT'
                           AND (g.expires_at IS NULL OR g.expires_at > ?))
                     - (SELECT COALESCE(SUM(h.amount), 0)
                          FROM credit_entry h
                         WHERE h.tenant_id = ? AND h.account_id = ? AND h.kind = 'HOLD'
                           AND NOT EXISTS (SELECT 1 FROM credit_entry e
                                            WHERE e.tenant_id = h.tenant_id AND e.job_id = h.job_id
                                              AND e.kind IN ('CAPTURE', 'RELEASE')))""",
                tenantId, accountId, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), tenantId, accountId);
    }

    @Override
    public void close() {
        database.close();
    }

    /** Hands each test that asks for one a fixture (a pool of 4) on a fresh database, closing both after the test. */
    public static final class Extension extends DatabaseFixtureExtension<LedgerFixture> {
        public Extension() {
            super(LedgerFixture.class, database -> new LedgerFixture(database, 4));
        }
    }
}
