package dev.atelier.billing.credits;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The credit ledger's SQL, apart from the rules in {@link CreditLedger} that decide when each statement runs.
 *
 * <p>Why so few statements: a hold, a capture and a grant each run in a transaction of their own or inside the job
 * queue's, and every round trip to the database is time the account's lock is held. The statements that must read
 * after taking the lock are sent together with it in one round trip (pgjdbc sends a text of several statements as one
 * message train; each statement still reads with a snapshot of its own, taken when it starts), and what can be one
 * statement is one, through data-modifying {@code WITH} clauses.
 */
final class LedgerSql {

    private LedgerSql() {}

    // Sent first in the texts of holds and settlements. Their statements find rows by unique keys, so one plan suits
    // every parameter value, yet PostgreSQL's default keeps planning these data-modifying WITH statements afresh on
    // each execution (a custom plan per call); that planning was most of the database's CPU per hold and capture.
    // SET LOCAL lasts until the end of the transaction, also an implicit one (see JdbcTransactions).
    static final String GENERIC_PLANS = "SET LOCAL plan_cache_mode = force_generic_plan;\n";

    static final String COLUMNS =
            "id, tenant_id, account_id, kind, amount, reason, job_id, created_at, expires_at";

    // Reads the running totals (see V11): one row per grant with credits left, and the account's held sum.
    static final String BALANCE = """
            SELECT COALESCE((SELECT SUM(remaining) FROM credit_grant_remainder
                              WHERE tenant_id = ? AND account_id = ? AND remaining > 0
                                AND (expires_at IS NULL OR expires_at > ?)), 0)
                 - COALESCE((SELECT held FROM credit_account WHERE tenant_id = ? AND account_id = ?), 0)""";

    static final String INSERT = """
            INSERT INTO credit_entry (id, tenant_id, account_id, kind, amount, reason, job_id, idempotency_key,
                                      created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
            RETURNING\s""" + COLUMNS;

    // Creates the account's lock row on first use and locks it; returns its running totals (held, shortfall).
    static final String LOCK = """
            INSERT INTO credit_account (tenant_id, account_id, created_at) VALUES (?, ?, ?)
                ON CONFLICT (tenant_id, account_id) DO NOTHING;
            SELECT held, shortfall FROM credit_account WHERE tenant_id = ? AND account_id = ? FOR UPDATE""";

    // Locks the account's row (parameters: tenant, account). An account without its row has no grants, so nothing
    // to hold; the statements sent after it in the same round trip read with snapshots taken after the lock.
    static final String LOCK_ACCOUNT = "SELECT 1 FROM credit_account WHERE tenant_id = ? AND account_id = ? FOR UPDATE";

    // The CTE spendable(credits): what the account may hold now (parameters: tenant, account, now, tenant, account).
    static final String SPENDABLE = """
            spendable AS (
                SELECT COALESCE((SELECT SUM(remaining) FROM credit_grant_remainder
                                  WHERE tenant_id = ? AND account_id = ? AND remaining > 0
                                    AND (expires_at IS NULL OR expires_at > ?)), 0)
                     -- Credits owed after a refund are settled by the next grants; until then they are not spendable.
                     - COALESCE((SELECT held + shortfall FROM credit_account
                                  WHERE tenant_id = ? AND account_id = ?), 0) AS credits)""";

    // A HOLD, checked against the spendable credits and added to the account's held total. The first statement locks
    // the account; the second, sent in the same round trip, reads with a snapshot taken after the lock, so the totals
    // it checks are current. Returns the spendable credits before the hold as the last column, and the entry's columns
    // when it was written (null when the job already had its hold).
    static final String HOLD = GENERIC_PLANS + LOCK_ACCOUNT + ";\nWITH " + SPENDABLE + """
            ,
            written AS (
                INSERT INTO credit_entry (id, tenant_id, account_id, kind, amount, reason, job_id, idempotency_key,
                                          created_at, expires_at)
                SELECT ?, ?, ?, 'HOLD', ?, NULL, ?, ?, ?, NULL FROM spendable WHERE credits >= ?
                ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
                RETURNING\s""" + COLUMNS + """
            ),
            raised AS (
                UPDATE credit_account SET held = held + ?
                 WHERE tenant_id = ? AND account_id = ? AND EXISTS (SELECT 1 FROM written))
            SELECT w.*, s.credits FROM spendable s LEFT JOIN written w ON true""";

    // The CTEs held and raised: a HOLD of the job of each row of the CTE %s (columns id, tenant_id, account_id), added to
    // the account's held total (parameters: entry id, amount, now, amount). See HoldInStatement.
    static final String HOLD_OF_ROWS = """
            held AS (
                INSERT INTO credit_entry (id, tenant_id, account_id, kind, amount, reason, job_id, idempotency_key,
                                          created_at, expires_at)
                SELECT ?, r.tenant_id, r.account_id, 'HOLD', ?, NULL, r.id, 'hold:' || r.id, ?, NULL
                  FROM %s r WHERE ?::bigint > 0
                ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
                RETURNING tenant_id, account_id, amount),
            raised AS (
                UPDATE credit_account a SET held = a.held + h.amount FROM held h
                 WHERE a.tenant_id = h.tenant_id AND a.account_id = h.account_id)""";

    // A CAPTURE or RELEASE of the job's hold and the account's held total lowered by as much, in one statement; see
    // settle(). Returns the entry written, or nothing.
    static final String SETTLE = GENERIC_PLANS + """
            WITH hold AS (
                SELECT account_id, amount FROM credit_entry WHERE tenant_id = ? AND idempotency_key = ?),
            written AS (
                INSERT INTO credit_entry (id, tenant_id, account_id, kind, amount, reason, job_id, idempotency_key,
                                          created_at, expires_at)
                SELECT ?, ?, account_id, ?, amount, NULL, ?, ?, ?, NULL FROM hold
                ON CONFLICT (tenant_id, job_id) WHERE kind IN ('CAPTURE', 'RELEASE') DO NOTHING
                RETURNING\s""" + COLUMNS + """
            ),
            lowered AS (
                UPDATE credit_account a SET held = a.held - w.amount FROM written w
                 WHERE a.tenant_id = w.tenant_id AND a.account_id = w.account_id)
            SELECT * FROM written""";

    // The CTEs hold, written and lowered: the CAPTURE or RELEASE of the hold of the job of each row of the CTE %s
    // (columns id, tenant_id), as SETTLE writes it (parameters: entry id, kind, idempotency key, now). See
    // LedgerStatements.
    static final String SETTLE_OF_ROWS = """
            hold AS (
                SELECT h.tenant_id, h.account_id, h.amount, h.job_id FROM %s d
                  JOIN credit_entry h ON h.tenant_id = d.tenant_id AND h.idempotency_key = 'hold:' || d.id),
            written AS (
                INSERT INTO credit_entry (id, tenant_id, account_id, kind, amount, reason, job_id, idempotency_key,
                                          created_at, expires_at)
                SELECT ?, tenant_id, account_id, ?, amount, NULL, job_id, ?, ?, NULL FROM hold
                ON CONFLICT (tenant_id, job_id) WHERE kind IN ('CAPTURE', 'RELEASE') DO NOTHING
                RETURNING\s""" + COLUMNS + """
            ),
            lowered AS (
                UPDATE credit_account a SET held = a.held - w.amount FROM written w
                 WHERE a.tenant_id = w.tenant_id AND a.account_id = w.account_id)""";

    // The grant and its running remainder (see V11) in one statement, sent after LOCK in the same round trip.
    static final String INSERT_GRANT = """
            WITH written AS (
                INSERT INTO credit_entry (id, tenant_id, account_id, kind, amount, reason, job_id, idempotency_key,
                                          created_at, expires_at)
                VALUES (?, ?, ?, 'GRANT', ?, ?, NULL, ?, ?, ?)
                ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
                RETURNING id, tenant_id, account_id, kind, amount, reason, job_id, created_at, expires_at, seq),
            remainder AS (
                INSERT INTO credit_grant_remainder (grant_entry_id, tenant_id, account_id, remaining, expires_at, seq)
                SELECT id, tenant_id, account_id, amount, expires_at, seq FROM written)
            SELECT\s""" + COLUMNS + " FROM written";

    /**
     * The next result of a statement that sent several in one round trip (pgjdbc sends a statement text holding
     * several as one message train, and each still reads with its own snapshot), skipping update counts.
     */
    static ResultSet nextRows(PreparedStatement statement) throws SQLException {
        while (statement.getResultSet() == null) {
            if (!statement.getMoreResults() && statement.getUpdateCount() == -1) {
                throw new SQLException("Expected one more result set from the ledger's statements");
            }
        }
        return statement.getResultSet();
    }

    /** Advances past the current result to the next one holding rows. */
    static ResultSet followingRows(PreparedStatement statement) throws SQLException {
        if (!statement.getMoreResults() && statement.getUpdateCount() == -1) {
            throw new SQLException("Expected one more result set from the ledger's statements");
        }
        return nextRows(statement);
    }

    /**
     * Which of the account's grants a spend takes from, in which order: SQL for the window's {@code ORDER BY} over
     * the grant remainders {@code r} and the entry {@code e} being spent (the grant's {@code seq} breaks ties), an extra
     * {@code WHERE} condition, and the parameters of both in that order.
     */
    record SpendOrder(String orderBy, String where, List<Object> parameters) {

        /**
         * A capture's: grants valid when the credits were held ({@code e.held_at}), soonest expiry first,
         * never-expiring last; grants that had already expired then come after, most recent first (the account lock
         * makes reaching them impossible in practice).
         */
        static final SpendOrder CAPTURE = new SpendOrder(
                "(r.expires_at IS NOT NULL AND r.expires_at <= e.held_at),"
                        + " CASE WHEN r.expires_at IS NOT NULL AND r.expires_at <= e.held_at THEN r.expires_at END DESC,"
                        + " r.expires_at ASC NULLS LAST", "", List.of());

        /** A reversal's: {@code fromGrant} first, then the other unexpired grants soonest-expiring first. */
        static SpendOrder reversal(String fromGrant, Instant now) {
            return new SpendOrder("r.grant_entry_id <> ?, r.expires_at ASC NULLS LAST",
                    " AND (r.expires_at IS NULL OR r.expires_at > ?)", List.of(fromGrant, utc(now)));
        }

        /** Only {@code grants}, in the order given. */
        static SpendOrder only(String[] grants) {
            return new SpendOrder("array_position(?::text[], r.grant_entry_id)",
                    " AND r.grant_entry_id = ANY (?::text[])", List.of(grants, grants));
        }
    }

    // Takes an entry's amount from the account's grants in one statement. The entry is read by id (entry_id = the
    // first parameter); when there is none (a settlement that conflicted) nothing is spent. The window sums what the
    // grants before each one hold, each grant gives what is still needed up to its remainder, and every grant taken
    // from gets its credit_spend row. Runs under the account's lock, so the remainders read are the current ones.
    static final String SPEND = """
            WITH entry AS (
                SELECT s.id, s.tenant_id, s.account_id, s.amount, h.created_at AS held_at
                  FROM credit_entry s
                  LEFT JOIN credit_entry h ON h.tenant_id = s.tenant_id AND h.idempotency_key = 'hold:' || s.job_id
                 WHERE s.id = ?),
            ordered AS (
                SELECT r.grant_entry_id, r.remaining, e.amount AS needed,
                       SUM(r.remaining) OVER (ORDER BY %s, r.seq ROWS UNBOUNDED PRECEDING) - r.remaining AS before
                  FROM credit_grant_remainder r
                  JOIN entry e ON r.tenant_id = e.tenant_id AND r.account_id = e.account_id
                 WHERE r.remaining > 0%s),
            taken AS (
                UPDATE credit_grant_remainder r SET remaining = r.remaining - LEAST(o.remaining, o.needed - o.before)
                  FROM ordered o
                 WHERE r.grant_entry_id = o.grant_entry_id AND o.before < o.needed
                RETURNING r.grant_entry_id, LEAST(o.remaining, o.needed - o.before) AS amount)
            INSERT INTO credit_spend (tenant_id, account_id, capture_entry_id, grant_entry_id, amount)
            SELECT e.tenant_id, e.account_id, e.id, t.grant_entry_id, t.amount FROM taken t, entry e
            RETURNING amount""";

    /** The SPEND statement for {@code order}; its parameters start at {@code first} with the entry's id. */
    static String spendSql(SpendOrder order) {
        return SPEND.formatted(order.orderBy(), order.where());
    }

    static void setSpend(PreparedStatement statement, int first, String entryId, SpendOrder order)
            throws SQLException {
        statement.setString(first, entryId);
        for (int i = 0; i < order.parameters().size(); i++) {
            statement.setObject(first + 1 + i, order.parameters().get(i));
        }
    }

    static long sum(ResultSet rows) throws SQLException {
        try (rows) {
            long taken = 0;
            while (rows.next()) {
                taken += rows.getLong(1);
            }
            return taken;
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
