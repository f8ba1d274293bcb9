package dev.atelier.plugins;

/**
 * Whom a plugin call works for, so the host can route it to a canary: the tenant, and the job (or request) whose id
 * picks the same version every time it is asked, so a job retried goes where it went before.
 *
 * @param tenantId the tenant's id
 * @param workId the job's or request's id
 */
public record CallSubject(String tenantId, String workId) {}
