package dev.atelier.billing.notices;

import dev.atelier.billing.credits.CreditLedger;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.core.tenants.TenantSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells an account's owner when a generation's spend takes their credits below the tenant's
 * {@code credits.low_balance_threshold}: once per fall, so again only after credits lifted them back to it.
 *
 * <p>Why here and not in the ledger: holds, captures and grants are the ledger's hot paths; this runs after a capture,
 * in the settlement's transaction and under the account lock the capture took, so the settlements of one account are
 * judged one after another. It costs nothing for a tenant without a threshold and one balance read for an account
 * above it.
 *
 * <p>Why judged on the credits the account owns (its balance plus what its running generations hold) rather than the
 * spendable balance: a hold lowers the spendable balance when a generation is queued, so five generations queued at
 * once would all find it below the threshold when they finish. Owned credits fall only when a spend is captured, by
 * exactly its amount, so exactly one capture per fall takes them from the threshold or above to below it, and no
 * record of earlier emails is needed: a grant lifts them, and the next fall is a new crossing.
 */
public final class LowBalanceWatch {

    /** Watches nothing. */
    public static final LowBalanceWatch OFF = new LowBalanceWatch(null, null, BillingNotices.NONE);

    private final TenantDirectory tenants;
    private final CreditLedger ledger;
    private final BillingNotices notices;

    public LowBalanceWatch(TenantDirectory tenants, CreditLedger ledger, BillingNotices notices) {
        this.tenants = tenants;
        this.ledger = ledger;
        this.notices = notices;
    }

    /**
     * Whether spends of this tenant are judged: a settlement of a tenant without a threshold may commit before
     * {@link #spent} (which does nothing for it), in the same round trip as its capture.
     */
    public boolean watches(String tenantId) {
        return threshold(tenantId) > 0;
    }

    private long threshold(String tenantId) {
        if (tenants == null) {
            return 0;
        }
        return tenants.byId(tenantId).map(Tenant::settings).map(TenantSettings::credits)
                .map(TenantSettings.Credits::lowBalanceThreshold).orElse(0L);
    }

    /**
     * Called with the capture a settlement just wrote, on its transaction (the capture locked the account). Queues
     * the low-balance notice when this spend crossed the threshold.
     */
    public void spent(Connection connection, LedgerEntry capture) throws SQLException {
        long threshold = threshold(capture.tenantId());
        if (threshold <= 0) {
            return;
        }
        Optional<Tenant> tenant = tenants.byId(capture.tenantId());
        long balance = ledger.balance(connection, capture.tenantId(), capture.accountId());
        if (balance >= threshold) {
            return;
        }
        long owned = balance + ledger.held(connection, capture.tenantId(), capture.accountId());
        if (owned < threshold && owned + capture.amount() >= threshold) {
            notices.queue(connection, tenant.get(), new BillingNotice.LowBalance(capture.accountId(), capture.id(),
                    balance, threshold));
        }
    }
}
