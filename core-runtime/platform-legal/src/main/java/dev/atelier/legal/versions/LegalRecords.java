package dev.atelier.legal.versions;

import dev.atelier.accounts.Consents;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The versions and acceptances of a platform's legal documents, built together since acceptances read versions.
 *
 * @param versions    publishing and reading versions
 * @param acceptances recording and checking who accepted them
 */
public record LegalRecords(LegalVersions versions, Acceptances acceptances) {

    /** @param listener told of each published version (the notice emails) */
    public static LegalRecords open(DataSource dataSource, Consents consents, Clock clock,
            PublicationListener listener) {
        LegalVersions versions = new LegalVersions(dataSource, clock, listener);
        return new LegalRecords(versions, new Acceptances(versions, consents, dataSource, clock));
    }
}
