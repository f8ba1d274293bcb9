package dev.atelier.billing.notices;

import dev.atelier.billing.credits.CreditLedger;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.core.tenants.TenantSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Tells an account's owner once when a generation's spend takes their balance below the tenant's
 * {@code credits.low_balance_threshold}, and again only after credits lifted the balance back to it and a spend took it
 * below once more.
 *
 * <p>Why here and not in the ledger: holds, captures and grants are the ledger's hot paths; this runs after a capture,
 * in the settlement's transaction and under the account lock the capture took, so concurrent settlements of one account
 * judge the crossing one after another. It costs nothing for a tenant without a threshold, one balance read for an
 * account above it, and a look at the last notice only for an account below it.
 *
 * <p>Why "a grant since the last notice, and this spend started at or above the threshold" re-arms it: the grant path
 * stays untouched, and a balance only rises by grants, so a balance that fell below, was lifted by a grant, and falls
 * again is exactly one whose spend started from the threshold or above after a grant newer than the last notice.
 */
public final class LowBalanceWatch {

    /** Watches nothing. */
    public static final LowBalanceWatch OFF = new LowBalanceWatch(null, null, BillingNotices.NONE, Clock.systemUTC());

    private final TenantDirectory tenants;
    private final CreditLedger ledger;
    private final BillingNotices notices;
    private final Clock clock;

    public LowBalanceWatch(TenantDirectory tenants, CreditLedger ledger, BillingNotices notices, Clock clock) {
        this.tenants = tenants;
        this.ledger = ledger;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Called with the capture a settlement just wrote, on its transaction (the account is locked by the capture).
     * Queues the low-balance notice when this spend crossed the threshold.
     */
    public void spent(Connection connection, LedgerEntry capture) throws SQLException {
        if (tenants == null) {
            return;
        }
        Optional<Tenant> tenant = tenants.byId(capture.tenantId());
        long threshold = tenant.map(Tenant::settings).map(TenantSettings::credits)
                .map(TenantSettings.Credits::lowBalanceThreshold).orElse(0L);
        if (threshold <= 0) {
            return;
        }
        long balance = ledger.balance(connection, capture.tenantId(), capture.accountId());
        if (balance >= threshold) {
            return;
        }
        Optional<Instant> notified = lastNotice(connection, capture);
        if (notified.isPresent() && !(balance + capture.amount() >= threshold
                && grantedSince(connection, capture, notified.get()))) {
            return;
        }
        remember(connection, capture);
        notices.queue(connection, tenant.get(), new BillingNotice.LowBalance(capture.accountId(), capture.id(),
                balance, threshold));
    }

    private static Optional<Instant> lastNotice(Connection connection, LedgerEntry capture) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT notified_at FROM credit_low_balance_notice"
                + " WHERE tenant_id = ? AND account_id = ?")) {
            select.setString(1, capture.tenantId());
            select.setString(2, capture.accountId());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
            }
        }
    }

    private static boolean grantedSince(Connection connection, LedgerEntry capture, Instant since)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM credit_entry WHERE tenant_id = ?"
                + " AND account_id = ? AND kind = 'GRANT' AND created_at > ? LIMIT 1")) {
            select.setString(1, capture.tenantId());
            select.setString(2, capture.accountId());
            select.setObject(3, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private void remember(Connection connection, LedgerEntry capture) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO credit_low_balance_notice"
                + " (tenant_id, account_id, notified_at) VALUES (?, ?, ?) ON CONFLICT (tenant_id, account_id)"
                + " DO UPDATE SET notified_at = EXCLUDED.notified_at")) {
            upsert.setString(1, capture.tenantId());
            upsert.setString(2, capture.accountId());
            upsert.setObject(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            upsert.executeUpdate();
        }
    }
}
