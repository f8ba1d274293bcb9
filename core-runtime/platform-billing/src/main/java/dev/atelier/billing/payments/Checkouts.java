package dev.atelier.billing.payments;

import static dev.atelier.billing.payments.Sql.bind;
import static dev.atelier.billing.payments.Sql.instant;

import dev.atelier.spi.payment.Checkout;
import dev.atelier.spi.payment.Offer;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The {@code billing_checkout} rows: started, answered by the provider, settled by events. */
final class Checkouts {

    /** How long an open checkout is offered again to the same person for the same offer (a second click). */
    static final Duration REUSE = Duration.ofMinutes(30);

    private Checkouts() {}

    static void insert(Connection connection, String id, String tenantId, String accountId, String provider,
            Offer offer, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO billing_checkout (id, tenant_id,"
                + " account_id, provider, offer_id, offer_name, billing_interval, amount_minor, currency, credits,"
                + " status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)")) {
            bind(insert, id, tenantId, accountId, provider, offer.id(), offer.name(), offer.interval().name(),
                    offer.amountMinor(), offer.currency(), offer.credits(), now, now).executeUpdate();
        }
    }

    /** The provider's answer: where to pay, its ids. */
    static void opened(Connection connection, String id, Checkout answer, URI url, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE billing_checkout SET"
                + " provider_checkout_id = ?, provider_customer_id = ?, url = ?, updated_at = ? WHERE id = ?")) {
            bind(update, answer.providerCheckoutId(), answer.providerCustomerId(), url.toString(), now, id)
                    .executeUpdate();
        }
    }

    /** Moves an open checkout to {@code status}; a settled one stays as it is. */
    static void settle(Connection connection, String id, CheckoutRecord.Status status, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE billing_checkout SET status = ?,"
                + " updated_at = ? WHERE id = ? AND status = 'OPEN'")) {
            bind(update, status.name(), now, id).executeUpdate();
        }
    }

    /** The checkout {@code id} of the tenant; empty for {@code null} or another tenant's id. */
    static Optional<CheckoutRecord> find(Connection connection, String tenantId, String id) throws SQLException {
        if (id == null) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM billing_checkout WHERE tenant_id = ? AND id = ?")) {
            try (ResultSet row = bind(select, tenantId, id).executeQuery()) {
                return row.next() ? Optional.of(record(row)) : Optional.empty();
            }
        }
    }

    /** The account's open checkout for the offer started since {@code since}, to offer again. */
    static Optional<CheckoutRecord> recentOpen(Connection connection, String tenantId, String accountId,
            String provider, String offerId, Instant since) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM billing_checkout"
                + " WHERE tenant_id = ? AND account_id = ? AND provider = ? AND offer_id = ? AND status = 'OPEN'"
                + " AND created_at > ? ORDER BY created_at DESC LIMIT 1")) {
            try (ResultSet row = bind(select, tenantId, accountId, provider, offerId, since).executeQuery()) {
                return row.next() ? Optional.of(record(row)) : Optional.empty();
            }
        }
    }

    private static CheckoutRecord record(ResultSet row) throws SQLException {
        Offer offer = new Offer(row.getString("offer_id"), row.getString("offer_name"),
                Offer.Interval.valueOf(row.getString("billing_interval")), row.getLong("amount_minor"),
                row.getString("currency"), row.getLong("credits"), null);
        String url = row.getString("url");
        return new CheckoutRecord(row.getString("id"), row.getString("tenant_id"), row.getString("account_id"),
                row.getString("provider"), offer, CheckoutRecord.Status.valueOf(row.getString("status")),
                row.getString("provider_checkout_id"), row.getString("provider_customer_id"),
                url == null ? null : URI.create(url), instant(row, "created_at"));
    }
}
