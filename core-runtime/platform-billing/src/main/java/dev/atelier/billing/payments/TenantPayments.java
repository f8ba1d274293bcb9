package dev.atelier.billing.payments;

import static dev.atelier.billing.payments.Sql.bind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a tenant's payments for its admins, with the buyer's email (accounts store it normalized: NFKC, lower case,
 * so a typed prefix is normalized the same way) and each payment's refunds, in the caller's transaction.
 */
final class TenantPayments {

    /** Most payments one read returns. */
    static final int MAX = 500;

    private TenantPayments() {}

    /**
     * @param where an extra condition on {@code p} (the payment) and {@code a} (its account), or empty
     * @param values the values of {@code where}'s parameters
     */
    static List<TenantPayment> read(Connection connection, Reversals reversals, String tenantId, String where,
            List<Object> values, int limit) throws SQLException {
        List<Object> all = new ArrayList<>();
        all.add(tenantId);
        all.addAll(values);
        all.add(Math.max(1, Math.min(MAX, limit)));
        Map<String, TenantPayment> payments = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT p.*, a.email AS buyer_email"
                + " FROM billing_payment p LEFT JOIN account a ON a.tenant_id = p.tenant_id AND a.id = p.account_id"
                + " WHERE p.tenant_id = ?" + where + " ORDER BY p.paid_at DESC, p.id DESC LIMIT ?")) {
            try (ResultSet row = bind(select, all.toArray()).executeQuery()) {
                while (row.next()) {
                    PaymentRecord payment = PaymentRows.payment(row);
                    payments.put(payment.id(), new TenantPayment(payment, row.getString("buyer_email"), List.of()));
                }
            }
        }
        return refunds(connection, reversals, tenantId, payments);
    }

    /** The condition matching buyers whose email is like its parameter, a {@link #likePattern}. */
    static String emailStartsWith() {
        return " AND a.email LIKE ? ESCAPE '\\'";
    }

    /** The {@code LIKE} pattern of emails that start with {@code prefix} as typed. */
    static String likePattern(String prefix) {
        String normalized = Normalizer.normalize(prefix.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        // Wildcards typed into the search box match themselves.
        return normalized.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The condition matching payments of {@code kind}. */
    static String ofKind(TenantPayment.Kind kind) {
        return kind == TenantPayment.Kind.PLAN ? " AND p.subscription_id IS NOT NULL" : " AND p.subscription_id IS NULL";
    }

    private static List<TenantPayment> refunds(Connection connection, Reversals reversals, String tenantId,
            Map<String, TenantPayment> payments) throws SQLException {
        if (payments.isEmpty()) {
            return List.of();
        }
        Map<String, List<RefundRecord>> refunds = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM billing_refund"
                + " WHERE tenant_id = ? AND payment_id = ANY (?) ORDER BY created_at, id")) {
            select.setString(1, tenantId);
            select.setArray(2, connection.createArrayOf("text", payments.keySet().toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    RefundRecord refund = reversals.find(connection, tenantId, "id = ?", row.getString(1))
                            .orElseThrow();
                    refunds.computeIfAbsent(refund.paymentId(), id -> new ArrayList<>()).add(refund);
                }
            }
        }
        return payments.values().stream().map(p -> new TenantPayment(p.payment(), p.buyerEmail(),
                refunds.getOrDefault(p.payment().id(), List.of()))).toList();
    }
}
