package dev.atelier.web.api.generations;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's open progress stream, written without blocking: events wait in a short queue and go out whenever the
 * connection can take them, so no thread waits for the client, neither between events nor on a slow reader. The
 * request is asynchronous (Servlet {@link AsyncContext}): the thread that opened it went back to the pool.
 *
 * <p>All methods may be called from any thread. The stream calls {@code onEnd} once, however it ends (ended by the
 * platform, failed write, client gone).
 */
final class EventStream implements WriteListener, AsyncListener {

    // A client this far behind is not reading; holding more for it would only grow the heap.
    private static final int MAX_QUEUED = 32;
    private static final int STREAM_BUFFER_BYTES = 2048;
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    private final String jobId;
    private final AsyncContext async;
    private final ServletOutputStream out;
    private final long openedNanos;
    private final Runnable onEnd;
    // Guarded by this.
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private boolean unflushed;
    private boolean ending;
    private boolean completing;
    private boolean finished;
    private String lastProgress;
    private volatile long lastWriteNanos;

    private EventStream(String jobId, AsyncContext async, ServletOutputStream out, Runnable onEnd) {
        this.jobId = jobId;
        this.async = async;
        this.out = out;
        this.onEnd = onEnd;
        this.openedNanos = System.nanoTime();
        this.lastWriteNanos = openedNanos;
    }

    /**
     * Takes the request out of its thread and starts the stream with its headers and an opening comment.
     *
     * @param onEnd called once when the stream has ended, however it ended
     */
    static EventStream open(HttpServletRequest request, HttpServletResponse response, String jobId, Runnable onEnd)
            throws IOException {
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(0); // the stream's own lifetime ends it, not the container's async timeout
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no"); // tells nginx not to hold events back
        // Events are small and flushed one by one; the container's default 32 KB buffer per response would be held by
        // every open stream for nothing.
        response.setBufferSize(STREAM_BUFFER_BYTES);
        EventStream stream = new EventStream(jobId, async, response.getOutputStream(), onEnd);
        async.addListener(stream);
        synchronized (stream) {
            stream.queue.add(ProgressEvents.OPENING);
            stream.out.setWriteListener(stream);
        }
        return stream;
    }

    String jobId() {
        return jobId;
    }

    /** Sends a {@code progress} event unless this stream sent the same one last. */
    synchronized void progress(String data, byte[] event) {
        if (!data.equals(lastProgress)) {
            lastProgress = data;
            send(event);
        }
    }

    /** Sends a comment line if nothing was written for {@code idleNanos}, which also finds a client that has gone. */
    void keepAlive(long idleNanos) {
        if (System.nanoTime() - lastWriteNanos >= idleNanos) {
            send(ProgressEvents.KEEP_ALIVE);
        }
    }

    boolean openedBefore(long nanos) {
        return openedNanos - nanos < 0;
    }

    /**
     * Sends {@code last} (if not null) as the stream's last event: later events are dropped, and the stream ends once
     * it is written and {@link #complete()} was called.
     *
     * @return whether {@code last} went to the connection before this returned (false when it waits for the client to
     *     read, or the stream had ended or was ending already)
     */
    synchronized boolean last(byte[] last) {
        if (ending || finished) {
            return false;
        }
        if (last != null) {
            queue.add(last);
        }
        ending = true;
        drain();
        return queue.isEmpty() && !unflushed && !finished;
    }

    /**
     * Ends the stream after its {@linkplain #last last} event is written. Apart from {@link #last} because ending a
     * request costs the container more than a write: a job's end is written to all its streams first, then they end.
     */
    synchronized void complete() {
        completing = true;
        last(null);
        drain();
    }

    private synchronized void send(byte[] event) {
        if (ending || finished) {
            return;
        }
        if (queue.size() >= MAX_QUEUED) {
            LOG.debug("Event stream of {} dropped: the client reads too slowly", jobId);
            fail();
            return;
        }
        queue.add(event);
        drain();
    }

    // Writes while the connection takes bytes at once; when it does not, the container calls onWritePossible later.
    private synchronized void drain() {
        if (finished) {
            return;
        }
        try {
            while (out.isReady()) {
                byte[] next = queue.poll();
                if (next != null) {
                    out.write(next);
                    unflushed = true;
                    lastWriteNanos = System.nanoTime();
                } else if (unflushed) {
                    unflushed = false;
                    out.flush();
                } else {
                    if (ending && completing) {
                        finished = true;
                        async.complete();
                    }
                    return;
                }
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away (most streams that end early end so); its slot is given back below.
            LOG.debug("Event stream of {} ended: {}", jobId, e.toString());
            fail();
        }
    }

    private synchronized void fail() {
        if (finished) {
            return;
        }
        finished = true;
        queue.clear();
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // Already completed by the container after the failure: nothing left to close.
            LOG.trace("Event stream of {} was completed already", jobId);
        }
        onEnd.run();
    }

    @Override
    public void onWritePossible() {
        drain();
    }

    @Override
    public void onError(Throwable failure) {
        LOG.debug("Event stream of {} failed: {}", jobId, Objects.toString(failure));
        fail();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        synchronized (this) {
            finished = true;
            queue.clear();
        }
        onEnd.run();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        fail();
    }

    @Override
    public void onError(AsyncEvent event) {
        fail();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Not restarted: a stream has one asynchronous cycle.
    }
}
