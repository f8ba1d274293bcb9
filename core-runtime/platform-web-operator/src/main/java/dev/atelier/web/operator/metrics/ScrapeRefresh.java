package dev.atelier.web.operator.metrics;

/**
 * A meter source whose values are read when scraped (from the database, from the plugin host) rather than recorded
 * as things happen. {@link AtelierMetrics} calls it before each scrape; a failure leaves its meters at their last
 * values and the rest of the scrape goes on.
 */
@FunctionalInterface
public interface ScrapeRefresh {

    /** Brings the source's meters up to date. */
    void refresh();
}
