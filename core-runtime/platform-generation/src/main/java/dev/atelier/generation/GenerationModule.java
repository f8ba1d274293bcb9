package dev.atelier.generation;

import dev.atelier.billing.credits.CreditLedger;
import dev.atelier.billing.notices.BillingNotices;
import dev.atelier.billing.notices.LowBalanceWatch;
import dev.atelier.billing.payments.QueuePriority;
import dev.atelier.generation.jobs.GenerationJobs;
import dev.atelier.core.ratelimit.InProcessRateLimiter;
import dev.atelier.core.ratelimit.RateLimiter;
import dev.atelier.core.ratelimit.RateLimits;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.core.tenants.PluginUrls;
import dev.atelier.core.tenants.TenantDirectory;
import dev.atelier.media.DecodeBudget;
import dev.atelier.media.MediaInspector;
import dev.atelier.media.MediaLimits;
import dev.atelier.media.PosterFrames;
import dev.atelier.plugins.ModelRegistry;
import dev.atelier.plugins.StorageRegistry;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;

/**
 * Everything generation needs, built once and started with the platform:
 *
 * <pre>{@code
 * GenerationModule generation = new GenerationModule(dataSource, tenants.directory(), plugins.models(),
 *         plugins.storage(), secrets, Clock.systemUTC(), GenerationSettings.defaults());
 * generation.start();   // workers and sweeper
 * generation.submissions().submit(tenant, accountId, request, idempotencyKey);
 * }</pre>
 */
public final class GenerationModule implements AutoCloseable {

    /** How long an upload waits for its share of the decode budget before it is answered 503. */
    private static final java.time.Duration DECODE_WAIT = java.time.Duration.ofSeconds(3);
    private static final int POSTER_THREADS = 2;

    private final CreditLedger ledger;
    private final PosterFrames posters;
    private final GenerationJobs jobs;
    private final Offers offers;
    private final TenantStorage storage;
    private final Uploads uploads;
    private final MediaLinks links;
    private final Submissions submissions;
    private final Workers workers;
    private final Sweeper sweeper;
    private final GenerationData data;
    private final OutputStore outputs;
    private final JobSignals signals = new JobSignals();
    private volatile Runnable queuedRelay = () -> { };
    private final CallbackInbox callbacks;
    private final ScheduledExecutorService heartbeats = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "atelier-heartbeats");
        t.setDaemon(true);
        return t;
    });

    public GenerationModule(DataSource dataSource, TenantDirectory tenants, ModelRegistry models,
            StorageRegistry storageRegistry, SecretBox secrets, Clock clock, GenerationSettings settings) {
        this(dataSource, tenants, models, storageRegistry, secrets, clock, settings, MediaSettings.defaults(),
                PluginUrls.strict());
    }

    /**
     * @param media the node's decode memory, poster deadline and per-user upload quota and rate
     * @param pluginUrls what a model's URL settings may point at, checked again before each run
     */
    public GenerationModule(DataSource dataSource, TenantDirectory tenants, ModelRegistry models,
            StorageRegistry storageRegistry, SecretBox secrets, Clock clock, GenerationSettings settings,
            MediaSettings media, PluginUrls pluginUrls) {
        this(dataSource, tenants, models, storageRegistry, secrets, clock, settings, media, pluginUrls,
                BillingNotices.NONE);
    }

    /**
     * @param notices told, in the settlement's transaction, when a spend takes a balance below its tenant's
     *     low-balance threshold
     */
    public GenerationModule(DataSource dataSource, TenantDirectory tenants, ModelRegistry models,
            StorageRegistry storageRegistry, SecretBox secrets, Clock clock, GenerationSettings settings,
            MediaSettings media, PluginUrls pluginUrls, BillingNotices notices) {
        this(dataSource, tenants, models, storageRegistry, secrets, clock, settings, media, pluginUrls, notices,
                new InProcessRateLimiter(RateLimits.defaults().with(RateLimits.UPLOAD,
                        new RateLimits.Limit(media.uploadsPerMinute(), java.time.Duration.ofMinutes(1))), clock,
                        InProcessRateLimiter.DEFAULT_MAX_BUCKETS));
    }

    /**
     * @param limiter counts generation submits and uploads per account; the launcher passes the node's one limiter
     *     (shared through Redis when configured)
     */
    public GenerationModule(DataSource dataSource, TenantDirectory tenants, ModelRegistry models,
            StorageRegistry storageRegistry, SecretBox secrets, Clock clock, GenerationSettings settings,
            MediaSettings media, PluginUrls pluginUrls, BillingNotices notices, RateLimiter limiter) {
        this.ledger = new CreditLedger(dataSource, clock);
        this.jobs = new GenerationJobs(dataSource, ledger, clock,
                new LowBalanceWatch(tenants, ledger, notices));
        this.offers = new Offers(models);
        this.storage = new TenantStorage(storageRegistry);
        // One budget for every decode of this node: uploads, outputs and poster frames take turns within it.
        DecodeBudget budget = new DecodeBudget(media.decodeMemoryBytes(), DECODE_WAIT);
        MediaInspector inspector = new MediaInspector(MediaLimits.defaults(), budget);
        this.posters = new PosterFrames(budget, PosterFrames.DEFAULT_MAX_FRAME_PIXELS, media.posterDeadline(),
                POSTER_THREADS);
        this.uploads = new Uploads(dataSource, storage, inspector, clock, settings, media, limiter);
        this.links = new MediaLinks(secrets, storage, clock, settings.mediaUrlLifetime());
        this.outputs = new OutputStore(storage, inspector, posters, settings.maxOutputBytes());
        this.callbacks = new CallbackInbox(dataSource, secrets, clock, settings.publicBaseUrl());
        JobRunner runner = new JobRunner(jobs, tenants, models, uploads, storage, outputs, settings, heartbeats, clock,
                signals, callbacks, pluginUrls);
        this.workers = new Workers(jobs, runner, settings, new RunningLimits(settings.modelLimits(), models));
        this.submissions = new Submissions(jobs, offers, uploads, settings, this::queued, limiter,
                new QueuePriority(dataSource));
        this.sweeper = new Sweeper(jobs, uploads, tenants, callbacks, settings);
        this.data = new GenerationData(jobs, uploads, outputs, tenants);
    }

    /** A job was queued here: wakes this node's idle workers, and through the relay those of the other nodes. */
    private void queued() {
        workers.wake();
        queuedRelay.run();
    }

    /** Hands every job queued on this node to {@code relay} as well (the cluster events tell the worker nodes). */
    public void relayQueuedTo(Runnable relay) {
        this.queuedRelay = java.util.Objects.requireNonNull(relay, "relay");
    }

    /** A job was queued on another node: wakes this node's idle workers rather than leaving it to their next look. */
    public void queuedElsewhere() {
        workers.wake();
    }

    /** Starts this node's workers and sweeper. */
    public void start() {
        start(true);
    }

    /**
     * Starts the sweeper and, when {@code runJobs}, this node's workers; a web node ({@code atelier.node.role=web})
     * queues jobs for the worker nodes and runs none itself.
     */
    public void start(boolean runJobs) {
        if (runJobs) {
            workers.start();
        }
        sweeper.start();
    }

    public CreditLedger ledger() {
        return ledger;
    }

    public GenerationJobs jobs() {
        return jobs;
    }

    public Offers offers() {
        return offers;
    }

    public Uploads uploads() {
        return uploads;
    }

    public TenantStorage storage() {
        return storage;
    }

    public MediaLinks links() {
        return links;
    }

    public Submissions submissions() {
        return submissions;
    }

    public Sweeper sweeper() {
        return sweeper;
    }

    /** Wakes this node's event streams when a job changes here. */
    public JobSignals signals() {
        return signals;
    }

    /** Where vendors' webhook messages about running jobs arrive. */
    public CallbackInbox callbacks() {
        return callbacks;
    }

    /** The user's generations in the data export and in account deletion. */
    public GenerationData personalData() {
        return data;
    }

    /** Deletes a finished job and its stored outputs; a running one is cancelled first by the caller. */
    public java.util.Optional<dev.atelier.generation.jobs.Job> delete(dev.atelier.core.tenants.Tenant tenant,
            String accountId, String jobId) {
        java.util.Optional<dev.atelier.generation.jobs.Job> deleted = jobs.delete(tenant.id(), accountId, jobId);
        deleted.ifPresent(job -> outputs.deleteQuietly(tenant, job.outputs()));
        return deleted;
    }

    /**
     * The first step of stopping the node: claims no more jobs, lets running ones finish within {@code drainTime},
     * and hands the rest back to the queue without spending an attempt (see {@link Workers#drain}). Heartbeats keep
     * the running jobs' leases meanwhile; {@link #close} stops the rest.
     */
    public void drain(java.time.Duration drainTime) {
        workers.drain(drainTime);
    }

    @Override
    public void close() {
        sweeper.close();
        workers.close();
        heartbeats.shutdownNow();
        posters.close();
    }
}
