package dev.atelier.launcher;

import dev.atelier.billing.payments.PaymentReconciler;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the payment reconciler every few minutes on a daemon thread, for as long as the platform runs. */
final class Reconciliation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    private static final long EVERY_MINUTES = 5;

    private final ScheduledExecutorService scheduler;

    private Reconciliation(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    static Reconciliation start(PaymentReconciler reconciler) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "atelier-payment-reconciler");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                reconciler.run();
            } catch (RuntimeException e) {
                // A failed pass (database away) is tried again at the next one; the pending items stay pending.
                LOG.warn("Payment reconciliation pass failed: {}", e.toString());
            }
        }, EVERY_MINUTES, EVERY_MINUTES, TimeUnit.MINUTES);
        return new Reconciliation(scheduler);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
