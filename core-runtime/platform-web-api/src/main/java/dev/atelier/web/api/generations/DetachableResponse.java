package dev.atelier.web.api.generations;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * A response that passes everything through until it is {@linkplain #detach() detached}; from then on it is a sink:
 * status, headers and body written to it go nowhere, and the response behind it belongs to whoever detached it.
 */
final class DetachableResponse extends HttpServletResponseWrapper {

    private volatile boolean detached;

    DetachableResponse(HttpServletResponse response) {
        super(response);
    }

    /** The response behind this one, which from now on only the caller writes. */
    HttpServletResponse detach() {
        detached = true;
        return (HttpServletResponse) getResponse();
    }

    @Override
    public ServletOutputStream getOutputStream() throws java.io.IOException {
        return detached ? Void.STREAM : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws java.io.IOException {
        return detached ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
    }

    @Override
    public boolean isCommitted() {
        return !detached && super.isCommitted();
    }

    @Override
    public void setStatus(int sc) {
        if (!detached) {
            super.setStatus(sc);
        }
    }

    @Override
    public void sendError(int sc, String msg) throws java.io.IOException {
        if (!detached) {
            super.sendError(sc, msg);
        }
    }

    @Override
    public void sendError(int sc) throws java.io.IOException {
        if (!detached) {
            super.sendError(sc);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!detached) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!detached) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!detached) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!detached) {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void setDateHeader(String name, long date) {
        if (!detached) {
            super.setDateHeader(name, date);
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        if (!detached) {
            super.addDateHeader(name, date);
        }
    }

    @Override
    public void addCookie(Cookie cookie) {
        if (!detached) {
            super.addCookie(cookie);
        }
    }

    @Override
    public void setContentType(String type) {
        if (!detached) {
            super.setContentType(type);
        }
    }

    @Override
    public void setCharacterEncoding(String charset) {
        if (!detached) {
            super.setCharacterEncoding(charset);
        }
    }

    @Override
    public void setContentLength(int len) {
        if (!detached) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!detached) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void setBufferSize(int size) {
        if (!detached) {
            super.setBufferSize(size);
        }
    }

    @Override
    public void flushBuffer() throws java.io.IOException {
        if (!detached) {
            super.flushBuffer();
        }
    }

    @Override
    public void reset() {
        if (!detached) {
            super.reset();
        }
    }

    @Override
    public void resetBuffer() {
        if (!detached) {
            super.resetBuffer();
        }
    }

    /** Where a detached response's body goes: nowhere. */
    private static final class Void extends ServletOutputStream {

        static final Void STREAM = new Void();

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("a detached response takes no listener");
        }

        @Override
        public void write(int b) {
            // dropped: the response behind belongs to the stream
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // dropped: the response behind belongs to the stream
        }
    }
}
