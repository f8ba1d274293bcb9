package dev.atelier.accounts.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded admin change.
 *
 * @param id opaque id ({@code aud_} and 32 hex digits of a UUIDv7, so ids sort by time)
 * @param at when the change was made
 * @param actorId the admin's account id
 * @param actorEmail the admin's email when they made the change
 * @param action what kind of change, one of {@link AuditActions}
 * @param target what was changed: an account id, a plan id, a document name, or the tenant's id for its branding
 * @param details what the admin chose, as field names and texts (never a secret); pages must escape them
 * @param requestId the HTTP request that made the change, or null
 */
public record AuditEntry(String id, Instant at, String actorId, String actorEmail, String action, String target,
        Map<String, String> details, String requestId) {}
