package dev.atelier.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.web.headers.ContentSecurityPolicy;
import dev.atelier.web.headers.SecurityHeaders;
import dev.atelier.web.problem.Problem;
import dev.atelier.web.pages.PlainPages;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises before a request reaches Jersey (a malformed request line, a URI or headers too
 * long, an ambiguous path, a body over a limit) the way our own errors are answered: problem+json under
 * {@code /api}, the site's themed error page elsewhere, a plain page when there is no site. Never a stack trace.
 */
public final class ServerErrorHandler extends ErrorHandler {

    private static final String HTML = "text/html; charset=utf-8";

    private final ErrorPages pages;
    private final ObjectMapper json;

    public ServerErrorHandler(ErrorPages pages, ObjectMapper json) {
        this.pages = pages;
        this.json = json;
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        int status = status(request, response);
        ErrorTexts texts = ErrorTexts.of(status);
        String path = path(request.getHttpURI());
        byte[] body;
        String type;
        // Jetty's own errors (a request line it cannot read) come before any handler, so they get the headers here.
        SecurityHeaders.forPath(path).forEach(response.getHeaders()::put);
        if (RoutePath.isApi(path)) {
            type = Problem.MEDIA_TYPE;
            body = problem(status, texts);
        } else {
            type = HTML;
            String host = request.getHeaders() == null ? null : request.getHeaders().get(HttpHeader.HOST);
            body = page(host, path, status, texts, response).getBytes(StandardCharsets.UTF_8);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private static int status(Request request, Response response) {
        Object code = request.getAttribute(ERROR_STATUS);
        int status = code instanceof Integer given ? given : response.getStatus();
        return status >= 400 && status <= 599 ? status : 500;
    }

    // The raw path: a request this broken may have no decodable path at all.
    private static String path(HttpURI uri) {
        return uri == null ? "/" : RoutePath.ofRaw(uri.getPath());
    }

    private byte[] problem(int status, ErrorTexts texts) throws JsonProcessingException {
        return json.writeValueAsBytes(new Problem("about:blank", texts.title(), status, texts.detail(), List.of()));
    }

    private String page(String host, String path, int status, ErrorTexts texts, Response response) {
        Optional<String> themed = host == null ? Optional.empty()
                : pages.render(host, path, status, texts.title(), texts.detail());
        if (themed.isPresent()) {
            return themed.get();
        }
        response.getHeaders().put(ContentSecurityPolicy.HEADER, PlainPages.policy());
        return PlainPages.html(texts.title(), texts.detail());
    }
}
