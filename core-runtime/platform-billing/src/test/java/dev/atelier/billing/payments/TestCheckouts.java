package dev.atelier.billing.payments;

import dev.atelier.billing.credits.LedgerFixture;
import dev.atelier.core.db.JdbcTransactions;
import dev.atelier.spi.payment.Offer;
import java.time.Instant;

/** Records a checkout of an account of tenant ALPHA, and its provider customer {@code cus_<account>}, as Payments does. */
final class TestCheckouts {

    private TestCheckouts() {}

    /** @return the checkout's id, {@code chk_<offer id>} */
    static String open(JdbcTransactions transactions, String provider, String accountId, Offer offer, Instant at) {
        String id = "chk_" + offer.id();
        transactions.run("test checkout", connection -> {
            Checkouts.insert(connection, id, LedgerFixture.ALPHA, accountId, provider, offer, at);
            try (var insert = connection.prepareStatement("INSERT INTO billing_customer (tenant_id, provider,"
                    + " account_id, provider_customer_id, created_at) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")) {
                Sql.bind(insert, LedgerFixture.ALPHA, provider, accountId, "cus_" + accountId.replace("acc_", ""), at)
                        .executeUpdate();
            }
            return null;
        });
        return id;
    }
}
