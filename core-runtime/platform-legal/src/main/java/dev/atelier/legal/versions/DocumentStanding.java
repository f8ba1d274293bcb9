package dev.atelier.legal.versions;

/**
 * Where one account stands with one document of its tenant.
 *
 * @param current   the document's current version
 * @param required  the highest version published in {@link NoticeMode#REQUIRE} mode, or 0 if none was
 * @param accepted  the highest version the account accepted, or 0 if none (acceptances from before versions were
 *                  published name no number and count as none)
 * @param dismissed whether the account closed the banner of the current version
 * @param joinedBefore whether the account existed before the current version was published: someone who signed up
 *                  later read that version (or none of the document) and is not told it changed
 */
public record DocumentStanding(LegalVersionInfo current, int required, int accepted, boolean dismissed,
        boolean joinedBefore) {

    /** Whether the account must accept the current version before generating or buying. */
    public boolean mustAccept() {
        return accepted < required;
    }

    /** Whether to show the account the banner announcing the current version. */
    public boolean announce() {
        return joinedBefore && !mustAccept() && accepted < current.number() && !dismissed;
    }

    /** The latest version the account accepted before the current one, if it accepted any (the diff's old side). */
    public boolean acceptedEarlier() {
        return accepted > 0 && accepted < current.number();
    }
}
