package dev.atelier.plugins;

/**
 * A canary of one bundle: its jar runs beside the current version, and the calls of one tenant and/or a share of all
 * work go to it.
 *
 * @param symbolicName the bundle
 * @param version the canary's Bundle-Version
 * @param sha256 the canary jar's content hash
 * @param tenantId the tenant whose calls all go to the canary, or {@code null}
 * @param percent the share of other work (0 to 100) that goes to it, chosen by the work's id
 */
public record CanaryPlan(String symbolicName, String version, String sha256, String tenantId, int percent) {

    public CanaryPlan {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0 to 100, was " + percent);
        }
    }

    /** Whether the call for {@code subject} goes to the canary. The same work id always gets the same answer. */
    public boolean routes(CallSubject subject) {
        if (subject == null) {
            return false;
        }
        if (tenantId != null && tenantId.equals(subject.tenantId())) {
            return true;
        }
        // String.hashCode is specified, so every node puts a job in the same bucket.
        return percent > 0 && subject.workId() != null && Math.floorMod(subject.workId().hashCode(), 100) < percent;
    }
}
