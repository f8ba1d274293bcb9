package dev.atelier.web.operator.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's metrics registry, written out in the Prometheus text format for {@code GET /metrics}. Meter sources
 * are bound to it as {@link MeterBinder}s (the plugin host's call statistics are one); sources read at scrape time
 * also implement {@link ScrapeRefresh}.
 */
public final class AtelierMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(AtelierMetrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<ScrapeRefresh> refreshes = new CopyOnWriteArrayList<>();

    /** @param binders the meter sources known at start */
    public AtelierMetrics(List<? extends MeterBinder> binders) {
        binders.forEach(this::bind);
    }

    /** Binds one more meter source; one that implements {@link ScrapeRefresh} is refreshed before each scrape. */
    public void bind(MeterBinder binder) {
        binder.bindTo(registry);
        if (binder instanceof ScrapeRefresh refresh) {
            refreshes.add(refresh);
        }
    }

    /** The registry, for sources that record as things happen (the HTTP filter). */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text format, after refreshing the sources read at scrape time. */
    public synchronized String scrape() {
        for (ScrapeRefresh refresh : refreshes) {
            try {
                refresh.refresh();
            } catch (RuntimeException e) {
                LOG.warn("Metrics: {} could not be refreshed: {}", refresh.getClass().getSimpleName(), e.toString());
            }
        }
        return registry.scrape();
    }
}
