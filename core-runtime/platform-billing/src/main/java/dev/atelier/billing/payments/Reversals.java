package dev.atelier.billing.payments;

import static dev.atelier.billing.payments.Sql.bind;
import static dev.atelier.billing.payments.Sql.instant;

import dev.atelier.billing.credits.CreditLedger;
import dev.atelier.core.ids.UuidV7;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * Refunds and disputes applied to a payment's records and credits, in the caller's transaction, once each.
 *
 * <p>A refund takes back the credits its share of the payment bought (all of them for the last part of a payment):
 * from the payment's own grant first, then from the account's other credits, and what was already spent becomes the
 * account's shortfall, which the next grants settle. An open dispute freezes what is left of the payment's credits; a
 * won dispute gives them back, a lost one keeps them and takes back the rest like a full refund.
 */
record Reversals(CreditLedger ledger, Clock clock, UuidV7 ids) {

    /** A payment with what the ledger needs. */
    record Paid(String id, String accountId, long amountMinor, long credits, long refundedMinor, String grantEntryId,
            String description) {}

    Optional<Paid> payment(Connection connection, String tenantId, String where, Object... values)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, account_id, amount_minor, credits,"
                + " refunded_minor, grant_entry_id, description FROM billing_payment"
                + " WHERE tenant_id = ? AND " + where)) {
            Object[] all = new Object[values.length + 1];
            all[0] = tenantId;
            System.arraycopy(values, 0, all, 1, values.length);
            try (ResultSet row = bind(select, all).executeQuery()) {
                return row.next() ? Optional.of(new Paid(row.getString(1), row.getString(2), row.getLong(3),
                        row.getLong(4), row.getLong(5), row.getString(6), row.getString(7))) : Optional.empty();
            }
        }
    }

    /**
     * Applies a refund that succeeded at the provider: records it (or finds the admin's pending one by
     * {@code refundId}), takes back its credits and counts its amount as refunded. A refund already applied changes
     * nothing.
     *
     * @return the refund, or empty when it had been applied before
     */
    Optional<RefundRecord> succeeded(Connection connection, String tenantId, Paid payment, String providerRefundId,
            String refundId, long amountMinor, String reason) throws SQLException {
        ledger.lockAccount(connection, tenantId, payment.accountId());
        Optional<RefundRecord> known = find(connection, tenantId, "provider_refund_id = ?", providerRefundId);
        if (known.isEmpty() && refundId != null) {
            known = find(connection, tenantId, "id = ?", refundId);
        }
        if (known.isPresent() && known.get().status() == RefundRecord.Status.SUCCEEDED) {
            return Optional.empty();
        }
        String id = known.map(RefundRecord::id).orElseGet(() -> "rfd_" + EventApplier.compact(ids));
        if (known.isEmpty()) {
            insert(connection, id, tenantId, payment.id(), amountMinor, reason, null);
        }
        long refundable = payment.amountMinor() - payment.refundedMinor();
        long amount = Math.min(amountMinor, refundable);
        long credits = credits(connection, tenantId, payment, amount);
        CreditLedger.Reversal reversal = ledger.reverse(connection, tenantId, payment.accountId(),
                payment.grantEntryId(), credits, "Refund: " + payment.description(), "refund:" + id);
        try (PreparedStatement update = connection.prepareStatement("UPDATE billing_refund SET status = 'SUCCEEDED',"
                + " provider_refund_id = ?, credits_reversed = ?, shortfall = ?, settled_at = ? WHERE id = ?")) {
            bind(update, providerRefundId, credits, reversal.owed(), clock.instant(), id).executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE billing_payment SET refunded_minor = refunded_minor + ? WHERE id = ?")) {
            bind(update, amount, payment.id()).executeUpdate();
        }
        return find(connection, tenantId, "id = ?", id);
    }

    /** Freezes what is left of the disputed payment's credits; a dispute seen before changes nothing. */
    boolean disputeOpened(Connection connection, String tenantId, String provider, Paid payment, String disputeId)
            throws SQLException {
        ledger.lockAccount(connection, tenantId, payment.accountId());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO billing_dispute (tenant_id,"
                + " provider, provider_dispute_id, payment_id, status, opened_at) VALUES (?, ?, ?, ?, 'OPEN', ?)"
                + " ON CONFLICT DO NOTHING")) {
            if (bind(insert, tenantId, provider, disputeId, payment.id(), clock.instant()).executeUpdate() == 0) {
                return false;
            }
        }
        long frozen = payment.grantEntryId() == null ? 0
                : Math.min(payment.credits(), ledger.remaining(connection, payment.grantEntryId()));
        CreditLedger.Reversal taken = ledger.reverse(connection, tenantId, payment.accountId(),
                payment.grantEntryId(), frozen, "Frozen while a payment is disputed: " + payment.description(),
                "dispute:" + disputeId);
        try (PreparedStatement update = connection.prepareStatement("UPDATE billing_dispute SET credits_frozen = ?"
                + " WHERE tenant_id = ? AND provider = ? AND provider_dispute_id = ?")) {
            bind(update, taken.taken(), tenantId, provider, disputeId).executeUpdate();
        }
        return true;
    }

    /**
     * Ends a dispute: won, the frozen credits come back (a new grant); lost, the payment counts as refunded and the
     * credits it bought beyond the frozen ones are taken back (or owed). A dispute closed before changes nothing.
     */
    boolean disputeClosed(Connection connection, String tenantId, String provider, Paid payment, String disputeId,
            boolean won) throws SQLException {
        ledger.lockAccount(connection, tenantId, payment.accountId());
        long frozen;
        try (PreparedStatement close = connection.prepareStatement("UPDATE billing_dispute SET status = ?,"
                + " closed_at = ? WHERE tenant_id = ? AND provider = ? AND provider_dispute_id = ? AND status = 'OPEN'"
                + " RETURNING credits_frozen")) {
            try (ResultSet row = bind(close, won ? "WON" : "LOST", clock.instant(), tenantId, provider, disputeId)
                    .executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                frozen = row.getLong(1);
            }
        }
        if (won && frozen > 0) {
            ledger.grant(connection, tenantId, payment.accountId(), frozen, "Dispute won: " + payment.description(),
                    null, "dispute-won:" + disputeId);
        } else if (!won) {
            long rest = credits(connection, tenantId, payment, payment.amountMinor() - payment.refundedMinor())
                    - frozen;
            ledger.reverse(connection, tenantId, payment.accountId(), payment.grantEntryId(), Math.max(0, rest),
                    "Dispute lost: " + payment.description(), "dispute-lost:" + disputeId);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE billing_payment SET refunded_minor = amount_minor WHERE id = ?")) {
                bind(update, payment.id()).executeUpdate();
            }
        }
        return true;
    }

    void insert(Connection connection, String id, String tenantId, String paymentId, long amountMinor, String reason,
            String requestedBy) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO billing_refund (id, tenant_id,"
                + " payment_id, amount_minor, status, reason, requested_by, created_at)"
                + " VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?)")) {
            bind(insert, id, tenantId, paymentId, amountMinor, reason == null ? "" : reason, requestedBy,
                    clock.instant()).executeUpdate();
        }
    }

    /** Whether the payer's bank disputes the payment right now. */
    boolean disputeOpen(Connection connection, String tenantId, String paymentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM billing_dispute"
                + " WHERE tenant_id = ? AND payment_id = ? AND status = 'OPEN'")) {
            try (ResultSet row = bind(select, tenantId, paymentId).executeQuery()) {
                return row.next();
            }
        }
    }

    /** Money of the payment already refunded or being refunded. */
    long claimed(Connection connection, String tenantId, String paymentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(SUM(amount_minor), 0)"
                + " FROM billing_refund WHERE tenant_id = ? AND payment_id = ? AND status <> 'FAILED'")) {
            try (ResultSet row = bind(select, tenantId, paymentId).executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    Optional<RefundRecord> find(Connection connection, String tenantId, String where, Object value)
            throws SQLException {
        if (value == null) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM billing_refund WHERE tenant_id = ? AND " + where)) {
            try (ResultSet row = bind(select, tenantId, value).executeQuery()) {
                return row.next() ? Optional.of(new RefundRecord(row.getString("id"), row.getString("payment_id"),
                        row.getLong("amount_minor"), RefundRecord.Status.valueOf(row.getString("status")),
                        row.getLong("credits_reversed"), row.getLong("shortfall"), row.getString("reason"),
                        row.getString("requested_by"), instant(row, "created_at"))) : Optional.empty();
            }
        }
    }

    /**
     * The credits {@code amountMinor} of the payment bought: its share, rounded down, and for the last part of the
     * payment whatever of its credits no earlier refund took, so that parts add up to the whole.
     */
    private static long credits(Connection connection, String tenantId, Paid payment, long amountMinor)
            throws SQLException {
        long reversedBefore;
        try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(SUM(credits_reversed), 0)"
                + " FROM billing_refund WHERE tenant_id = ? AND payment_id = ? AND status = 'SUCCEEDED'")) {
            try (ResultSet row = bind(select, tenantId, payment.id()).executeQuery()) {
                row.next();
                reversedBefore = row.getLong(1);
            }
        }
        if (payment.refundedMinor() + amountMinor >= payment.amountMinor()) {
            return Math.max(0, payment.credits() - reversedBefore);
        }
        return payment.credits() * amountMinor / Math.max(1, payment.amountMinor());
    }
}
