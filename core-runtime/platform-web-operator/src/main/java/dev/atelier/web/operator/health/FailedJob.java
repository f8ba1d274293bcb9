package dev.atelier.web.operator.health;

import java.time.Instant;

/**
 * A generation that failed, newest first on the health page.
 *
 * @param id the job's id
 * @param tenant the slug of its tenant (its id when the tenant is gone)
 * @param modelId the model it asked for
 * @param error what the user was told
 * @param attempts how many times it was tried
 * @param finishedAt when it failed
 */
public record FailedJob(String id, String tenant, String modelId, String error, int attempts, Instant finishedAt) {

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

    /** When it failed, for people: {@code 2026-12-07 08:15:02} (UTC), or an empty string when unknown. */
    public String when() {
        return finishedAt == null ? "" : WHEN.format(finishedAt);
    }
}
