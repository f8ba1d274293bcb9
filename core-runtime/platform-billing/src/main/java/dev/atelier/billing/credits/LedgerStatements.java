package dev.atelier.billing.credits;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The ledger's holds and settlements as parts of a caller's own statement, for the job queue: a job row and its hold
 * written by one statement (the hold's balance check decides in SQL whether the job row is written), and a job's
 * final state and its capture or release by another, so that each commits in one round trip. The rules are those of
 * {@link CreditLedger#hold} and {@link CreditLedger#capture}, on the same SQL: the account's lock first, then the
 * check, the entry and the running totals.
 *
 * <p>Every {@code bind} method sets its parameters from {@code first} on and returns the index after them.
 */
public final class LedgerStatements {

    /** Sent first in a train holding holds or settlements: one plan for statements that find rows by unique keys. */
    public static final String GENERIC_PLANS = LedgerSql.GENERIC_PLANS;
    /** Locks the account; parameters bound by {@link #bindLock}. Send it before a statement using {@link #spendable}. */
    public static final String LOCK_ACCOUNT = LedgerSql.LOCK_ACCOUNT;

    private final Clock clock;
    private final Supplier<String> entryIds;

    LedgerStatements(Clock clock, Supplier<String> entryIds) {
        this.clock = clock;
        this.entryIds = entryIds;
    }

    /** The CTE {@code spendable(credits)}: what the account may hold now; parameters bound by {@link #bindSpendable}. */
    public String spendable() {
        return LedgerSql.SPENDABLE;
    }

    /**
     * The CTEs {@code held} and {@code raised}: a HOLD of the job of each row of the CTE {@code rows} (columns
     * {@code id}, {@code tenant_id}, {@code account_id}), added to the account's held credits. Whether the account may
     * hold it is the caller's condition on {@code rows}, against {@link #spendable}, under {@link #LOCK_ACCOUNT}.
     */
    public String holdOf(String rows) {
        return LedgerSql.HOLD_OF_ROWS.formatted(rows);
    }

    /**
     * The CTEs {@code hold}, {@code written} and {@code lowered}: the CAPTURE or RELEASE of the hold of the job of each
     * row of the CTE {@code rows} (columns {@code id}, {@code tenant_id}); {@code written} has the entry's columns
     * (read them with {@link #entry}). The update of the held credits takes the account's lock. A job is settled at
     * most once (see {@link CreditLedger#capture}).
     */
    public String settleOf(String rows) {
        return LedgerSql.SETTLE_OF_ROWS.formatted(rows);
    }

    /**
     * The statement that spends a capture from the account's grants, soonest-expiring first; send it after the
     * settlement in the same transaction. Parameters bound by {@link #bindSpend}.
     */
    public String spendOfCapture() {
        return LedgerSql.spendSql(LedgerSql.SpendOrder.CAPTURE);
    }

    public int bindLock(PreparedStatement statement, int first, String tenantId, String accountId)
            throws SQLException {
        statement.setString(first, tenantId);
        statement.setString(first + 1, accountId);
        return first + 2;
    }

    public int bindSpendable(PreparedStatement statement, int first, String tenantId, String accountId)
            throws SQLException {
        statement.setString(first, tenantId);
        statement.setString(first + 1, accountId);
        statement.setObject(first + 2, LedgerSql.utc(clock.instant()));
        statement.setString(first + 3, tenantId);
        statement.setString(first + 4, accountId);
        return first + 5;
    }

    /** @param amount the price held; 0 holds nothing (a free job) */
    public int bindHold(PreparedStatement statement, int first, long amount) throws SQLException {
        statement.setString(first, entryIds.get());
        statement.setLong(first + 1, amount);
        statement.setObject(first + 2, LedgerSql.utc(clock.instant()));
        statement.setLong(first + 3, amount);
        return first + 4;
    }

    /**
     * @param entryId the new entry's id, from {@link #newEntryId()}; {@link #bindSpend} needs it too
     */
    public int bindSettle(PreparedStatement statement, int first, String entryId, LedgerEntry.Kind kind,
            String jobId) throws SQLException {
        if (kind != LedgerEntry.Kind.CAPTURE && kind != LedgerEntry.Kind.RELEASE) {
            throw new IllegalArgumentException("a settlement is a CAPTURE or a RELEASE, not " + kind);
        }
        statement.setString(first, entryId);
        statement.setString(first + 1, kind.name());
        statement.setString(first + 2, kind.name().toLowerCase(Locale.ROOT) + ":" + jobId);
        statement.setObject(first + 3, LedgerSql.utc(clock.instant()));
        return first + 4;
    }

    public int bindSpend(PreparedStatement statement, int first, String captureEntryId) throws SQLException {
        LedgerSql.setSpend(statement, first, captureEntryId, LedgerSql.SpendOrder.CAPTURE);
        return first + 1;
    }

    /** A new entry id. */
    public String newEntryId() {
        return entryIds.get();
    }

    /** The entry whose columns start at {@code firstColumn}, or empty when they are null (nothing was written). */
    public Optional<LedgerEntry> entry(ResultSet row, int firstColumn) throws SQLException {
        return row.getString(firstColumn) == null ? Optional.empty()
                : Optional.of(CreditLedger.entry(row, firstColumn));
    }

    /** Credits the spend statement's rows took from grants. */
    public long spent(ResultSet rows) throws SQLException {
        return LedgerSql.sum(rows);
    }
}
