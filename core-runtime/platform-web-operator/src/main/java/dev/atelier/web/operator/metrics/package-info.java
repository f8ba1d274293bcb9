/**
 * Prometheus metrics of the platform ({@code GET /metrics} on the operator host), all named {@code atelier_}: jobs,
 * queue and outbox figures read from the database at each scrape, HTTP requests, and plugin calls. More meter sources
 * are bound as Micrometer {@link io.micrometer.core.instrument.binder.MeterBinder}s.
 */
package dev.atelier.web.operator.metrics;
