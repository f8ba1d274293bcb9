package dev.atelier.spi.testkit;

import dev.atelier.spi.model.Callbacks;
import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.tenant.TenantContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link GenerationContext} for tests: it records every progress report, can be cancelled from any thread (or
 * cancels itself when a chosen progress report arrives), and counts as cancelled once its deadline has passed, as the
 * host's context does.
 *
 * <pre>{@code
 * TestGenerationContext context = TestGenerationContext.create();
 * GenerationResult result = model.generate(request, context);
 * assertThat(context.progressPercents()).isSorted();
 *
 * TestGenerationContext cancelling = TestGenerationContext.create().cancelWhen(report -> report.percent() > 0);
 * }</pre>
 *
 * <p>Thread-safe: a model may report progress from its own worker threads while a test cancels.
 */
public final class TestGenerationContext implements GenerationContext {

    /** One call of {@link GenerationContext#progress(int, String)}, as the model made it. */
    public record ProgressReport(int percent, String stage) {}

    /** Deadline of contexts made by {@link #create()}: long enough for any model that does not call out. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(1);

    private final TenantContext tenant;
    private final String jobId;
    private final Instant deadline;
    private final Clock clock;
    private final List<ProgressReport> reports = new ArrayList<>();
    private volatile boolean cancelled;
    private Predicate<ProgressReport> cancelTrigger = report -> false;
    private volatile TestCallbacks callbacks;

    /**
     * @param tenant the tenant the call is made for
     * @param jobId id of the generation job
     * @param deadline when the call counts as cancelled
     * @param clock clock compared with {@code deadline}
     */
    public TestGenerationContext(TenantContext tenant, String jobId, Instant deadline, Clock clock) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A context for {@link TestTenantContext#defaults()} whose deadline is {@link #DEFAULT_TIME_LIMIT} from now. */
    public static TestGenerationContext create() {
        return create(TestTenantContext.defaults(), DEFAULT_TIME_LIMIT);
    }

    /** A context for {@code tenant} whose deadline is {@code timeLimit} from now (negative: already passed). */
    public static TestGenerationContext create(TenantContext tenant, Duration timeLimit) {
        Clock clock = Clock.systemUTC();
        return new TestGenerationContext(tenant, "job_test", clock.instant().plus(timeLimit), clock);
    }

    /** Cancels the call: from now on {@link #isCancelled()} is {@code true}. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Makes the context cancel itself when the model reports progress matching {@code trigger}, to test cancellation
     * in the middle of work. The matching report is recorded before the context turns cancelled.
     *
     * @return this context
     */
    public synchronized TestGenerationContext cancelWhen(Predicate<ProgressReport> trigger) {
        this.cancelTrigger = Objects.requireNonNull(trigger, "trigger");
        return this;
    }

    /**
     * Offers the model {@link Callbacks} at {@code url}, as the host does when the platform has a public address.
     * Deliver messages through the returned object; without this call the context offers none.
     */
    public TestCallbacks withCallbacks(URI url) {
        TestCallbacks offered = new TestCallbacks(url, this::isCancelled);
        this.callbacks = offered;
        return offered;
    }

    @Override
    public Optional<Callbacks> callbacks() {
        return Optional.ofNullable(callbacks);
    }

    @Override
    public TenantContext tenant() {
        return tenant;
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    /** {@code true} after {@link #cancel()}, after a {@link #cancelWhen} trigger fired, or once the deadline passed. */
    @Override
    public boolean isCancelled() {
        return cancelled || !clock.instant().isBefore(deadline);
    }

    /** Records the report exactly as given, even out of range, so a test can check what the model sent. */
    @Override
    public synchronized void progress(int percent, String stage) {
        ProgressReport report = new ProgressReport(percent, stage);
        reports.add(report);
        if (cancelTrigger.test(report)) {
            cancel();
        }
    }

    /** Every progress report so far, oldest first. */
    public synchronized List<ProgressReport> progressReports() {
        return List.copyOf(reports);
    }

    /** The percentages of {@link #progressReports()}, oldest first. */
    public synchronized List<Integer> progressPercents() {
        return reports.stream().map(ProgressReport::percent).toList();
    }
}
