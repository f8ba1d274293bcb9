package dev.atelier.accounts.audit;

import java.util.List;

/**
 * One page of the audit log, newest first.
 *
 * @param entries the entries of this page
 * @param nextCursor the cursor of the next page, or null on the last one
 */
public record AuditPage(List<AuditEntry> entries, String nextCursor) {}
