package dev.atelier.web.operator.metrics;

import dev.atelier.web.operator.health.HealthFigures;
import dev.atelier.web.operator.health.OutboxDepth;
import dev.atelier.web.operator.health.QueueDepth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cluster's generation and mail figures, read from the database at each scrape:
 * {@code atelier_jobs_total{tenant,model,outcome}} (jobs that finished since this node started, whichever node ran
 * them), {@code atelier_jobs_queued{model}}, {@code atelier_jobs_running{model}} and
 * {@code atelier_outbox_pending{outbox}}.
 */
public final class DatabaseMeters implements MeterBinder, ScrapeRefresh {

    /** A job is counted once its finish is this old, so commits still in flight at a scrape are not missed. */
    static final Duration SETTLE = Duration.ofSeconds(2);

    private final HealthFigures figures;
    private final Clock clock;
    private final Set<String> modelsSeen = new TreeSet<>();
    private final AtomicLong outboxPending = new AtomicLong();
    private final AtomicLong outboxRetrying = new AtomicLong();
    private Instant countedUpTo;
    private MeterRegistry registry;
    private MultiGauge queued;
    private MultiGauge running;

    public DatabaseMeters(HealthFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
        this.countedUpTo = clock.instant().minus(SETTLE);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        queued = MultiGauge.builder("atelier.jobs.queued").description("Generation jobs waiting for a worker")
                .register(registry);
        running = MultiGauge.builder("atelier.jobs.running").description("Generation jobs a worker runs now")
                .register(registry);
        Gauge.builder("atelier.outbox.pending", outboxPending, AtomicLong::get).tag("outbox", "mail")
                .description("Messages of the outbox not sent yet").register(registry);
        Gauge.builder("atelier.outbox.retrying", outboxRetrying, AtomicLong::get).tag("outbox", "mail")
                .description("Messages of the outbox that failed at least once and wait for another try")
                .register(registry);
    }

    @Override
    public synchronized void refresh() {
        countFinished();
        List<QueueDepth> queue = figures.queue();
        queue.forEach(depth -> modelsSeen.add(depth.modelId()));
        // A model whose queue emptied answers 0 rather than disappearing, so graphs and alerts see it drain.
        List<MultiGauge.Row<?>> queuedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> runningRows = new ArrayList<>();
        for (String model : modelsSeen) {
            QueueDepth depth = queue.stream().filter(d -> d.modelId().equals(model)).findFirst()
                    .orElse(new QueueDepth(model, 0, 0, 0));
            queuedRows.add(MultiGauge.Row.of(Tags.of("model", model), depth.queued()));
            runningRows.add(MultiGauge.Row.of(Tags.of("model", model), depth.running()));
        }
        queued.register(queuedRows, true);
        running.register(runningRows, true);
        OutboxDepth outbox = figures.outbox();
        outboxPending.set(outbox.pending());
        outboxRetrying.set(outbox.retrying());
    }

    private void countFinished() {
        Instant upTo = clock.instant().minus(SETTLE);
        if (!upTo.isAfter(countedUpTo)) {
            return;
        }
        for (Map.Entry<List<String>, Long> finished : figures.finished(countedUpTo, upTo).entrySet()) {
            List<String> key = finished.getKey();
            // A job can be queued, run and finished between two scrapes: its model still gets its queue gauges (0).
            modelsSeen.add(key.get(1));
            Counter.builder("atelier.jobs").description("Generation jobs finished, by outcome")
                    .tags("tenant", key.get(0), "model", key.get(1), "outcome", key.get(2).toLowerCase(Locale.ROOT))
                    .register(registry).increment(finished.getValue());
        }
        countedUpTo = upTo;
    }
}
