package dev.atelier.billing.payments;

import dev.atelier.core.db.JdbcTransactions;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantSettings.Plan;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The queue priority an account's subscription gives its generations: the highest {@link Plan#priority()} among the
 * tenant's plans the account has an ACTIVE subscription to (archived plans included: their subscriptions keep
 * renewing). A subscription past due, canceled or absent gives {@link Plan#NO_PRIORITY}, as do top-ups.
 */
public final class QueuePriority {

    private final JdbcTransactions transactions;

    public QueuePriority(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    /** The account's priority on this tenant now. */
    public int of(Tenant tenant, String accountId) {
        if (tenant.settings() == null || tenant.settings().plans().stream().allMatch(p -> p.priority() == 0)) {
            return Plan.NO_PRIORITY;
        }
        Set<String> subscribed = transactions.run("reading an account's subscribed plans", connection -> {
            Set<String> offers = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT offer_id FROM billing_subscription"
                    + " WHERE tenant_id = ? AND account_id = ? AND status = 'ACTIVE'")) {
                select.setString(1, tenant.id());
                select.setString(2, accountId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        offers.add(rows.getString(1));
                    }
                }
            }
            return offers;
        });
        return tenant.settings().plans().stream().filter(p -> subscribed.contains(p.id()))
                .mapToInt(Plan::priority).max().orElse(Plan.NO_PRIORITY);
    }
}
