package dev.atelier.model.openai.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A {@code multipart/form-data} body built in memory: the edits endpoint wants the pictures as file parts. */
final class MultipartBody {

    private final String boundary;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    MultipartBody() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.boundary = "atelier-" + HexFormat.of().formatHex(random);
    }

    MultipartBody field(String name, String value) {
        head("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(CRLF);
        return this;
    }

    MultipartBody file(String name, String filename, String mediaType, byte[] content) {
        head("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + mediaType + "\r\n\r\n");
        out.writeBytes(content);
        out.writeBytes(CRLF);
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] toByteArray() {
        ByteArrayOutputStream done = new ByteArrayOutputStream(out.size() + boundary.length() + 8);
        done.writeBytes(out.toByteArray());
        done.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return done.toByteArray();
    }

    private void head(String headers) {
        out.writeBytes(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
    }

    private static final byte[] CRLF = {'\r', '\n'};
}
