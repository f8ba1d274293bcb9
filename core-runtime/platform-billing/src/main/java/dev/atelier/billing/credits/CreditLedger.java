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
import java.util.Comparator;
import java.util.List;
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
        lockAccount(connection, tenantId, accountId);
        Optional<LedgerEntry> written = insert(connection, tenantId, accountId, LedgerEntry.Kind.GRANT, amount,
                reason, null, key, expiresAt);
        if (written.isEmpty()) {
            return byKey(connection, tenantId, key).orElseThrow(() -> new SQLException(
                    "credit_entry refused key " + key + " but holds no row for it"));
        }
        try (PreparedStatement remainder = connection.prepareStatement("INSERT INTO credit_grant_remainder"
                + " (grant_entry_id, tenant_id, account_id, remaining, expires_at, seq)"
                + " SELECT id, tenant_id, account_id, amount, expires_at, seq FROM credit_entry WHERE id = ?")) {
            remainder.setString(1, written.get().id());
            remainder.executeUpdate();
        }
        LOG.info("Granted {} credits to account {} of tenant {} ({})", amount, accountId, tenantId,
                written.get().id());
        settleShortfall(connection, written.get());
        return written.get();
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
            List<GrantRemainder> grants = remainders(connection, tenantId, accountId);
            Instant now = clock.instant();
            grants.removeIf(g -> g.expiresAt() != null && !g.expiresAt().isAfter(now));
            grants.sort(Comparator.comparing((GrantRemainder g) -> !g.id().equals(fromGrant))
                    .thenComparing(GrantRemainder::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingLong(GrantRemainder::seq));
            spendInOrder(connection, reversal, grants);
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
        List<GrantRemainder> sources = new ArrayList<>();
        long left = 0;
        for (GrantRemainder grant : remainders(connection, tenantId, accountId)) {
            if (fromGrants.contains(grant.id())) {
                sources.add(grant);
                left += grant.remaining();
            }
        }
        sources.sort(Comparator.comparingInt(g -> fromGrants.indexOf(g.id())));
        long carried = Math.min(max, left);
        if (carried == 0) {
            return Optional.empty();
        }
        LedgerEntry carry = grant(connection, tenantId, accountId, carried, reason, expiresAt, key);
        spendInOrder(connection, carry, sources);
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
        // The row exists for every account but a first-timer's, so try the lock alone before creating the row.
        if (lockRow(connection, tenantId, accountId)) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO credit_account (tenant_id,"
                + " account_id, created_at) VALUES (?, ?, ?) ON CONFLICT (tenant_id, account_id) DO NOTHING")) {
            insert.setString(1, tenantId);
            insert.setString(2, accountId);
            insert.setObject(3, utc(clock.instant()));
            insert.executeUpdate();
        }
        if (!lockRow(connection, tenantId, accountId)) {
            throw new SQLException("credit_account row for " + tenantId + "/" + accountId + " vanished");
        }
    }

    private static boolean lockRow(Connection connection, String tenantId, String accountId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT 1 FROM credit_account"
                + " WHERE tenant_id = ? AND account_id = ? FOR UPDATE")) {
            lock.setString(1, tenantId);
            lock.setString(2, accountId);
            try (ResultSet row = lock.executeQuery()) {
                return row.next();
            }
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
        lockAccount(connection, tenantId, accountId);
        // Credits owed after a refund are settled by the next grants; until then they are not spendable.
        long balance = balance(connection, tenantId, accountId) - shortfall(connection, tenantId, accountId);
        if (balance < amount) {
            throw new InsufficientCreditsException(Math.max(0, balance), amount);
        }
        Optional<LedgerEntry> written = insert(connection, tenantId, accountId, LedgerEntry.Kind.HOLD, amount, null,
                jobId, "hold:" + jobId, null);
        if (written.isPresent()) {
            addHeld(connection, tenantId, accountId, amount);
        }
        return written;
    }

    /**
     * Spends the job's hold, in the caller's transaction: writes a CAPTURE of the held amount and takes it from the
     * account's grants, soonest-expiring first among those valid when the hold was written. Does nothing if the job has no hold (a free job) or its hold was
     * already captured or released.
     *
     * @return the capture, or empty if nothing was moved
     */
    public Optional<LedgerEntry> capture(Connection connection, String tenantId, String jobId) throws SQLException {
        Optional<LedgerEntry> hold = unsettledHold(connection, tenantId, jobId);
        if (hold.isEmpty()) {
            return Optional.empty();
        }
        LedgerEntry held = hold.get();
        Optional<LedgerEntry> capture = insert(connection, tenantId, held.accountId(), LedgerEntry.Kind.CAPTURE,
                held.amount(), null, jobId, "capture:" + jobId, null);
        if (capture.isPresent()) {
            addHeld(connection, tenantId, held.accountId(), -held.amount());
            spend(connection, capture.get(), held.createdAt());
        }
        return capture;
    }

    /**
     * Returns the job's hold to the balance, in the caller's transaction: writes a RELEASE of the held amount. Does
     * nothing if the job has no hold or its hold was already captured or released.
     *
     * @return the release, or empty if nothing was moved
     */
    public Optional<LedgerEntry> release(Connection connection, String tenantId, String jobId) throws SQLException {
        Optional<LedgerEntry> hold = unsettledHold(connection, tenantId, jobId);
        if (hold.isEmpty()) {
            return Optional.empty();
        }
        LedgerEntry held = hold.get();
        Optional<LedgerEntry> release = insert(connection, tenantId, held.accountId(), LedgerEntry.Kind.RELEASE,
                held.amount(), null, jobId, "release:" + jobId, null);
        if (release.isPresent()) {
            addHeld(connection, tenantId, held.accountId(), -held.amount());
        }
        return release;
    }

    // Called with the account locked, in the transaction that writes the HOLD, CAPTURE or RELEASE it follows.
    private static void addHeld(Connection connection, String tenantId, String accountId, long amount)
            throws SQLException {
        addTo(connection, "held", tenantId, accountId, amount);
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

    /** The job's hold if it has one that is neither captured nor released, with the account locked. */
    private Optional<LedgerEntry> unsettledHold(Connection connection, String tenantId, String jobId)
            throws SQLException {
        Optional<LedgerEntry> hold = byKey(connection, tenantId, "hold:" + jobId);
        if (hold.isEmpty()) {
            return Optional.empty();
        }
        lockAccount(connection, tenantId, hold.get().accountId());
        // Checked under the account lock: a settlement racing this one has either committed (and is seen here) or
        // waits for the lock and will see this one.
        try (PreparedStatement settled = connection.prepareStatement("SELECT 1 FROM credit_entry WHERE tenant_id = ?"
                + " AND idempotency_key IN (?, ?)")) {
            settled.setString(1, tenantId);
            settled.setString(2, "capture:" + jobId);
            settled.setString(3, "release:" + jobId);
            try (ResultSet row = settled.executeQuery()) {
                return row.next() ? Optional.empty() : hold;
            }
        }
    }

    private record GrantRemainder(String id, long remaining, Instant expiresAt, long seq) {}

    private void spend(Connection connection, LedgerEntry capture, Instant heldAt) throws SQLException {
        List<GrantRemainder> remainders = remainders(connection, capture.tenantId(), capture.accountId());
        // Grants valid when the credits were held, soonest expiry first, never-expiring last. Grants that had already
        // expired then come after, most recent first; the account lock makes reaching them impossible in practice.
        Comparator<GrantRemainder> order = Comparator
                .comparing((GrantRemainder g) -> g.expiresAt() != null && !g.expiresAt().isAfter(heldAt))
                .thenComparing((a, b) -> {
                    boolean expired = a.expiresAt() != null && !a.expiresAt().isAfter(heldAt);
                    if (expired) {
                        return b.expiresAt().compareTo(a.expiresAt());
                    }
                    return Comparator.nullsLast(Comparator.<Instant>naturalOrder())
                            .compare(a.expiresAt(), b.expiresAt());
                })
                .thenComparingLong(GrantRemainder::seq);
        remainders.sort(order);
        long left = spendInOrder(connection, capture, remainders);
        if (left > 0) {
            // Cannot happen while every hold is checked against the balance under the account lock; say so loudly
            // rather than fail the user's finished generation.
            LOG.error("Capture {} of job {} (tenant {}, account {}) found {} credits fewer in grants than it held",
                    capture.id(), capture.jobId(), capture.tenantId(), capture.accountId(), left);
        }
    }

    /** The grants of the account with credits left. */
    private static List<GrantRemainder> remainders(Connection connection, String tenantId, String accountId)
            throws SQLException {
        List<GrantRemainder> remainders = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT grant_entry_id, remaining, expires_at, seq
                  FROM credit_grant_remainder
                 WHERE tenant_id = ? AND account_id = ? AND remaining > 0""")) {
            select.setString(1, tenantId);
            select.setString(2, accountId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    remainders.add(new GrantRemainder(rows.getString(1), rows.getLong(2), instant(rows, 3),
                            rows.getLong(4)));
                }
            }
        }
        return remainders;
    }

    /**
     * Spends {@code entry}'s amount from {@code grants} in their order (a capture, or a reversal); each grant's spend
     * and its remainder are written by one statement, all of them in one batch.
     *
     * @return what the grants could not cover
     */
    private static long spendInOrder(Connection connection, LedgerEntry entry, List<GrantRemainder> grants)
            throws SQLException {
        long left = entry.amount();
        try (PreparedStatement take = connection.prepareStatement("""
                WITH taken AS (UPDATE credit_grant_remainder SET remaining = remaining - ?
                                WHERE grant_entry_id = ? RETURNING grant_entry_id)
                INSERT INTO credit_spend (tenant_id, account_id, capture_entry_id, grant_entry_id, amount)
                SELECT ?, ?, ?, grant_entry_id, ? FROM taken""")) {
            for (GrantRemainder grant : grants) {
                if (left == 0) {
                    break;
                }
                long amount = Math.min(left, grant.remaining());
                take.setLong(1, amount);
                take.setString(2, grant.id());
                take.setString(3, entry.tenantId());
                take.setString(4, entry.accountId());
                take.setString(5, entry.id());
                take.setLong(6, amount);
                take.addBatch();
                left -= amount;
            }
            take.executeBatch();
        }
        return left;
    }

    /**
     * Settles what the account owes from the new {@code grant} first: a REVERSAL of up to the grant's amount, spent
     * from that grant, and the shortfall lowered by as much.
     */
    private void settleShortfall(Connection connection, LedgerEntry grant) throws SQLException {
        long owed = shortfall(connection, grant.tenantId(), grant.accountId());
        if (owed == 0) {
            return;
        }
        long settled = Math.min(owed, grant.amount());
        LedgerEntry reversal = insert(connection, grant.tenantId(), grant.accountId(), LedgerEntry.Kind.REVERSAL,
                settled, "Settles credits owed after a refund", null, "settle:" + grant.id(), null).orElseThrow();
        spendInOrder(connection, reversal, List.of(new GrantRemainder(grant.id(), grant.amount(), null, 0)));
        addTo(connection, "shortfall", grant.tenantId(), grant.accountId(), -settled);
    }

    private Optional<LedgerEntry> insert(Connection connection, String tenantId, String accountId,
            LedgerEntry.Kind kind, long amount, String reason, String jobId, String key, Instant expiresAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, "cre_" + ids.next().toString().replace("-", ""));
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
