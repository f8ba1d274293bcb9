package dev.atelier.launcher.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.http.RawHttp.Reply;
import dev.atelier.launcher.http.Routes.Route;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.web.auth.Cookies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A signed-in browser tricked into sending a request without the CSRF token changes nothing, however the address is
 * spelled: path parameters, encoded slashes, doubled slashes, dot segments and other letter cases all land on a refusal.
 */
class AmbiguousPathsTest {

    private static final String HOST = Probe.HOST;
    private static final String OPERATOR_HOST = "operator.localhost";

    @RegisterExtension
    static final Probe probe = new Probe();
    private static TestPlatform platform;
    private static RawHttp http;
    private static String session;

    @BeforeAll
    static void start() throws Exception {
        platform = probe.platform;
        http = probe.http;
        session = probe.session;
    }

    @Test
    void matrixParameterOnTheApiPrefixNoLongerSkipsTheCsrfCheck() throws Exception {
        Reply reply = send(new Route("POST", "/api;x=1/v1/uploads", "multipart/form-data"), "/api;x=1/v1/uploads",
                HOST, Cookies.SESSION + "=" + session);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void noStateChangingRouteAcceptsASessionWithoutCsrfTokenUnderAnySpellingOfItsPath() throws Exception {
        List<Route> routes = Routes.stateChanging(platform.atelier().web());
        assertThat(routes).extracting(Route::toString)
                .contains("POST /api/v1/uploads", "POST /create", "POST /admin/users/grant", "DELETE /api/v1/account/tokens/x0000000000");
        String operatorCookie = Cookies.OPERATOR + "="
                + platform.atelier().accounts().operatorTokens().create("ambiguous paths test").token();

        SoftAssertions softly = new SoftAssertions();
        for (Route route : routes) {
            for (String path : spellings(route.path())) {
                for (Map.Entry<String, String> browser : Map.of(HOST, Cookies.SESSION + "=" + session,
                        OPERATOR_HOST, operatorCookie).entrySet()) {
                    Reply reply = send(route, path, browser.getKey(), browser.getValue());
                    String what = route.method() + " " + path + " on " + browser.getKey();
                    if (reply.status() == 303) {
                        // Only the way to a sign-in page: who is not signed in on that host changes nothing.
                        softly.assertThat(reply.headers().get("location")).as(what).contains("/signin");
                    } else {
                        softly.assertThat(reply.status()).as(what).isIn(400, 401, 403, 404, 405);
                    }
                }
            }
        }
        softly.assertAll();

        Reply account = http.send("GET", "/api/v1/account", Map.of("Host", HOST, "Cookie",
                Cookies.SESSION + "=" + session), null);
        Reply tokens = http.send("GET", "/api/v1/account/tokens", Map.of("Host", HOST, "Cookie",
                Cookies.SESSION + "=" + session), null);
        assertThat(account.status()).as("still signed in, account still there").isEqualTo(200);
        assertThat(tokens.body()).as("no API token was made").contains("\"items\":[]");
    }

    /** The path as written, and the spellings that once let requests past checks made on the raw path. */
    static List<String> spellings(String path) {
        List<String> spellings = new ArrayList<>(List.of(path, "/" + path, "/." + path,
                path.toUpperCase(Locale.ROOT)));
        int second = path.indexOf('/', 1);
        String first = second < 0 ? path : path.substring(0, second);
        String rest = second < 0 ? "" : path.substring(second);
        spellings.add(first + ";x=1" + rest);
        spellings.add(first.toUpperCase(Locale.ROOT) + rest);
        if (!rest.isEmpty()) {
            spellings.add(first + "%2F" + rest.substring(1));
            spellings.add(first + "%2f" + rest.substring(1));
            spellings.add(first + "/" + rest);
            spellings.add(first + "/." + rest);
            spellings.add(first + "/x/.." + rest);
        }
        return spellings;
    }

    private static Reply send(Route route, String path, String host, String cookie) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host + ":" + platform.port());
        headers.put("Cookie", cookie);
        // What a browser sends when another site's page makes it post.
        headers.put("Origin", "https://elsewhere.example");
        String type = route.consumes().startsWith("multipart/") ? Probe.multipartType()
                : route.consumes().equals("*/*") ? "application/json" : route.consumes();
        headers.put("Content-Type", type);
        return http.send(route.method(), path, headers, body(type));
    }

    private static byte[] body(String type) {
        String body;
        if (type.startsWith("multipart/")) {
            // A real picture, so that an upload which got past the checks would be stored (201), not refused (415).
            body = Probe.multipart(Map.of("prompt", "a cat"), "file", Probe.tinyPng());
        } else if (type.equals("application/x-www-form-urlencoded")) {
            body = "tokenName=forged&email=admin%40auratuner.test&credits=5000";
        } else {
            body = "{\"name\":\"forged\"}";
        }
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }
}
