package dev.atelier.accounts.audit;

import java.util.Objects;

/**
 * Who made an admin change, and in which request, as the audit log records it.
 *
 * @param accountId the admin's account id
 * @param email the admin's email at the time, kept so the log names them after their account is erased
 * @param requestId the id of the HTTP request that made the change, to find its log lines; null if unknown
 */
public record AuditActor(String accountId, String email, String requestId) {

    public AuditActor {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(email, "email");
    }
}
