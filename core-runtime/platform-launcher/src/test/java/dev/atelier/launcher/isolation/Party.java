package dev.atelier.launcher.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.User.Multipart;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A user of one tenant who signed up through the site's form and confirmed the address from the mail, signed in in
 * a {@link Browser}. Form posts carry the session's CSRF token and JSON calls its {@code X-CSRF-Token} header, as the
 * site's own pages and scripts send them; a script sends its personal API token instead.
 *
 * @param browser the browser holding the party's session, or sending its API token
 * @param email the account's email
 * @param password the account's password
 * @param id the account's id
 * @param script whether this party is a script calling the JSON API with a personal API token
 */
record Party(Browser browser, String email, String password, String id, boolean script) {

    /** Signs {@code email} up on {@code host}, confirms it from the mailed link; returns the signed-in user. */
    static Party signUp(Cast.Stage stage, String host, String email, String displayName) throws Exception {
        Party party = signUpUnconfirmed(stage.visitor(host), email, displayName);
        expect(party.get(stage.mailedLink(email, stage.confirmSubject(host), 1)), 200,
                "confirming " + email);
        return party;
    }

    /** Signs {@code email} up through the form and leaves the mailed confirmation link unfollowed. */
    static Party signUpUnconfirmed(Browser browser, String email, String displayName)
            throws IOException, InterruptedException {
        String password = "isolation passphrase " + UUID.randomUUID();
        expect(browser.signUp(displayName, email, password), 303, "sign-up of " + email + " on " + browser.host());
        return new Party(browser, email, password, browser.me().get("id").asText(), false);
    }

    /** The subject of the mail that confirms an address on the site of the tenant named {@code tenantName}. */
    static String confirmSubject(String tenantName) {
        return "Confirm your email address for " + tenantName;
    }

    /** Nobody signed in, browsing {@code browser}'s site. */
    static Party signedOut(Browser browser) {
        return new Party(browser, "a signed-out visitor", null, null, false);
    }

    /** The same account signed in again through the sign-in form, in {@code another} browser (a second session). */
    Party signInAgain(Browser another) throws IOException, InterruptedException {
        expect(another.signIn(email, password), 303, "signing " + email + " in again");
        return new Party(another, email, password, id, false);
    }

    /**
     * This party as a script: a personal API token made through the JSON API, sent from {@code fresh}, a browser with
     * no cookies.
     */
    Party script(Browser fresh) throws IOException, InterruptedException {
        HttpResponse<String> made = expect(browser.createApiToken("isolation script"), 201,
                "an API token for " + email);
        fresh.always("Authorization", "Bearer " + Browser.json(made).get("token").asText());
        return new Party(fresh, email, password, id, true);
    }

    /** {@code response}, if it has the status {@code expected}; otherwise fails, saying what {@code what} was. */
    static HttpResponse<String> expect(HttpResponse<String> response, int expected, String what) {
        if (response.statusCode() != expected) {
            throw new AssertionError(what + " answered " + summary(response));
        }
        return response;
    }

    /** Status, where it redirects to and the start of the body, for failure messages. */
    static String summary(HttpResponse<String> response) {
        String body = response.body();
        return response.statusCode() + response.headers().firstValue("Location").map(to -> " -> " + to).orElse("")
                + " " + body.substring(0, Math.min(300, body.length()));
    }

    String host() {
        return browser.host();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.get(path);
    }

    /** A GET of JSON that must succeed. */
    JsonNode json(String path) throws IOException, InterruptedException {
        return Browser.json(expect(browser.get(path), 200, "GET " + path + " as " + email));
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
    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("csrf", csrf());
        return browser.postForm(path, withToken);
    }

    /**
     * A JSON API call with this session's {@code X-CSRF-Token}, or as a script with its API token alone; {@code json}
     * may be null.
     */
    HttpResponse<String> call(String method, String path, String json) throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>(script ? Map.of() : browser.csrfHeader());
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        return browser.send(method, path, headers, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Posts {@code fields} and one PNG as multipart/form-data; the session's CSRF token goes in the {@code csrf} field
     * and the {@code X-CSRF-Token} header, so this serves the site's forms and the JSON API alike.
     *
     * @param fileField the name of the file part, or null for a form without a file
     */
    HttpResponse<String> multipart(String path, Map<String, String> fields, String fileField, byte[] png)
            throws IOException, InterruptedException {
        String csrf = csrf();
        Multipart form = new Multipart().fields(fields).field("csrf", csrf);
        if (fileField != null) {
            form.file(fileField, "input.png", "image/png", png);
        }
        return browser.post(path, form.contentType(), form.body(), Map.of("X-CSRF-Token", csrf));
    }

    /** Sends a probe with this party's own credentials. */
    HttpResponse<String> send(Probe probe) throws IOException, InterruptedException {
        if (script) {
            return call(probe.method(), probe.path(), probe.json());
        }
        return switch (probe.kind()) {
            case PLAIN -> browser.send(probe.method(), probe.path(), Map.of(), null);
            case FORM -> post(probe.path(), probe.fields());
            case MULTIPART -> multipart(probe.path(), probe.fields(), null, null);
            case API -> call(probe.method(), probe.path(), probe.json());
        };
    }

    /** The CSRF token of the current session (it changes when the session is renewed, so it is asked each time). */
    String csrf() throws IOException, InterruptedException {
        return browser.csrfHeader().get("X-CSRF-Token");
    }
}
