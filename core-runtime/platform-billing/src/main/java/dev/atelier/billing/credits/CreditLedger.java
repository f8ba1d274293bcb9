package dev.atelier.billing.credits;

import static dev.atelier.billing.credits.LedgerSql.BALANCE;
import static dev.atelier.billing.credits.LedgerSql.COLUMNS;
import static dev.atelier.billing.credits.LedgerSql.HOLD;
import static dev.atelier.billing.credits.LedgerSql.INSERT;
import static dev.atelier.billing.credits.LedgerSql.INSERT_GRANT;
import static dev.atelier.billing.credits.LedgerSql.LOCK;
import static dev.atelier.billing.credits.LedgerSql.SETTLE;
import static dev.atelier.billing.credits.LedgerSql.followingRows;
import static dev.atelier.billing.credits.LedgerSql.nextRows;
import static dev.atelier.billing.credits.LedgerSql.setSpend;
import static dev.atelier.billing.credits.LedgerSql.spendSql;
import static dev.atelier.billing.credits.LedgerSql.sum;
import static dev.atelier.billing.credits.LedgerSql.utc;

import dev.atelier.billing.credits.LedgerSql.SpendOrder;
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
 * submissions against a balance that covers ten therefore hold exactly ten. A capture or release takes the same lock
 * with the statement that writes it, before it touches any grant.
 *
 * <p>Why so few round trips: holds and captures run on every generation, and the lock is held from the first statement
 * to the commit; {@link LedgerSql} explains how each of them costs one round trip before the commit.
 *
 * <p>Holds, captures and releases belong to generation jobs and are written by the job queue inside its own
 * transactions (the job row and its hold commit together or not at all), which is why those methods take the caller's
 * {@link Connection}. Their idempotency keys ({@code "hold:<job id>"}, {@code "capture:<job id>"},
 * {@code "release:<job id>"}) are unique per tenant, and a job whose hold was captured or released is never settled
 * again (the database refuses a second settlement of a job), so a retried settlement moves nothing.
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

    private final JdbcTransactions transactions;
    private final Clock clock;
    private final UuidV7 ids;

    public CreditLedger(DataSource dataSource, Clock clock) {
        this.transactions = new JdbcTransactions(dataSource);
        this.clock = clock;
        this.ids = new UuidV7(clock, new SecureRandom());
    }

    /** The ledger's holds and settlements as parts of the job queue's own statements. */
    public LedgerStatements statements() {
        return new LedgerStatements(clock, this::newEntryId);
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

    /**
     * The account's unexpired grants with credits left, in the order captures spend them (soonest expiry first,
     * never-expiring last). Their sum is the balance plus what running generations hold.
     */
    public List<CreditSource> sources(String tenantId, String accountId) {
        return transactions.run("reading where credits come from", connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT e.reason, r.remaining, r.expires_at, e.created_at
                      FROM credit_grant_remainder r JOIN credit_entry e ON e.id = r.grant_entry_id
                     WHERE r.tenant_id = ? AND r.account_id = ? AND r.remaining > 0
                       AND (r.expires_at IS NULL OR r.expires_at > ?)
                     ORDER BY r.expires_at ASC NULLS LAST, r.seq""")) {
                select.setString(1, tenantId);
                select.setString(2, accountId);
                select.setObject(3, utc(clock.instant()));
                List<CreditSource> sources = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        sources.add(new CreditSource(rows.getString(1), rows.getLong(2), instant(rows, 3),
                                instant(rows, 4)));
                    }
                }
                return sources;
            }
        });
    }

    /** Credits the account's running generations hold (part of the sources, not of the balance). */
    public long held(String tenantId, String accountId) {
        return transactions.run("reading held credits", connection -> held(connection, tenantId, accountId));
    }

    /** {@link #held(String, String)} as the caller's transaction sees it. */
    public long held(Connection connection, String tenantId, String accountId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT held FROM credit_account WHERE tenant_id = ? AND account_id = ?")) {
            select.setString(1, tenantId);
            select.setString(2, accountId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        }
    }

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

    /** What is left of the account's {@code grants} together, expired or not. */
    private static long remaining(Connection connection, String tenantId, String accountId, String[] grants)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(SUM(remaining), 0)"
                + " FROM credit_grant_remainder WHERE tenant_id = ? AND account_id = ? AND grant_entry_id = ANY (?)")) {
            select.setString(1, tenantId);
            select.setString(2, accountId);
            select.setArray(3, connection.createArrayOf("text", grants));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
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

    /**
     * Carries what is left of {@code fromGrants} (a plan's credits of the period that ended) into a new grant, in the
     * caller's transaction: up to {@code max} credits, as one GRANT entry with its own reason and expiry, which takes
     * the credits it carries from those grants (its {@code credit_spend} rows name them). The balance stays what it
     * was until the old grants would have expired; after that the carried credits stay until {@code expiresAt}.
     * Grants of other accounts or tenants are ignored. Locks the account.
     *
     * @param fromGrants the grant entry ids credits are carried from, taken in this order
     * @param max the most credits carried; {@link Long#MAX_VALUE} for all that is left
     * @param reason shown to the user, such as {@code "Creator plan: unused credits carried over"}
     * @param key names this rollover, such as {@code "rollover:<payment id>"}; unique per tenant. Rolling over again
     *     with the same key carries nothing more and returns the first rollover
     * @return the rollover's grant; empty when nothing was left to carry (or {@code max} is 0)
     */
    public Optional<LedgerEntry> rollover(Connection connection, String tenantId, String accountId,
            List<String> fromGrants, long max, String reason, Instant expiresAt, String key) throws SQLException {
        lockAccount(connection, tenantId, accountId);
        Optional<LedgerEntry> before = byKey(connection, tenantId, "grant:" + key);
        if (before.isPresent() || max <= 0) {
            return before;
        }
        String[] grants = fromGrants.toArray(String[]::new);
        long carried = Math.min(max, remaining(connection, tenantId, accountId, grants));
        if (carried == 0) {
            return Optional.empty();
        }
        LedgerEntry carry = grant(connection, tenantId, accountId, carried, reason, expiresAt, key);
        spend(connection, carry, SpendOrder.only(grants));
        return Optional.of(carry);
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
        spend(connection, reversal, SpendOrder.only(new String[] {grant.id()}));
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
        return entry(row, 1);
    }

    /** The entry whose {@link LedgerSql#COLUMNS} start at {@code first}. */
    static LedgerEntry entry(ResultSet row, int first) throws SQLException {
        return new LedgerEntry(row.getString(first), row.getString(first + 1), row.getString(first + 2),
                LedgerEntry.Kind.valueOf(row.getString(first + 3)), row.getLong(first + 4), row.getString(first + 5),
                row.getString(first + 6), instant(row, first + 7), instant(row, first + 8));
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


    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
