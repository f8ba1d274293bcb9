package dev.atelier.legal.versions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What is known about a published version without its text.
 *
 * @param document         the document's kind as in its URL ({@code privacy}, {@code terms})
 * @param number           1 for the first version of the document at the tenant, then 2, 3...
 * @param effectiveDate    the date the version takes effect, shown as its "Last Updated" date
 * @param publishedAt      when it was published
 * @param publishedBy      who published it (an admin's email, or the command line)
 * @param mode             how signed-in users were told of it
 * @param disclosureDigest the digest of what the rendering disclosed, for drift checks
 */
public record LegalVersionInfo(String document, int number, LocalDate effectiveDate, Instant publishedAt,
        String publishedBy, NoticeMode mode, String disclosureDigest) {}
