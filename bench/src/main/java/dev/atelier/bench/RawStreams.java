package dev.atelier.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many server-sent event streams held open by one thread: plain HTTP/1.1 {@code GET}s over non-blocking sockets on one
 * selector, each answer's chunked body undone and split into lines, and nothing else read from it but its {@code done}
 * event, whose arrival time (taken when the read that brought it returned) and {@code finished_at} are recorded. The
 * JDK HTTP client did the same on two threads with a subscriber per stream; at thousands of streams its own reading
 * was slower than the server's writing, so the figures measured the client. Opens at most {@value #OPENING_AT_ONCE}
 * streams at a time, as a crowd of browsers arrives, not all in the same millisecond.
 */
final class RawStreams implements Runnable {

    private static final int OPENING_AT_ONCE = 50;
    private static final byte[] DONE_LINE = "event: done".getBytes(StandardCharsets.US_ASCII);
    private static final String FINISHED_AT = "\"finished_at\":\"";

    private final InetSocketAddress server;
    private final String host;
    private final String token;
    private final List<String> paths;
    private final CountDownLatch opened;
    private final CountDownLatch ended;
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<Integer, Integer> refusedStatuses = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<long[]> arrivals = new ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private int next;
    private int opening;

    RawStreams(InetSocketAddress server, String host, String token, List<String> paths) {
        this.server = server;
        this.host = host;
        this.token = token;
        this.paths = paths;
        this.opened = new CountDownLatch(paths.size());
        this.ended = new CountDownLatch(paths.size());
    }

    /** Waits until every stream has its answer's headers (or failed before them). */
    void awaitOpened() throws InterruptedException {
        opened.await();
    }

    /** Waits until every stream got its {@code done} event or ended otherwise; false if {@code max} passed first. */
    boolean awaitEnded(long max, TimeUnit unit) throws InterruptedException {
        return ended.await(max, unit);
    }

    int refused() {
        return refused.get();
    }

    Map<Integer, Integer> refusedStatuses() {
        return Map.copyOf(refusedStatuses);
    }

    /** Per stream that got its {@code done}: the job's {@code finished_at} and the event's arrival, in µs since 1970. */
    List<long[]> arrivals() {
        return new ArrayList<>(arrivals);
    }

    @Override
    public void run() {
        try (Selector selector = Selector.open()) {
            openMore(selector);
            while (ended.getCount() > 0) {
                selector.select(1000);
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(selector, key);
                }
                selector.selectedKeys().clear();
                openMore(selector);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void openMore(Selector selector) throws IOException {
        while (opening < OPENING_AT_ONCE && next < paths.size()) {
            String path = paths.get(next++);
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Stream stream = new Stream(request(path));
            opening++;
            if (channel.connect(server)) {
                channel.register(selector, SelectionKey.OP_WRITE, stream);
            } else {
                channel.register(selector, SelectionKey.OP_CONNECT, stream);
            }
        }
    }

    private ByteBuffer request(String path) {
        return ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void handle(Selector selector, SelectionKey key) {
        Stream stream = (Stream) key.attachment();
        SocketChannel channel = (SocketChannel) key.channel();
        try {
            if (key.isConnectable() && channel.finishConnect()) {
                key.interestOps(SelectionKey.OP_WRITE);
            }
            if (key.isValid() && key.isWritable()) {
                channel.write(stream.request);
                if (!stream.request.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
            if (key.isValid() && key.isReadable()) {
                read(key, channel, stream);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("stream failed: " + e);
            end(key, stream, true);
        }
    }

    private void read(SelectionKey key, SocketChannel channel, Stream stream) throws IOException {
        readBuffer.clear();
        int read = channel.read(readBuffer);
        if (read < 0) {
            end(key, stream, true);
            return;
        }
        long arrived = micros(Instant.now());
        readBuffer.flip();
        while (readBuffer.hasRemaining() && key.isValid()) {
            stream.take(readBuffer.get(), arrived, key);
        }
    }

    private void headersIn(Stream stream, int status, SelectionKey key) {
        opening--;
        opened.countDown();
        stream.headersDone = true;
        if (status != 200) {
            refusedStatuses.merge(status, 1, Integer::sum);
            end(key, stream, true);
        }
    }

    private void end(SelectionKey key, Stream stream, boolean failed) {
        if (stream.ended) {
            return;
        }
        stream.ended = true;
        if (!stream.headersDone) {
            // Failed before its answer: count it opened (as refused) so the opening goes on.
            stream.headersDone = true;
            opening--;
            opened.countDown();
        }
        if (failed && !stream.gotDone) {
            refused.incrementAndGet();
        }
        ended.countDown();
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            System.err.println("closing a stream: " + e);
        }
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }

    /** One stream's state: its request, then its answer read byte by byte (headers, chunk sizes, lines). */
    private final class Stream {

        private final ByteBuffer request;
        private final StringBuilder line = new StringBuilder(128);
        // Apart from line: a chunk may end in the middle of an event's line.
        private final StringBuilder sizeLine = new StringBuilder(8);
        private boolean headersDone;
        private boolean inHeaders = true;
        private boolean chunked;
        private int status;
        // Bytes of chunk data still to come; -1 while a chunk-size line is read, -2 at the CRLF after a chunk.
        private long chunkLeft = -1;
        private boolean doneNext;
        private long doneArrived;
        private boolean gotDone;
        private boolean ended;

        Stream(ByteBuffer request) {
            this.request = request;
        }

        void take(byte b, long arrived, SelectionKey key) {
            if (inHeaders) {
                header(b, key);
            } else if (!chunked) {
                body(b, arrived, key);
            } else if (chunkLeft > 0) {
                chunkLeft--;
                body(b, arrived, key);
                if (chunkLeft == 0) {
                    chunkLeft = -2;
                }
            } else if (b == '\n') {
                if (chunkLeft == -1) {
                    String size = sizeLine.toString().trim();
                    int extension = size.indexOf(';');
                    chunkLeft = Long.parseLong(extension < 0 ? size : size.substring(0, extension), 16);
                    if (chunkLeft == 0) {
                        end(key, this, true); // the answer ended without a done event
                    }
                } else {
                    chunkLeft = -1;
                }
                sizeLine.setLength(0);
            } else if (chunkLeft == -1 && b != '\r') {
                sizeLine.append((char) b);
            }
        }

        private void header(byte b, SelectionKey key) {
            if (b != '\n') {
                if (b != '\r') {
                    line.append((char) b);
                }
                return;
            }
            String text = line.toString();
            line.setLength(0);
            if (status == 0) {
                status = Integer.parseInt(text.substring(9, 12));
            } else if (text.isEmpty()) {
                inHeaders = false;
                headersIn(this, status, key);
            } else if (text.regionMatches(true, 0, "transfer-encoding:", 0, 18) && text.contains("chunked")) {
                chunked = true;
            }
        }

        private void body(byte b, long arrived, SelectionKey key) {
            if (b != '\n') {
                line.append((char) b);
                return;
            }
            if (!doneNext && line.length() == DONE_LINE.length && line.toString().equals("event: done")) {
                doneNext = true;
                doneArrived = arrived;
            } else if (doneNext && line.indexOf("data: ") == 0) {
                int at = line.indexOf(FINISHED_AT) + FINISHED_AT.length();
                Instant finished = Instant.parse(line.substring(at, line.indexOf("\"", at)));
                arrivals.add(new long[] {micros(finished), doneArrived});
                gotDone = true;
                end(key, this, false);
            }
            line.setLength(0);
        }
    }
}
