package dev.atelier.web.api.generations;

import dev.atelier.core.tenants.Tenant;
import dev.atelier.generation.GenerationModule;
import dev.atelier.generation.jobs.Job;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every open progress stream of this node, grouped by the job they follow, fed without a thread per stream. A change
 * of a job (reported by this node's worker, or by another node through the cluster events, both through
 * {@code JobSignals}) reads the job's row once and hands the result to all its streams at once. One timer keeps the
 * streams alive with comment lines, ends those past their lifetime, and re-reads each followed job now and then in
 * case a change was lost on its way.
 */
public final class ProgressStreams implements AutoCloseable {

    /**
     * @param limits how many streams a client may hold open, and for how long
     * @param keepAlive how long a stream may stay silent before it gets a comment line; below every idle timeout
     *     between the client and the platform (the web server's own is 30 seconds)
     */
    public record Settings(EventStreams.Limits limits, Duration keepAlive) {

        public Settings {
            if (keepAlive.isNegative() || keepAlive.isZero()) {
                throw new IllegalArgumentException("keep-alive must be positive");
            }
        }

        /** The documented defaults: {@link EventStreams.Limits#defaults()} and a comment line every 15 seconds. */
        public static Settings defaults() {
            return new Settings(EventStreams.Limits.defaults(), Duration.ofSeconds(15));
        }
    }

    // A lost change (a relay message dropped while a node restarted) is noticed this late at worst.
    private static final long RECHECK_NANOS = Duration.ofSeconds(5).toNanos();
    private static final int READERS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(ProgressStreams.class);

    private final GenerationModule generation;
    private final Settings settings;
    private final EventStreams caps;
    private final ConcurrentMap<String, JobWatch> watched = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Long> lastRead = new ConcurrentHashMap<>();
    private final ExecutorService readers = Executors.newFixedThreadPool(READERS, daemons("atelier-streams-read"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            daemons("atelier-streams-timer"));

    private ProgressStreams(GenerationModule generation, Settings settings) {
        this.generation = generation;
        this.settings = settings;
        this.caps = new EventStreams(settings.limits());
    }

    /** Starts following the changes of {@code generation}'s jobs and the timer of the streams. */
    public static ProgressStreams start(GenerationModule generation, Settings settings) {
        ProgressStreams streams = new ProgressStreams(generation, settings);
        generation.signals().listen(streams::changed);
        long period = Math.min(settings.keepAlive().toMillis(), 1000);
        streams.timer.scheduleWithFixedDelay(streams::tick, period, period, TimeUnit.MILLISECONDS);
        return streams;
    }

    /** The caps on open streams, per account and per client address. */
    public EventStreams caps() {
        return caps;
    }

    /** How many streams are open on this node now. */
    public int open() {
        return watched.values().stream().mapToInt(w -> w.streams().size()).sum();
    }

    /** How many streams on this node follow {@code jobId} now. */
    public int following(String jobId) {
        JobWatch watch = watched.get(jobId);
        return watch == null ? 0 : watch.streams().size();
    }

    /**
     * Takes the request out of its thread and follows the job for its owner until the job ends, the stream's lifetime
     * ends or the client goes; {@code slot} is given back then.
     *
     * @param seen the job as the request read it, with the job's signal stamp taken before that read
     */
    void follow(HttpServletRequest request, HttpServletResponse response, Tenant tenant, String accountId,
            JobWatch.Known seen, EventStreams.Slot slot) throws IOException {
        String jobId = seen.job().id();
        AtomicBoolean ended = new AtomicBoolean();
        EventStream[] self = new EventStream[1];
        EventStream stream = EventStream.open(request, response, jobId, () -> {
            if (ended.compareAndSet(false, true)) {
                slot.close();
                unwatch(jobId, self[0]);
            }
        });
        self[0] = stream;
        JobWatch watch = watched.compute(jobId, (id, existing) -> {
            JobWatch w = existing != null ? existing : new JobWatch(tenant, accountId, id);
            w.streams().add(stream);
            return w;
        });
        if (ended.get()) {
            unwatch(jobId, stream); // the client left before it was watched
            return;
        }
        // Read after joining, so no change between the caller's read and this one can pass unseen; that read is the
        // caller's own unless a change came since (see read).
        watch.known().set(seen);
        refresh(watch);
    }

    private void unwatch(String jobId, EventStream stream) {
        if (stream == null) {
            return;
        }
        watched.computeIfPresent(jobId, (id, w) -> {
            w.streams().remove(stream);
            return w.streams().isEmpty() ? null : w;
        });
    }

    private void changed(String jobId, Job now, long stamp) {
        JobWatch watch = watched.get(jobId);
        if (watch != null) {
            watch.signalled().set(System.nanoTime());
            if (now != null) {
                watch.known().set(new JobWatch.Known(now, stamp));
            }
            refresh(watch);
        }
    }

    private void refresh(JobWatch watch) {
        try {
            watch.refresh(readers, () -> read(watch));
        } catch (RejectedExecutionException e) {
            LOG.debug("Job {} changed while the streams stop", watch.jobId());
        }
    }

    private void read(JobWatch watch) {
        lastRead.put(watch.jobId(), System.nanoTime());
        Tenant tenant = watch.tenant();
        JobWatch.Known known = watch.known().getAndSet(null);
        Optional<Job> found;
        try {
            found = known != null && generation.signals().stamp(watch.jobId()) == known.stamp()
                    ? Optional.of(known.job())
                    : generation.jobs().find(tenant.id(), watch.accountId(), watch.jobId());
        } catch (RuntimeException e) {
            // The database may be briefly unreachable: the streams stay open and the next recheck reads again.
            LOG.warn("Job {}: its progress streams could not read it: {}", watch.jobId(), e.toString());
            return;
        }
        if (found.isEmpty()) {
            endAll(watch, ProgressEvents.GONE, null);
            return;
        }
        Job job = found.get();
        if (job.status().isFinal()) {
            FanOutTiming timing = FanOutTiming.start(watch.jobId(), job.finishedAt(), watch.signalled().get());
            byte[] done = ProgressEvents.done(tenant, job, generation.links());
            endAll(watch, done, timing);
            return;
        }
        String data = ProgressEvents.progress(job);
        byte[] event = ProgressEvents.event("progress", data);
        watch.streams().forEach(s -> s.progress(data, event));
    }

    // Writes the last event to every stream first, then ends their requests: ending one costs more than a write, and
    // the next job's events go through another reader meanwhile.
    private static void endAll(JobWatch watch, byte[] last, FanOutTiming timing) {
        List<EventStream> streams = List.copyOf(watch.streams());
        for (EventStream stream : streams) {
            boolean onConnection = stream.last(last);
            if (timing != null) {
                timing.written(onConnection);
            }
        }
        streams.forEach(EventStream::complete);
        if (timing != null) {
            timing.ended();
        }
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            long openedBefore = now - settings.limits().maxLifetime().toNanos();
            long keepAlive = settings.keepAlive().toNanos();
            for (JobWatch watch : watched.values()) {
                for (EventStream stream : watch.streams()) {
                    if (stream.openedBefore(openedBefore)) {
                        stream.complete(); // the browser reconnects
                    } else {
                        stream.keepAlive(keepAlive);
                    }
                }
                Long read = lastRead.get(watch.jobId());
                if (read == null || now - read >= RECHECK_NANOS) {
                    refresh(watch);
                }
            }
            lastRead.keySet().retainAll(watched.keySet());
        } catch (RuntimeException e) {
            LOG.warn("Progress streams' timer: {}", e.toString());
        }
    }

    /** Ends every open stream and stops the timer. */
    @Override
    public void close() {
        timer.shutdownNow();
        readers.shutdownNow();
        watched.values().forEach(w -> w.streams().forEach(EventStream::complete));
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
