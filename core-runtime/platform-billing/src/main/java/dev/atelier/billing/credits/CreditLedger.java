package dev.atelier.billing.credits;

import dev.atelier.core.db.JdbcTransactions;
import dev.atelier.core.ids.UuidV7;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credit ledger: append-only entries per account, and the balance derived from them.
 *
 * <p>Why derived: a stored balance can drift from the movements that explain it; a sum cannot. The balance is the
 * unexpired remainder of every grant (its amount minus what captures took from it) minus the holds of generations not
 * yet settled. Captures take from grants soonest-expiring first and never-expiring last, so a user never loses credits
 * to expiry that they could have spent first.
 *
 * <p>Why running totals: summing the ledger on every hold and capture costs more the longer an account's history, so
 * each grant's remainder ({@code credit_grant_remainder}) and the account's held credits ({@code credit_account.held})
 * are kept beside the entries. They are written in the same transaction and under the same lock as the entries they
 * follow, so they can always be recomputed from the ledger and agree with it; the ledger stays the truth.
 *
 * <p>Why locked: every write that changes a balance first locks the account's row in {@code credit_account} (created on
 * demand), so a balance checked under that lock stays true until the transaction commits. Fifty simultaneous
 * submissions against a balance that covers ten therefore hold exactly ten.
 *
 * <p>Holds, captures and releases belong to generation jobs and are written by the job queue inside its own
 * transactions (the job row and its hold commit together or not at all), which is why those methods take the caller's
 * {@link Connection}. Their idempotency keys ({@code "hold:<job id>"}, {@code "capture:<job id>"},
 * {@code "release:<job id>"}) are unique per tenant, and a job whose hold was captured or released is never settled
 * again, so a retried settlement moves nothing.
 *
 * <p>A grant can expire while credits are held against it; the balance may then read below zero until the job
 * settles. The capture still spends that grant first: spending order is judged at the moment of the hold, when those
 * credits were set aside while valid, so a user does not lose a later top-up to a bonus that ran out under a running
 * job.
 */
public final class CreditLedger {

    /** Longest idempotency key a caller may give {@link #grant}. */
    public static final int MAX_KEY_LENGTH = 200;
    /** Most entries on one page of {@link #entries(String, String, int, String)}. */
    public static final int MAX_PAGE = 100;
    private static final String CURSOR_PREFIX = "l";

    private static final Logger LOG = LoggerFactory.getLogger(CreditLedger.class);

    private static final String COLUMNS =
            "id, tenant_id, account_id, kind, amount, reason, job_id, created_at, expires_at";

    // Reads the running totals (see V11): one row per grant with credits left, and the account's held sum.
    private static final String BALANCE = """
            SELECT COALESCE((SELECT SUM(remaining) FROM credit_grant_remainder
                              WHERE tenant_id = ? AND account_id = ? AND remaining > 0
                                AND (expires_at IS NULL OR expires_at > ?)), 0)
                 - COALESCE((SELECT held FROM credit_account WHERE tenant_id = ? AND account_id = ?), 0)""";

    private static final String INSERT = """
            INSERT INTO credit_entry (id, tenant_id, account_id, kind, amount, reason, job_id, idempotency_key,
                                      created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
            RETURNING\s""" + COLUMNS;

    // Creates the account's lock row on first use and locks it; returns its running totals (held, shortfall).
    private static final String LOCK = """
            INSERT INTO credit_account (tenant_id, account_id, created_at) VALUES (?, ?, ?)
                ON CONFLICT (tenant_id, account_id) DO NOTHING;
            SELECT held, shortfall FROM credit_account WHERE tenant_id = ? AND account_id = ? FOR UPDATE""";

    // A HOLD, checked against the spendable credits and added to the account's held total. The first statement locks
    // the account (an account without its row has no grants, so nothing to hold); the second, sent in the same round
    // trip, reads with a snapshot taken after the lock, so the totals it checks are current. Returns the spendable
    // credits before the hold as the last column, and the entry's columns when it was written (null when the job
    // already had its hold).
    private static final String HOLD = """
            SELECT 1 FROM credit_account WHERE tenant_id = ? AND account_id = ? FOR UPDATE;
            WITH spendable AS (
                SELECT COALESCE((SELECT SUM(remaining) FROM credit_grant_remainder
                                  WHERE tenant_id = ? AND account_id = ? AND remaining > 0
                                    AND (expires_at IS NULL OR expires_at > ?)), 0)
                     -- Credits owed after a refund are settled by the next grants; until then they are not spendable.
                     - COALESCE((SELECT held + shortfall FROM credit_account
                                  WHERE tenant_id = ? AND account_id = ?), 0) AS credits),
            written AS (
                INSERT INTO credit_entry (id, tenant_id, account_id, kind, amount, reason, job_id, idempotency_key,
                                          created_at, expires_at)
                SELECT ?, ?, ?, 'HOLD', ?, NULL, ?, ?, ?, NULL FROM spendable WHERE credits >= ?
                ON CONFLICT DO NOTHING
                RETURNING\s""" + COLUMNS + """
            ),
            raised AS (
                UPDATE credit_account SET held = held + ?
                 WHERE tenant_id = ? AND account_id = ? AND EXISTS (SELECT 1 FROM written))
            SELECT w.*, s.credits FROM spendable s LEFT JOIN written w ON true""";

    // A CAPTURE or RELEASE of the job's hold and the account's held total lowered by as much, in one statement; see
    // settle(). Returns the entry written, or nothing.
    private static final String SETTLE = """
            WITH hold AS (
                SELECT account_id, amount FROM credit_entry WHERE tenant_id = ? AND idempotency_key = ?),
            written AS (
                INSERT INTO credit_entry (id, tenant_id, account_id, kind, amount, reason, job_id, idempotency_key,
                                          created_at, expires_at)
                SELECT ?, ?, account_id, ?, amount, NULL, ?, ?, ?, NULL FROM hold
                ON CONFLICT DO NOTHING
                RETURNING\s""" + COLUMNS + """
            ),
            lowered AS (
                UPDATE credit_account a SET held = a.held - w.amount FROM written w
                 WHERE a.tenant_id = w.tenant_id AND a.account_id = w.account_id)
            SELECT * FROM written""";

    private final JdbcTransactions transactions;
    private final Clock clock;
    private final UuidV7 ids;

    public CreditLedger(DataSource dataSource, Clock clock) {
        this.transactions = new JdbcTransactions(dataSource);
        this.clock = clock;
        this.ids = new UuidV7(clock, new SecureRandom());
    }

    /**
     * Credits the account can spend now: unexpired grant remainders minus active holds. 0 for an account with no
     * entries, including another tenant's account.
     */
    public long balance(String tenantId, String accountId) {
        return transactions.run("reading a credit balance", connection -> balance(connection, tenantId, accountId));
    }

    /**
     * The balance as seen by the caller's transaction. Call {@link #lockAccount} first when the answer decides a
     * write, or another transaction may change it before yours commits.
     */
    public long balance(Connection connection, String tenantId, String accountId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(BALANCE)) {
            select.setString(1, tenantId);
            select.setString(2, accountId);
            select.setObject(3, utc(clock.instant()));
            select.setString(4, tenantId);
            select.setString(5, accountId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * Adds credits to the account.
     *
     * @param amount credits, at least 1
     * @param reason why, shown to the user and admins ("Sign-up bonus", "200 credits top-up")
     * @param expiresAt when the unspent part stops counting, or {@code null} for never
     * @param idempotencyKey names this grant for its purpose, such as {@code "signup:<account id>"} or the payment
     *     provider's event id; unique per tenant. Granting with a key the tenant already used adds nothing and returns
     *     the first grant, so a redelivered payment webhook cannot grant twice
     * @return the grant written, or the earlier one with the same key
     */
    public LedgerEntry grant(String tenantId, String accountId, long amount, String reason, Instant expiresAt,
            String idempotencyKey) {
        return transactions.run("granting credits",
                connection -> grant(connection, tenantId, accountId, amount, reason, expiresAt, idempotencyKey));
    }

    /**
     * {@link #grant(String, String, long, String, Instant, String)} in the caller's transaction, so a grant commits
     * together with what caused it (a payment's record): both or neither.
     */
    public LedgerEntry grant(Connection connection, String tenantId, String accountId, long amount, String reason,
            Instant expiresAt, String idempotencyKey) throws SQLException {
        requireText(tenantId, "tenantId");
        requireText(accountId, "accountId");
        if (amount <= 0) {
            throw new IllegalArgumentException("A grant must add at least 1 credit, was " + amount);
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("idempotencyKey must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        // Prefixed so that no caller's key can collide with the keys of holds, captures and releases.
        String key = "grant:" + idempotencyKey;
        Totals totals;
        Optional<LedgerEntry> written;
        try (PreparedStatement insert = connection.prepareStatement(LOCK + ";\n" + INSERT_GRANT)) {
            setLock(insert, tenantId, accountId);
            insert.setString(6, newEntryId());
            insert.setString(7, tenantId);
            insert.setString(8, accountId);
            insert.setLong(9, amount);
            insert.setString(10, reason);
            insert.setString(11, key);
            insert.setObject(12, utc(clock.instant()));
            insert.setObject(13, expiresAt == null ? null : utc(expiresAt));
            insert.execute();
            totals = totals(nextRows(insert), tenantId, accountId);
            try (ResultSet row = followingRows(insert)) {
                written = row.next() ? Optional.of(entry(row)) : Optional.empty();
            }
        }
        if (written.isEmpty()) {
            return byKey(connection, tenantId, key).orElseThrow(() -> new SQLException(
                    "credit_entry refused key " + key + " but holds no row for it"));
        }
        LOG.info("Granted {} credits to account {} of tenant {} ({})", amount, accountId, tenantId,
                written.get().id());
        if (totals.shortfall() > 0) {
            settleShortfall(connection, written.get(), totals.shortfall());
        }
        return written.get();
    }

    // The grant and its running remainder (see V11) in one statement, sent after LOCK in the same round trip.
    private static final String INSERT_GRANT = """
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

    /** What the account owes: credits a refund or lost dispute could not take back because they were spent. */
    public long shortfall(String tenantId, String accountId) {
        return transactions.run("reading a shortfall", connection -> shortfall(connection, tenantId, accountId));
    }

    private static long shortfall(Connection connection, String tenantId, String accountId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT shortfall FROM credit_account WHERE tenant_id = ? AND account_id = ?")) {
            select.setString(1, tenantId);
            select.setString(2, accountId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    /** What is left of a grant right now (0 for an unknown id). */
    public long remaining(Connection connection, String grantEntryId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT remaining FROM credit_grant_remainder WHERE grant_entry_id = ?")) {
            select.setString(1, grantEntryId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    /** What {@link #reverse} did: credits taken now, and the part added to the account's shortfall. */
    public record Reversal(long taken, long owed) {}

    /**
     * Takes back {@code amount} credits in the caller's transaction (a refund, a dispute): from {@code fromGrant}
     * first, then from the account's other unexpired grants soonest-expiring first, never below what its running generations
     * hold. What cannot be taken (it was spent) is added to the account's shortfall: new holds are refused while it is
     * above zero, and the next grants settle it first. Locks the account.
     *
     * @param key names this reversal (for example {@code "refund:<refund id>"}); reversing again with the same key
     *     takes nothing more. Callers apply a reversal once (a refund's or a dispute's record says it was), so a
     *     reversal that took nothing and only owed is not repeated either.
     */
    public Reversal reverse(Connection connection, String tenantId, String accountId, String fromGrant, long amount,
            String reason, String key) throws SQLException {
        if (amount <= 0) {
            return new Reversal(0, 0);
        }
        lockAccount(connection, tenantId, accountId);
        if (byKey(connection, tenantId, "reverse:" + key).isPresent()) {
            return new Reversal(0, 0);
        }
        long taken = Math.min(amount, Math.max(0, balance(connection, tenantId, accountId)));
        if (taken > 0) {
            LedgerEntry reversal = insert(connection, tenantId, accountId, LedgerEntry.Kind.REVERSAL, taken, reason,
                    null, "reverse:" + key, null).orElseThrow();
            spend(connection, reversal, SpendOrder.reversal(fromGrant, clock.instant()));
        }
        long owed = amount - taken;
        if (owed > 0) {
            addTo(connection, "shortfall", tenantId, accountId, owed);
        }
        LOG.info("Took back {} credits from account {} of tenant {} ({}); {} owed", taken, accountId, tenantId, reason,
                owed);
        return new Reversal(taken, owed);
    }

    /** Every entry of the account, newest first; empty for another tenant's account. */
    public List<LedgerEntry> entries(String tenantId, String accountId) {
        return transactions.run("reading the credit ledger", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM credit_entry"
                    + " WHERE tenant_id = ? AND account_id = ? ORDER BY seq DESC")) {
                select.setString(1, tenantId);
                select.setString(2, accountId);
                return list(select);
            }
        });
    }

    /**
     * One page of the account's entries, newest first, read from the position a cursor names, so a long history is
     * never read whole.
     *
     * @param limit  entries on the page, 1 to {@value #MAX_PAGE}
     * @param cursor {@code null} for the first page, else a previous page's {@link LedgerPage#nextCursor()}
     * @throws IllegalArgumentException if the cursor is not one this method returned
     */
    public LedgerPage entries(String tenantId, String accountId, int limit, String cursor) {
        int size = Math.max(1, Math.min(MAX_PAGE, limit));
        long before = cursor == null || cursor.isEmpty() ? Long.MAX_VALUE : seqOfCursor(cursor);
        return transactions.run("reading a page of the credit ledger", connection -> {
            List<LedgerEntry> entries = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + ", seq"
                    + " FROM credit_entry WHERE tenant_id = ? AND account_id = ? AND seq < ?"
                    + " ORDER BY seq DESC LIMIT ?")) {
                select.setString(1, tenantId);
                select.setString(2, accountId);
                select.setLong(3, before);
                select.setInt(4, size + 1); // one more than the page says whether another follows
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        entries.add(entry(row));
                        seqs.add(row.getLong(10));
                    }
                }
            }
            return entries.size() <= size ? new LedgerPage(entries, null)
                    : new LedgerPage(entries.subList(0, size), cursorAt(seqs.get(size - 1)));
        });
    }

    /**
     * Locks the account's ledger until the caller's transaction ends, creating its lock row on first use. Every
     * balance-changing write takes this lock first, so writes to one account run one after another.
     */
    public void lockAccount(Connection connection, String tenantId, String accountId) throws SQLException {
        lock(connection, tenantId, accountId);
    }

    /** The account's running totals, read with its lock: they stay true until the caller's transaction ends. */
    private record Totals(long held, long shortfall) {}

    private Totals lock(Connection connection, String tenantId, String accountId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            setLock(lock, tenantId, accountId);
            lock.execute();
            return totals(nextRows(lock), tenantId, accountId);
        }
    }

    // Parameters 1 to 5 of LOCK and of the statements that begin with it.
    private void setLock(PreparedStatement statement, String tenantId, String accountId) throws SQLException {
        statement.setString(1, tenantId);
        statement.setString(2, accountId);
        statement.setObject(3, utc(clock.instant()));
        statement.setString(4, tenantId);
        statement.setString(5, accountId);
    }

    private static Totals totals(ResultSet row, String tenantId, String accountId) throws SQLException {
        try (row) {
            if (!row.next()) {
                throw new SQLException("credit_account row for " + tenantId + "/" + accountId + " vanished");
            }
            return new Totals(row.getLong(1), row.getLong(2));
        }
    }

    /**
     * The next result of a statement that sent several in one round trip (pgjdbc sends a statement text holding
     * several as one message train, and each still reads with its own snapshot), skipping update counts.
     */
    private static ResultSet nextRows(PreparedStatement statement) throws SQLException {
        while (statement.getResultSet() == null) {
            if (!statement.getMoreResults() && statement.getUpdateCount() == -1) {
                throw new SQLException("Expected one more result set from the ledger's statements");
            }
        }
        ResultSet rows = statement.getResultSet();
        return rows;
    }

    /** Advances past the current result to the next one holding rows. */
    private static ResultSet followingRows(PreparedStatement statement) throws SQLException {
        if (!statement.getMoreResults() && statement.getUpdateCount() == -1) {
            throw new SQLException("Expected one more result set from the ledger's statements");
        }
        return nextRows(statement);
    }

    /**
     * Sets {@code amount} credits aside for a job, in the caller's transaction (the one inserting the job). Locks the
     * account, checks the balance, writes a HOLD. Holding for a job that already has a hold writes nothing.
     *
     * @param amount the job's price, at least 1 (a free job needs no hold)
     * @return the hold, or empty if the job already had one
     * @throws InsufficientCreditsException if the balance is below {@code amount}; nothing is written
     */
    public Optional<LedgerEntry> hold(Connection connection, String tenantId, String accountId, String jobId,
            long amount) throws SQLException {
        if (amount <= 0) {
            throw new IllegalArgumentException("A hold must be at least 1 credit, was " + amount);
        }
        try (PreparedStatement insert = connection.prepareStatement(HOLD)) {
            Instant now = clock.instant();
            insert.setString(1, tenantId);
            insert.setString(2, accountId);
            insert.setString(3, tenantId);
            insert.setString(4, accountId);
            insert.setObject(5, utc(now));
            insert.setString(6, tenantId);
            insert.setString(7, accountId);
            insert.setString(8, newEntryId());
            insert.setString(9, tenantId);
            insert.setString(10, accountId);
            insert.setLong(11, amount);
            insert.setString(12, jobId);
            insert.setString(13, "hold:" + jobId);
            insert.setObject(14, utc(now));
            insert.setLong(15, amount);
            insert.setLong(16, amount);
            insert.setString(17, tenantId);
            insert.setString(18, accountId);
            insert.execute();
            nextRows(insert).close();
            try (ResultSet row = followingRows(insert)) {
                row.next();
                long spendable = row.getLong(10);
                if (spendable < amount) {
                    throw new InsufficientCreditsException(Math.max(0, spendable), amount);
                }
                return row.getString(1) == null ? Optional.empty() : Optional.of(entry(row));
            }
        }
    }

    /**
     * Spends the job's hold, in the caller's transaction: writes a CAPTURE of the held amount and takes it from the
     * account's grants, soonest-expiring first among those valid when the hold was written. Does nothing if the job has no hold (a free job) or its hold was
     * already captured or released.
     *
     * @return the capture, or empty if nothing was moved
     */
    public Optional<LedgerEntry> capture(Connection connection, String tenantId, String jobId) throws SQLException {
        return settle(connection, tenantId, jobId, LedgerEntry.Kind.CAPTURE);
    }

    /**
     * Returns the job's hold to the balance, in the caller's transaction: writes a RELEASE of the held amount. Does
     * nothing if the job has no hold or its hold was already captured or released.
     *
     * @return the release, or empty if nothing was moved
     */
    public Optional<LedgerEntry> release(Connection connection, String tenantId, String jobId) throws SQLException {
        return settle(connection, tenantId, jobId, LedgerEntry.Kind.RELEASE);
    }

    /**
     * Writes the job's CAPTURE or RELEASE and lowers the account's held credits in one statement, and for a capture
     * spends it from the grants in a second statement sent in the same round trip. The first statement's update of
     * {@code credit_account} takes the account's lock, so the second reads grants no other writer is changing. A job
     * is settled at most once: a second settlement conflicts with the first in the unique index
     * {@code credit_entry_one_settlement} (V19) and writes nothing, also when two race, because the later insert waits
     * for the earlier one's transaction; the spend then finds no entry and takes nothing.
     */
    private Optional<LedgerEntry> settle(Connection connection, String tenantId, String jobId, LedgerEntry.Kind kind)
            throws SQLException {
        boolean capture = kind == LedgerEntry.Kind.CAPTURE;
        String entryId = newEntryId();
        try (PreparedStatement insert = connection.prepareStatement(
                capture ? SETTLE + ";\n" + spendSql(SpendOrder.CAPTURE) : SETTLE)) {
            insert.setString(1, tenantId);
            insert.setString(2, "hold:" + jobId);
            insert.setString(3, entryId);
            insert.setString(4, tenantId);
            insert.setString(5, kind.name());
            insert.setString(6, jobId);
            insert.setString(7, kind.name().toLowerCase(Locale.ROOT) + ":" + jobId);
            insert.setObject(8, utc(clock.instant()));
            if (capture) {
                setSpend(insert, 9, entryId, SpendOrder.CAPTURE);
            }
            insert.execute();
            Optional<LedgerEntry> settled;
            try (ResultSet row = nextRows(insert)) {
                settled = row.next() ? Optional.of(entry(row)) : Optional.empty();
            }
            if (capture) {
                long left = settled.map(LedgerEntry::amount).orElse(0L) - sum(followingRows(insert));
                if (left > 0) {
                    // Cannot happen while every hold is checked against the balance under the account lock; say so
                    // loudly rather than fail the user's finished generation.
                    LOG.error("Capture of job {} (tenant {}) found {} credits fewer in grants than it held", jobId,
                            tenantId, left);
                }
            }
            return settled;
        }
    }

    /** Adds {@code amount} to one of the account's running totals ({@code held} or {@code shortfall}). */
    private static void addTo(Connection connection, String total, String tenantId, String accountId, long amount)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE credit_account SET " + total + " = "
                + total + " + ? WHERE tenant_id = ? AND account_id = ?")) {
            update.setLong(1, amount);
            update.setString(2, tenantId);
            update.setString(3, accountId);
            update.executeUpdate();
        }
    }

    /**
     * Which of the account's grants a spend takes from, in which order: SQL for the window's {@code ORDER BY} over
     * the grant remainders {@code r} and the entry {@code e} being spent (the grant's {@code seq} breaks ties), an extra
     * {@code WHERE} condition, and the parameters of both in that order.
     */
    private record SpendOrder(String orderBy, String where, List<Object> parameters) {

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

        /** Only {@code grant}. */
        static SpendOrder only(String grant) {
            return new SpendOrder("r.seq", " AND r.grant_entry_id = ?", List.of(grant));
        }
    }

    // Takes an entry's amount from the account's grants in one statement. The entry is read by id (entry_id = the
    // first parameter); when there is none (a settlement that conflicted) nothing is spent. The window sums what the
    // grants before each one hold, each grant gives what is still needed up to its remainder, and every grant taken
    // from gets its credit_spend row. Runs under the account's lock, so the remainders read are the current ones.
    private static final String SPEND = """
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
    private static String spendSql(SpendOrder order) {
        return SPEND.formatted(order.orderBy(), order.where());
    }

    private static int setSpend(PreparedStatement statement, int first, String entryId, SpendOrder order)
            throws SQLException {
        statement.setString(first, entryId);
        for (int i = 0; i < order.parameters().size(); i++) {
            statement.setObject(first + 1 + i, order.parameters().get(i));
        }
        return first + 1 + order.parameters().size();
    }

    private static long sum(ResultSet rows) throws SQLException {
        try (rows) {
            long taken = 0;
            while (rows.next()) {
                taken += rows.getLong(1);
            }
            return taken;
        }
    }

    /**
     * Spends {@code entry}'s amount (a reversal) from the account's grants in {@code order}.
     *
     * @return the credits taken, less than the entry's amount only if its grants could not cover it
     */
    private static long spend(Connection connection, LedgerEntry entry, SpendOrder order) throws SQLException {
        try (PreparedStatement take = connection.prepareStatement(spendSql(order))) {
            setSpend(take, 1, entry.id(), order);
            return sum(take.executeQuery());
        }
    }

    /**
     * Settles what the account owes from the new {@code grant} first: a REVERSAL of up to the grant's amount, spent
     * from that grant, and the shortfall lowered by as much.
     */
    private void settleShortfall(Connection connection, LedgerEntry grant, long owed) throws SQLException {
        long settled = Math.min(owed, grant.amount());
        LedgerEntry reversal = insert(connection, grant.tenantId(), grant.accountId(), LedgerEntry.Kind.REVERSAL,
                settled, "Settles credits owed after a refund", null, "settle:" + grant.id(), null).orElseThrow();
        spend(connection, reversal, SpendOrder.only(grant.id()));
        addTo(connection, "shortfall", grant.tenantId(), grant.accountId(), -settled);
    }

    private Optional<LedgerEntry> insert(Connection connection, String tenantId, String accountId,
            LedgerEntry.Kind kind, long amount, String reason, String jobId, String key, Instant expiresAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, newEntryId());
            insert.setString(2, tenantId);
            insert.setString(3, accountId);
            insert.setString(4, kind.name());
            insert.setLong(5, amount);
            insert.setString(6, reason);
            insert.setString(7, jobId);
            insert.setString(8, key);
            insert.setObject(9, utc(clock.instant()));
            insert.setObject(10, expiresAt == null ? null : utc(expiresAt));
            List<LedgerEntry> written = list(insert);
            return written.stream().findFirst();
        }
    }

    private String newEntryId() {
        return "cre_" + ids.next().toString().replace("-", "");
    }

    private static Optional<LedgerEntry> byKey(Connection connection, String tenantId, String key)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM credit_entry"
                + " WHERE tenant_id = ? AND idempotency_key = ?")) {
            select.setString(1, tenantId);
            select.setString(2, key);
            return list(select).stream().findFirst();
        }
    }

    private static List<LedgerEntry> list(PreparedStatement statement) throws SQLException {
        List<LedgerEntry> entries = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                entries.add(entry(row));
            }
        }
        return entries;
    }

    private static LedgerEntry entry(ResultSet row) throws SQLException {
        return new LedgerEntry(row.getString(1), row.getString(2), row.getString(3),
                LedgerEntry.Kind.valueOf(row.getString(4)), row.getLong(5), row.getString(6), row.getString(7),
                instant(row, 8), instant(row, 9));
    }

    // A cursor is the last seq of a page behind a prefix, base64url-encoded: clients only hand back what they got.
    private static String cursorAt(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + seq)
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static long seqOfCursor(String cursor) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a credit ledger cursor", e);
        }
        if (!text.matches(CURSOR_PREFIX + "[1-9][0-9]{0,17}")) {
            throw new IllegalArgumentException("Not a credit ledger cursor");
        }
        return Long.parseLong(text.substring(CURSOR_PREFIX.length()));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
