package dev.atelier.billing.payments;

import static dev.atelier.billing.payments.Sql.instant;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads {@code billing_payment} rows. */
final class PaymentRows {

    private PaymentRows() {}

    static PaymentRecord payment(ResultSet row) throws SQLException {
        return new PaymentRecord(row.getString("id"), row.getString("account_id"), row.getString("provider"),
                row.getString("provider_payment_id"), row.getString("checkout_id"), row.getString("subscription_id"),
                row.getString("offer_id"), row.getString("description"), row.getLong("amount_minor"),
                row.getString("currency"), row.getLong("credits"), instant(row, "period_start"),
                instant(row, "period_end"), row.getLong("refunded_minor"), instant(row, "paid_at"));
    }
}
