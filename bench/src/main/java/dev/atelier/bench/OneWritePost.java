package dev.atelier.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 requests on one kept-alive connection, each request (headers and body) sent in a single write, and each
 * answer read whole through a buffer. The JDK's HttpClient writes the headers and the body of a POST separately; on
 * loopback the second small write can wait for the server's delayed acknowledgement of the first (tens of
 * milliseconds), which a load driver must not add to what it measures. It also spends more CPU on a request than the
 * platform's own handling of it, on the same cores: a load driver must cost little beside what it drives. Not
 * thread-safe: one per client thread.
 */
final class OneWritePost implements AutoCloseable {

    /**
     * A response's status and body.
     *
     * @param markedAt {@link System#nanoTime()} when the body first held the text asked for ({@link #get}), else -1
     */
    record Answer(int status, String body, long markedAt) {}

    private final URI base;
    private Socket socket;
    private InputStream in;

    OneWritePost(URI base) {
        this.base = base;
    }

    Answer post(String path, String host, String authorization, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return send(request);
    }

    /**
     * A GET whose whole answer is read: for a server-sent event stream, every event until the server ends the
     * stream (the answer's last chunk), so the connection is ready for the next request.
     */
    Answer get(String path, String host, String authorization, String accept) throws IOException {
        return get(path, host, authorization, accept, null);
    }

    /**
     * {@link #get}, noting when the body first holds {@code mark} (checked after each chunk read): the time an event
     * arrived, when the stream ends a little later.
     */
    Answer get(String path, String host, String authorization, String accept, String mark) throws IOException {
        return send(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
                + "\r\nAccept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), mark);
    }

    private Answer send(byte[] request) throws IOException {
        return send(request, null);
    }

    private Answer send(byte[] request, String mark) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }
        OutputStream out = socket.getOutputStream();
        out.write(request);
        out.flush();
        return read(in, mark);
    }

    private Answer read(InputStream in, String mark) throws IOException {
        String status = line(in);
        int code = Integer.parseInt(status.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header; !(header = line(in)).isEmpty(); ) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        long markedAt = -1;
        if (chunked) {
            for (int size; (size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0; ) {
                body.write(in.readNBytes(size));
                line(in);
                if (mark != null && markedAt < 0 && body.toString(StandardCharsets.UTF_8).contains(mark)) {
                    markedAt = System.nanoTime();
                }
            }
            line(in);
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        }
        if (close) {
            close();
        }
        return new Answer(code, body.toString(StandardCharsets.UTF_8), markedAt);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new EOFException("the connection closed within a response");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
            in = null;
        }
    }
}
