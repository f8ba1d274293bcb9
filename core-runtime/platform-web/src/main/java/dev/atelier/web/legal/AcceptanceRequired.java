package dev.atelier.web.legal;

import java.time.LocalDate;
import java.util.List;

/**
 * The 403 problem document (RFC 9457) of an API request refused until the user accepts the tenant's new documents:
 * the usual members plus {@code accept_url}, the page where a person accepts them, and the {@code documents} waiting.
 *
 * @param type      {@code about:blank}: the status and title say it
 * @param acceptUrl the accept page on the tenant's configured host
 * @param documents each document to accept, with its version and where to read it
 */
public record AcceptanceRequired(String type, String title, int status, String detail, String acceptUrl,
        List<Document> documents) {

    /**
     * A document to accept.
     *
     * @param document      its name, such as {@code terms}
     * @param version       the version to accept
     * @param effectiveDate when it takes effect
     * @param url           where to read it
     */
    public record Document(String document, int version, LocalDate effectiveDate, String url) {}
}
