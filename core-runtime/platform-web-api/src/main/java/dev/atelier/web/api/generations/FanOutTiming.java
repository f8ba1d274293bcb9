package dev.atelier.web.api.generations;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a job's last event took to reach its streams on this node, each step counted from the job's
 * {@code finished_at} (set just before the settling commit) in milliseconds, so that it reads against what a client
 * measures from the same instant: the change signal's arrival, the end of the job's read, the first and last write of
 * the event to a stream's connection, and the end of the last request. Logged at debug level, one line per job; the
 * event-stream benchmark reads these lines to tell the server's delay from its client's.
 */
final class FanOutTiming {

    private static final Logger LOG = LoggerFactory.getLogger(FanOutTiming.class);

    private final String jobId;
    private final Instant finishedAt;
    private final long signalledNanos;
    private final long readNanos;
    private final Instant read;
    private long firstWriteNanos;
    private long lastWriteNanos;
    private int written;
    private int waiting;

    private FanOutTiming(String jobId, Instant finishedAt, long signalledNanos) {
        this.jobId = jobId;
        this.finishedAt = finishedAt;
        this.signalledNanos = signalledNanos;
        this.readNanos = System.nanoTime();
        this.read = Instant.now();
    }

    /** Starts timing a job's fan-out once its row was read; {@code signalledNanos} is 0 if no signal asked the read. */
    static FanOutTiming start(String jobId, Instant finishedAt, long signalledNanos) {
        return LOG.isDebugEnabled() && finishedAt != null ? new FanOutTiming(jobId, finishedAt, signalledNanos) : null;
    }

    /** One stream was handed the event: {@code onConnection} if it went to its connection at once. */
    void written(boolean onConnection) {
        if (!onConnection) {
            waiting++;
            return;
        }
        long now = System.nanoTime();
        if (written++ == 0) {
            firstWriteNanos = now;
        }
        lastWriteNanos = now;
    }

    /** Every stream's request was ended: logs the line. */
    void ended() {
        long ended = System.nanoTime();
        LOG.debug("Job {} fan-out, ms after finished_at: signal={} read={} first_write={} last_write={} written={}"
                + " waiting={} ended={}", jobId, signalledNanos == 0 ? "-" : ms(signalledNanos), ms(readNanos),
                written == 0 ? "-" : ms(firstWriteNanos), written == 0 ? "-" : ms(lastWriteNanos), written, waiting,
                ms(ended));
    }

    // The read's wall clock stands for its monotonic instant; the other steps are monotonic offsets from it.
    private String ms(long nanos) {
        double afterFinish = Duration.between(finishedAt, read).toNanos() + (double) (nanos - readNanos);
        return String.format(Locale.ROOT, "%.1f", afterFinish / 1e6);
    }
}
