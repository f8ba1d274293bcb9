package dev.atelier.generation;

import dev.atelier.core.db.DatabaseOutage;
import dev.atelier.generation.jobs.ClaimedJob;
import dev.atelier.generation.jobs.GenerationJobs;
import dev.atelier.generation.jobs.Heartbeat;
import dev.atelier.generation.jobs.Job;
import dev.atelier.core.tenants.PluginUrls;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.plugins.Correlation;
import dev.atelier.plugins.ModelRegistry;
import dev.atelier.plugins.ModelUnavailableException;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.InputMedia;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed job to its end: calls the model with a heartbeat renewing the lease (and carrying progress and
 * cancellation both ways), stores the outputs, then settles the job. Whatever the model does — throws, hangs past the
 * deadline, returns garbage, disappears — the job ends FAILED with a reason a person can read and the worker goes on.
 * If the lease was lost meanwhile (another node's sweeper took the job back), nothing is settled here and stored
 * outputs are deleted again.
 */
final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final long PROGRESS_INTERVAL_MILLIS = 500;
    private static final java.time.Duration SETTLE_PATIENCE = java.time.Duration.ofMinutes(10);
    private static final java.time.Duration SETTLE_RETRY = java.time.Duration.ofSeconds(1);

    private final GenerationJobs jobs;
    private final TenantDirectory tenants;
    private final ModelRegistry models;
    private final Uploads uploads;
    private final TenantStorage storage;
    private final OutputStore outputs;
    private final GenerationSettings settings;
    private final ScheduledExecutorService heartbeats;
    private final Clock clock;
    private final JobSignals signals;
    private final CallbackInbox callbacks;
    private final PluginUrls pluginUrls;

    JobRunner(GenerationJobs jobs, TenantDirectory tenants, ModelRegistry models, Uploads uploads,
            TenantStorage storage, OutputStore outputs, GenerationSettings settings,
            ScheduledExecutorService heartbeats, Clock clock, JobSignals signals, CallbackInbox callbacks,
            PluginUrls pluginUrls) {
        this.pluginUrls = pluginUrls;
        this.signals = signals;
        this.callbacks = callbacks;
        this.jobs = jobs;
        this.tenants = tenants;
        this.models = models;
        this.uploads = uploads;
        this.storage = storage;
        this.outputs = outputs;
        this.settings = settings;
        this.heartbeats = heartbeats;
        this.clock = clock;
    }

    void run(ClaimedJob claimed, String workerId) {
        // Plugin calls made for this job (the model, storage) carry its id as their correlation id.
        try (Correlation.Scope scope = Correlation.begin(claimed.job().id())) {
            runCorrelated(claimed, workerId);
        }
    }

    private void runCorrelated(ClaimedJob claimed, String workerId) {
        Job job = claimed.job();
        Optional<Tenant> tenant = tenants.byId(job.tenantId());
        if (tenant.isEmpty()) {
            fail(job, workerId, "This site no longer exists.", false);
            return;
        }
        java.util.Map<String, String> config = modelConfig(tenant.get(), job);
        if (refusesUrls(job, config)) {
            fail(job, workerId, "This model is not set up correctly for this site. Your credits were not"
                    + " used.", false);
            return;
        }
        HostedContext context = new HostedContext(PluginTenantContext.of(tenant.get(), config, job.id()), job.id(),
                clock.instant().plus(job.runDeadline() != null ? job.runDeadline() : settings.runDeadline()));
        context.offer(callbacks.open(job.id(), job.attempts(), context));
        AtomicBoolean owned = new AtomicBoolean(true);
        AtomicReference<Job> settled = new AtomicReference<>();
        ScheduledFuture<?> beat = heartbeats.scheduleWithFixedDelay(() -> beat(job, workerId, context, owned),
                PROGRESS_INTERVAL_MILLIS, PROGRESS_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        try {
            signals.changed(job); // now RUNNING, as the claim left it
            settle(tenant.get(), job, workerId, context, owned, settled);
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCause(e)) {
                // Settling waited for the database long enough; the job's lease ends and the sweeper settles it.
                LOG.warn("Job {}: the database stayed unavailable; left to its lease", job.id());
                return;
            }
            LOG.error("Job {}: unexpected failure in the worker", job.id(), e);
            fail(job, workerId, "Something went wrong while creating this. Your credits were not used.",
                    false);
        } finally {
            beat.cancel(false);
            // A success's followers here are shown the job as its settlement left it, without reading it again.
            Job now = settled.get();
            if (now != null) {
                signals.changed(now);
            } else {
                signals.changed(job.id());
            }
            if (context.callbacks().isPresent()) {
                discardCallbacks(job);
            }
        }
    }

    private void discardCallbacks(Job job) {
        try {
            callbacks.discard(job.id());
        } catch (RuntimeException e) {
            // The sweeper drops them later.
            LOG.warn("Job {}: could not drop its callback messages: {}", job.id(), e.toString());
        }
    }

    // Checked again at each run: a name that was public when the settings were saved may point inside the network now.
    private boolean refusesUrls(Job job, java.util.Map<String, String> config) {
        List<String> refused = new ArrayList<>();
        pluginUrls.check("models." + job.modelId() + ".config", config,
                (at, problem) -> refused.add(at + " " + problem));
        refused.forEach(problem -> LOG.warn("Job {} of tenant {}: not run, {}", job.id(), job.tenantId(), problem));
        return !refused.isEmpty();
    }

    // The tenant's settings for this model's plugin (models[].config in tenant.yaml): API keys, vendor model names.
    private static java.util.Map<String, String> modelConfig(Tenant tenant, Job job) {
        return tenant.settings() == null ? java.util.Map.of() : tenant.settings().models().stream()
                .filter(offer -> offer.modelId().equals(job.modelId())).findFirst()
                .map(dev.atelier.core.tenants.TenantSettings.ModelOffer::config).orElse(java.util.Map.of());
    }

    /** @param settled set to the finished job when the job succeeds */
    private void settle(Tenant tenant, Job job, String workerId, HostedContext context, AtomicBoolean owned,
            AtomicReference<Job> settled) {
        GenerationResult result;
        try {
            result = models.generate(job.modelId(), request(tenant, job), context);
        } catch (ModelUnavailableException e) {
            fail(job, workerId, "This model is no longer available. Your credits were not used.", false);
            return;
        } catch (GenerationException e) {
            ended(job, workerId, context, e);
            return;
        }
        if (!owned.get()) {
            LOG.warn("Job {}: lease lost while the model ran; another worker owns it now", job.id());
            return;
        }
        List<dev.atelier.generation.jobs.Output> stored;
        try {
            stored = outputs.store(tenant, job, result);
        } catch (OutputStore.RejectedOutputException e) {
            LOG.warn("Job {}: model {} returned unusable output: {}", job.id(), job.modelId(), e.getMessage());
            fail(job, workerId, "The model returned a result that could not be used. Your credits were"
                    + " not used.", false);
            return;
        } catch (OutputStore.BusyException e) {
            LOG.warn("Job {}: outputs could not be checked now: {}", job.id(), e.getMessage());
            fail(job, workerId, "The server was too busy to check the result. Your credits were not used;"
                    + " please try again.", true);
            return;
        } catch (OutputStore.StorageUnavailableException e) {
            if (Thread.currentThread().isInterrupted()) {
                // This node is stopping and cut the write short: nothing was refused. Back to the queue at once, its
                // attempt not counted, as for a model call cut short.
                LOG.info("Job {}: storing its outputs was cut short by this node stopping; handed back", job.id());
                handBack(job, workerId);
                return;
            }
            LOG.error("Job {}: storing outputs failed: {}", job.id(), e.getMessage());
            fail(job, workerId, "The result could not be saved. Please try again.", true);
            return;
        }
        Optional<Job> finished = settling(job, () -> jobs.succeeded(job.tenantId(), job.id(), workerId, stored,
                context.stage()));
        finished.ifPresent(settled::set);
        if (finished.isEmpty()) {
            LOG.warn("Job {}: lease lost before it could be settled; removing its stored outputs", job.id());
            outputs.deleteQuietly(tenant, stored);
        }
    }

    private void ended(Job job, String workerId, HostedContext context, GenerationException e) {
        switch (e.kind()) {
            case CANCELLED -> {
                if (context.isCancelled() && clock.instant().isAfter(context.deadline())) {
                    fail(job, workerId, "The model took too long. Your credits were not used.", true);
                } else if (!context.isCancelled() && Thread.currentThread().isInterrupted()) {
                    // Nobody asked to cancel: this node is stopping. The job goes back to the queue at once, its
                    // attempt not counted, for another node or the next start to run.
                    handBack(job, workerId);
                } else {
                    settling(job, () -> jobs.canceled(job.id(), workerId));
                }
            }
            case TEMPORARY -> fail(job, workerId, "The model is busy or did not answer in time. Your"
                    + " credits were not used; please try again.", true);
            case INVALID_INPUT -> fail(job, workerId, personal(e, "The model could not use this request."),
                    false);
            case CONTENT_REJECTED -> fail(job, workerId, "The model refused this prompt or input. Your"
                    + " credits were not used.", false);
            default -> {
                LOG.warn("Job {}: model {} failed: {}", job.id(), job.modelId(), e.getMessage());
                fail(job, workerId, "The model failed to create this. Your credits were not used.", false);
            }
        }
    }

    private void fail(Job job, String workerId, String reasonForPerson, boolean retryable) {
        settling(job, () -> jobs.fail(job.id(), workerId, reasonForPerson, retryable));
    }

    private void handBack(Job job, String workerId) {
        // Interrupted: settling cannot wait for the database; if this fails the lease runs out instead.
        boolean interrupted = Thread.interrupted();
        try {
            jobs.handBack(job.id(), workerId);
        } catch (RuntimeException e) {
            LOG.warn("Job {}: could not hand it back as this node stops; left to its lease: {}", job.id(),
                    e.toString());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs a settlement, and again each second while the database is unavailable (for at most
     * {@link #SETTLE_PATIENCE}): the model's work is done, and the job's credits stay held until it is recorded. The
     * lease may run out meanwhile; then either this or the sweeper settles it, whichever the database hears first.
     */
    private <T> T settling(Job job, java.util.function.Supplier<T> settlement) {
        long deadline = System.nanoTime() + SETTLE_PATIENCE.toNanos();
        boolean logged = false;
        while (true) {
            try {
                return settlement.get();
            } catch (RuntimeException e) {
                if (!DatabaseOutage.isCause(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                if (!logged) {
                    LOG.warn("Job {}: the database is unavailable; settling again until it answers", job.id());
                    logged = true;
                }
                try {
                    Thread.sleep(SETTLE_RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    // Models write INVALID_INPUT messages for users (see GenerationException); keep them short.
    private static String personal(GenerationException e, String fallback) {
        String message = e.getMessage();
        return message == null || message.isBlank() || message.length() > 300 ? fallback : message;
    }

    private GenerationRequest request(Tenant tenant, Job job) throws GenerationException {
        List<InputMedia> inputs = new ArrayList<>();
        for (String id : job.inputIds()) {
            Upload upload = uploads.find(tenant.id(), job.accountId(), id).orElseThrow(() -> new GenerationException(
                    GenerationException.Kind.INVALID_INPUT, "An input of this generation is no longer available."));
            inputs.add(new StoredInput(storage, tenant, upload));
        }
        return new GenerationRequest(job.prompt(), job.negativePrompt(), job.parameters(), inputs);
    }

    private void beat(Job job, String workerId, HostedContext context, AtomicBoolean owned) {
        try {
            Heartbeat heartbeat = jobs.heartbeat(job.id(), workerId, settings.lease(), context.progress(),
                    context.stage());
            signals.changed(job.id());
            if (!heartbeat.stillOwned()) {
                owned.set(false);
                context.cancel();
            } else if (heartbeat.cancelRequested()) {
                context.cancel();
            }
        } catch (RuntimeException e) {
            // A missed beat is retried next time; the lease outlives several. The outage itself is logged elsewhere.
            if (DatabaseOutage.isCause(e)) {
                LOG.debug("Job {}: heartbeat missed, the database is unavailable", job.id());
            } else {
                LOG.warn("Job {}: heartbeat failed: {}", job.id(), e.toString());
            }
        }
    }
}
