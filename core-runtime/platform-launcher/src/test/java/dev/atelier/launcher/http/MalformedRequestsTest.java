package dev.atelier.launcher.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.http.RawHttp.Reply;
import dev.atelier.launcher.http.Routes.Route;
import dev.atelier.web.http.RoutePath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whatever a client sends — broken JSON, wrong types, nulls in lists, huge numbers, bad cursors and limits, odd ids,
 * overlong addresses and headers — the answer is a 4xx in the right form (problem+json under /api, an HTML page
 * elsewhere) that names none of our classes.
 */
class MalformedRequestsTest {

    private static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b(java|javax|jakarta|com\\.fasterxml|org\\.glassfish|org\\.eclipse|org\\.postgresql|dev\\.atelier)\\.[a-z]"
                    + "|Exception\\b|\\bat [a-z]+\\.[a-z]+\\.");
    private static final String NESTED = "[".repeat(5000) + "]".repeat(5000);
    private static final List<String> BAD_JSON = List.of("{", "[]", "\"text\"", "null", NESTED,
            "{\"model\":5,\"prompt\":[\"a\"],\"inputs\":[null],\"parameters\":{\"steps\":\"abc\"},\"name\":{\"a\":1},"
                    + "\"email\":7,\"password\":false}",
            "{\"model\":\"procedural\",\"prompt\":\"a\",\"inputs\":[null]}",
            "{\"model\":\"procedural\",\"prompt\":\"a\",\"parameters\":{\"steps\":null,\"seed\":1e99999999}}",
            "{\"name\":\"" + "n".repeat(100_000) + "\"}", "{\"unknown\":1}");
    private static final List<String> BAD_QUERIES = List.of("?limit=abc&cursor=%25%25", "?limit=-5&cursor=AAAA",
            "?limit=99999999999999999999&cursor=" + "x".repeat(4000), "?cursor=!!!&status=%00&model=%3Cscript%3E",
            "?prompt=&width=abc&height=-1&download=yes&exp=abc&sig=%ZZ");
    private static final List<String> BAD_IDS = List.of("%E2%98%83", "x".repeat(2000), "..%20", "null");

    @RegisterExtension
    static final Probe probe = new Probe();

    @Test
    void everyRouteAnswersMalformedInputWithAClientErrorInItsOwnFormat() throws Exception {
        // Routes that may end the session or the account go last, each in a session of its own.
        List<Route> routes = new ArrayList<>(Routes.all(probe.platform.atelier().web()));
        routes.sort(Comparator.comparing(MalformedRequestsTest::mayEndTheSession));
        SoftAssertions softly = new SoftAssertions();
        Probe signedIn = probe.newSession();
        for (Route route : routes) {
            if (mayEndTheSession(route)) {
                signedIn = probe.newSession();
            }
            boolean ownPath = true;
            for (String path : paths(route)) {
                // Every bad query and body on the route's own path; the odd ids with the first of them only.
                if (route.method().equals("GET") || route.method().equals("HEAD")) {
                    for (String query : ownPath ? BAD_QUERIES : BAD_QUERIES.subList(0, 1)) {
                        check(softly, route, path + query,
                                signedIn.http.send("GET", path + query, signedIn.headers(true), null));
                    }
                } else {
                    List<byte[]> bodies = bodies(route, signedIn.csrf);
                    for (byte[] body : ownPath ? bodies : bodies.subList(0, 1)) {
                        check(softly, route, path, signedIn.http.send(route.method(), path,
                                signedIn.headers(true, contentType(route)), body));
                    }
                }
                ownPath = false;
            }
        }
        softly.assertAll();
    }

    @Test
    void theWebServersOwnErrorsComeAsProblemsUnderTheApiAndAsPagesElsewhere() throws Exception {
        Reply longApiUri = probe.http.send("GET", "/api/v1/models?q=" + "a".repeat(12_000), Map.of("Host", Probe.HOST),
                null);
        Reply longPageUri = probe.http.send("GET", "/pricing?q=" + "a".repeat(12_000), Map.of("Host", Probe.HOST),
                null);
        Reply hugeUri = probe.http.send("GET", "/api/v1/models?q=" + "a".repeat(40_000), Map.of("Host", Probe.HOST),
                null);
        Reply longApiHeader = probe.http.send("GET", "/api/v1/models", Map.of("Host", Probe.HOST,
                "X-Padding", "p".repeat(20_000)), null);
        Reply longPageHeader = probe.http.send("GET", "/pricing", Map.of("Host", Probe.HOST,
                "Cookie", "c=" + "p".repeat(20_000)), null);
        Reply badApiHeader = probe.http.send("GET", "/api/v1/models", Map.of("Host", Probe.HOST,
                "Bad\u0001Name", "x"), null);
        Reply badPageHeader = probe.http.send("GET", "/pricing", Map.of("Host", Probe.HOST, "Bad\u0001Name", "x"),
                null);

        assertProblem(longApiUri, 414);
        assertPage(longPageUri, 414);
        assertThat(longPageUri.body()).as("the site's themed page").contains("AuraTuner");
        // Longer than Jetty reads: refused before its path is known, so neither API nor site can be told.
        assertPage(hugeUri, 414);
        assertProblem(longApiHeader, 431);
        assertPage(longPageHeader, 431);
        assertProblem(badApiHeader, 400);
        // A head Jetty cannot parse may not even have a Host header yet: the plain page is all that can be said.
        assertPage(badPageHeader, 400);
    }

    @Test
    void aMissingThemeFileOrLogoIsTheSitesNotFoundPage() throws Exception {
        Reply file = probe.http.send("GET", "/static/default/0000/no-such.css", Map.of("Host", Probe.HOST), null);
        Reply logo = probe.http.send("GET", "/brand/0000.svg", Map.of("Host", Probe.HOST), null);

        assertPage(file, 404);
        assertPage(logo, 404);
        assertThat(file.body()).contains("AuraTuner");
    }

    @Test
    void aLimitThatIsNoNumberIsABadRequestNamingTheParameter() throws Exception {
        Reply reply = probe.http.send("GET", "/api/v1/models?limit=abc", Map.of("Host", Probe.HOST), null);

        assertProblem(reply, 400);
        assertThat(reply.body()).contains("\"field\":\"limit\"");
    }

    @Test
    void aNullAmongTheInputsOfAGenerationIsAnInvalidField() throws Exception {
        Reply reply = probe.http.send("POST", "/api/v1/generations", probe.newSession().headers(true, "application/json"),
                "{\"model\":\"procedural\",\"prompt\":\"a\",\"inputs\":[null]}".getBytes(StandardCharsets.UTF_8));

        assertProblem(reply, 422);
        assertThat(reply.body()).contains("\"field\":\"inputs\"");
    }

    @Test
    void aJsonFieldOfTheWrongTypeIsNamedWithoutNamingAJavaType() throws Exception {
        Reply reply = probe.http.send("POST", "/api/v1/auth/signin", probe.anonymous("application/json"),
                "{\"email\":[\"a\"],\"password\":\"x\"}".getBytes(StandardCharsets.UTF_8));

        assertProblem(reply, 400);
        assertThat(reply.body()).contains("\"field\":\"email\"");
    }

    private static void check(SoftAssertions softly, Route route, String sent, Reply reply) {
        String what = route.method() + " " + (sent.length() > 120 ? sent.substring(0, 120) + "…" : sent);
        softly.assertThat(reply.status()).as(what).isLessThan(500);
        if (reply.status() >= 400) {
            softly.assertThat(reply.body()).as(what).doesNotContainPattern(JAVA_NAMES);
            String path = RoutePath.ofRaw(route.path());
            if (RoutePath.isApi(path)) {
                softly.assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
            } else if (!path.startsWith("/hooks/") && !path.startsWith("/media/")) {
                // Vendors' webhooks and media links are read by programs and <img> tags, not people: either form.
                softly.assertThat(reply.contentType()).as(what).startsWith("text/html");
            }
        }
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"status\":" + status).doesNotContainPattern(JAVA_NAMES);
        assertSecurityHeaders(reply);
    }

    private static void assertPage(Reply reply, int status) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("text/html");
        assertThat(reply.body()).contains("<html").doesNotContainPattern(JAVA_NAMES);
        assertSecurityHeaders(reply);
    }

    // Errors too, the web server's own included: an error page is a page another site could frame.
    private static void assertSecurityHeaders(Reply reply) {
        assertThat(reply.headers().get("content-security-policy")).as("CSP of a %s", reply.status())
                .contains("frame-ancestors 'none'").contains("script-src 'self'");
        assertThat(reply.headers()).containsEntry("x-content-type-options", "nosniff")
                .containsEntry("x-frame-options", "DENY");
    }

    private static boolean mayEndTheSession(Route route) {
        return route.path().matches(".*(signout|delete|revoke).*");
    }

    // The route's own path, and with each made-up id replaced by odd ones.
    private static List<String> paths(Route route) {
        List<String> paths = new ArrayList<>(List.of(route.path()));
        if (route.path().contains("x0000000000")) {
            BAD_IDS.forEach(id -> paths.add(route.path().replace("x0000000000", id)));
        }
        return paths;
    }

    private static String contentType(Route route) {
        return route.consumes().startsWith("multipart/") ? Probe.multipartType()
                : route.consumes().equals("*/*") ? "application/json" : route.consumes();
    }

    private static List<byte[]> bodies(Route route, String csrf) {
        List<String> bodies = new ArrayList<>();
        String type = contentType(route);
        if (type.startsWith("multipart/")) {
            bodies.add(Probe.multipart(Map.of("csrf", csrf, "model", "procedural", "prompt", "a",
                    "p.procedural.steps", "abc"), "file", "not an image"));
            bodies.add(Probe.multipart(Map.of("csrf", csrf), "input", "x").replace("--\r\n", ""));
            bodies.add("--" + Probe.BOUNDARY + "\r\nno headers at all");
        } else if (type.equals("application/x-www-form-urlencoded")) {
            bodies.add("csrf=" + csrf + "&%zz=%zz&email=%&password");
            bodies.add("csrf=" + csrf + "&email=" + "e".repeat(60_000) + "&credits=99999999999999999999&role=%00");
            bodies.add("csrf=" + csrf + "&credits=-1&credits=abc&displayName=&tokenName=");
        } else if (type.contains("json") || type.equals("*/*")) {
            bodies.addAll(BAD_JSON);
        } else {
            bodies.add("\u0000\u0001 not what this address takes");
        }
        List<byte[]> bytes = new ArrayList<>();
        bodies.forEach(body -> bytes.add(body.getBytes(StandardCharsets.UTF_8)));
        if (type.contains("json")) {
            bytes.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        }
        return bytes;
    }
}
