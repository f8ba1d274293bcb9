package dev.atelier.billing.notices;

import dev.atelier.core.tenants.Tenant;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Receives billing notices on the transaction that made them necessary. The web layer queues them as themed email in
 * the mail outbox on that same connection, so a change that rolls back leaves no email behind and a change applied once
 * mails once.
 */
@FunctionalInterface
public interface BillingNotices {

    /** Tells nobody: for tests and tools that apply billing changes without mail. */
    BillingNotices NONE = (connection, tenant, notice) -> { };

    /**
     * Queues {@code notice} for its account's owner inside the caller's open transaction.
     *
     * @throws SQLException when it cannot be stored; the caller's change then rolls back with it
     */
    void queue(Connection connection, Tenant tenant, BillingNotice notice) throws SQLException;
}
