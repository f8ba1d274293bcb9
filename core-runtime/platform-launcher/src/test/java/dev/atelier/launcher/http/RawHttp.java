package dev.atelier.launcher.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 spoken over a plain socket, so a test can send exactly the request line and headers an attacker would
 * ({@code /api;x=1/...}, {@code //}, overlong headers) without a client library tidying them up.
 */
final class RawHttp {

    /** A response: status, headers (lower-case names, last value wins) and the body as text. */
    record Reply(int status, Map<String, String> headers, String body) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** Sends one request with a body and {@code Content-Length}; {@code headers} are sent as given. */
    Reply send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        String length = body == null ? "" : "Content-Length: " + body.length + "\r\n";
        return exchange(head(method, target, headers, length), out -> {
            if (body != null) {
                out.write(body);
            }
        });
    }

    /**
     * Sends only the head of a request whose head announces a large body (a {@code Content-Length} in
     * {@code headers}) and waits for the answer: a server that reads bodies before deciding would wait for the body
     * and time out instead of answering.
     */
    Reply sendHeadOnly(String method, String target, Map<String, String> headers) throws IOException {
        return exchange(head(method, target, headers, ""), out -> { });
    }

    /** Sends {@code body} chunked (no {@code Content-Length}), as streaming clients do. */
    Reply sendChunked(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        return exchange(head(method, target, headers, "Transfer-Encoding: chunked\r\n"), out -> {
            for (int at = 0; at < body.length; at += 8192) {
                int size = Math.min(8192, body.length - at);
                out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, at, size);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        });
    }

    /** Writes the rest of a request after its head. */
    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] head(String method, String target, Map<String, String> headers, String framing) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append(framing).append("Connection: close\r\n\r\n").toString()
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private Reply exchange(byte[] head, BodyWriter body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            try {
                body.write(out);
            } catch (IOException refusedMidway) {
                // The server may answer and close before taking a body it refuses; its answer is still there.
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        // Latin-1 keeps one char per byte, so chunk sizes can be counted; the body is decoded as UTF-8 at the end.
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete response head: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers,
                new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
