package dev.atelier.launcher.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.launcher.isolation.Browser.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user of one tenant who signed up through the site's form and confirmed the address from the mail, signed in in
 * a {@link Browser}. Form posts carry the session's CSRF token and JSON calls its {@code X-CSRF-Token} header, as the
 * site's own pages and scripts send them.
 *
 * @param browser the browser holding the party's session
 * @param email the account's email
 * @param password the account's password
 * @param id the account's id
 * @param token the personal API token a script of this party calls the JSON API with, or null for a browser
 */
record Party(Browser browser, String email, String password, String id, String token) {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    /** Signs {@code email} up on the browser's site, confirms it from the mailed link; returns the signed-in user. */
    static Party signUp(Browser browser, Mailbox mail, String email, String displayName) throws Exception {
        Party party = signUpUnconfirmed(browser, email, displayName);
        Reply confirmed = browser.get(mail.link(email, "Confirm your email", 1));
        if (confirmed.status() != 200) {
            throw new AssertionError("confirming " + email + ": " + confirmed);
        }
        return party;
    }

    /** Signs {@code email} up through the form and leaves the mailed confirmation link unfollowed. */
    static Party signUpUnconfirmed(Browser browser, String email, String displayName)
            throws IOException, InterruptedException {
        String password = "isolation passphrase " + UUID.randomUUID();
        Reply signedUp = submit(browser, "/signup", Map.of("displayName", displayName, "email", email,
                "password", password, "terms", "yes"));
        if (signedUp.status() != 303) {
            throw new AssertionError("sign-up of " + email + " on " + browser.host() + ": " + signedUp);
        }
        String id = JSON.readTree(browser.get("/api/v1/account").body()).get("id").asText();
        return new Party(browser, email, password, id, null);
    }

    /** Nobody signed in, browsing {@code browser}'s site. */
    static Party signedOut(Browser browser) {
        return new Party(browser, "a signed-out visitor", null, null, null);
    }

    /** The same account signed in again through the sign-in form, in {@code another} browser (a second session). */
    Party signInAgain(Browser another) throws IOException, InterruptedException {
        Reply signedIn = submit(another, "/signin", Map.of("email", email, "password", password));
        if (signedIn.status() != 303) {
            throw new AssertionError("signing " + email + " in again: " + signedIn);
        }
        return new Party(another, email, password, id, null);
    }

    /**
     * This party as a script: a personal API token made through the JSON API, sent from {@code fresh}, a browser with
     * no cookies.
     */
    Party script(Browser fresh) throws IOException, InterruptedException {
        Reply made = call("POST", "/api/v1/account/tokens", "{\"name\":\"isolation script\"}");
        if (made.status() != 201) {
            throw new AssertionError("no API token for " + email + ": " + made);
        }
        return new Party(fresh, email, password, id, JSON.readTree(made.body()).get("token").asText());
    }

    /** Opens the form page {@code path} as a visitor and posts it back with its CSRF field and {@code fields}. */
    static Reply submit(Browser browser, String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("csrf", csrfField(browser.get(path)));
        return browser.send("POST", path, formHeaders(browser), form(withToken));
    }

    String host() {
        return browser.host();
    }

    Reply get(String path) throws IOException, InterruptedException {
        return browser.get(path);
    }

    /** A GET of JSON that must succeed. */
    JsonNode json(String path) throws IOException, InterruptedException {
        Reply reply = browser.get(path);
        if (reply.status() != 200) {
            throw new AssertionError("GET " + path + " as " + email + ": " + reply);
        }
        return JSON.readTree(reply.body());
    }

    /** The items of a JSON list this party reads, each as its {@code fields} joined by spaces, sorted. */
    Set<String> listed(String path, String... fields) throws IOException, InterruptedException {
        Set<String> items = new TreeSet<>();
        for (JsonNode item : json(path).get("items")) {
            items.add(Arrays.stream(fields).map(field -> item.get(field).asText()).collect(Collectors.joining(" ")));
        }
        return items;
    }

    /** Posts a form of the site, with this session's CSRF token. */
    Reply post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("csrf", csrf());
        return browser.send("POST", path, formHeaders(browser), form(withToken));
    }

    /** A JSON API call with this session's {@code X-CSRF-Token}; {@code json} may be null. */
    Reply call(String method, String path, String json) throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("X-CSRF-Token", csrf(), "Origin", browser.origin()));
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        return browser.send(method, path, headers,
                json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
    }

    /**
     * Posts {@code fields} and one file as multipart/form-data; the session's CSRF token goes in the {@code csrf} field
     * and the {@code X-CSRF-Token} header, so this serves the site's forms and the JSON API alike.
     *
     * @param fileField the name of the file part, or null for a form without a file
     */
    Reply multipart(String path, Map<String, String> fields, String fileField, byte[] png)
            throws IOException, InterruptedException {
        String boundary = "isolation" + UUID.randomUUID().toString().replace("-", "");
        String csrf = csrf();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", csrf);
        all.forEach((name, value) -> body.writeBytes(("--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        if (fileField != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"input.png\"\r\nContent-Type: image/png\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(png);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send("POST", path, Map.of("Content-Type", "multipart/form-data; boundary=" + boundary,
                "X-CSRF-Token", csrf, "Origin", browser.origin()), BodyPublishers.ofByteArray(body.toByteArray()));
    }

    /** Sends a probe with this party's own credentials. */
    Reply send(Probe probe) throws IOException, InterruptedException {
        if (token != null) {
            return asScript(probe);
        }
        return switch (probe.kind()) {
            case PLAIN -> browser.send(probe.method(), probe.path(), Map.of(), BodyPublishers.noBody());
            case FORM -> post(probe.path(), probe.fields());
            case MULTIPART -> multipart(probe.path(), probe.fields(), null, null);
            case API -> call(probe.method(), probe.path(), probe.json());
        };
    }

    // A script sends its token and no CSRF token: a bearer token is not sent by browsers on their own.
    private Reply asScript(Probe probe) throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Authorization", "Bearer " + token));
        if (probe.json() != null) {
            headers.put("Content-Type", "application/json");
        }
        return browser.send(probe.method(), probe.path(), headers,
                probe.json() == null ? BodyPublishers.noBody() : BodyPublishers.ofString(probe.json()));
    }

    /** The CSRF token of the current session (it changes when the session is renewed, so it is asked each time). */
    String csrf() throws IOException, InterruptedException {
        Matcher token = Pattern.compile("\"csrf_token\":\"([^\"]+)\"").matcher(browser.get("/api/v1/account").body());
        if (!token.find()) {
            throw new AssertionError(email + " has no session on " + browser.host());
        }
        return token.group(1);
    }

    private static String csrfField(Reply page) {
        Matcher m = CSRF_FIELD.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on the page: " + page);
        }
        return m.group(1);
    }

    private static Map<String, String> formHeaders(Browser browser) {
        return Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", browser.origin());
    }

    private static java.net.http.HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return BodyPublishers.ofString(fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }
}
