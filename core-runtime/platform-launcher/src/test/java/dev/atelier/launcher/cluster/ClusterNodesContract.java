package dev.atelier.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.cluster.JobChanged;
import dev.atelier.core.tenants.Branding;
import dev.atelier.core.tenants.BrandingUpdate;
import dev.atelier.core.tenants.Tenant;
import dev.atelier.launcher.Atelier;
import dev.atelier.launcher.Main;
import dev.atelier.launcher.NodeRole;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.TestPlatformBuilder;
import dev.atelier.launcher.platform.TestS3;
import dev.atelier.launcher.platform.User;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Three nodes on one database and one object store (S3Proxy), as an operator runs them: the test platform as a web
 * node, a second web node and a worker node. Each transport (PostgreSQL, Redis) runs these cases through a subclass.
 */
abstract class ClusterNodesContract {

    static final String SLUG = "clusterstudio";
    /** Generous: the events arrive within milliseconds; a slow CI machine must not fail the test. */
    static final Duration SOON = Duration.ofSeconds(10);
    static final String SIGNED_IN = "href=\"/account\"";

    /** The object store every node of the running subclass keeps the studio's files in; stopped after it. */
    static TestS3 store;
    static Atelier secondWeb;
    static Atelier worker;

    /** The first node's platform, a web node keeping files in a new {@link #store}, before the transport's settings. */
    static TestPlatformBuilder firstNode() {
        store = TestS3.start();
        return TestPlatform.builder().defaultBundles().bundle("storage-s3.jar")
                .studio(SLUG, "{id: procedural, credits: 1}", store.storageYaml(), "")
                .set("atelier.node.role", "web");
    }

    /** The test platform of the subclass, a web node. */
    abstract TestPlatform platform();

    static void startOtherNodes(TestPlatform platform) throws Exception {
        secondWeb = platform.startAnotherNode("web-2", Map.of());
        worker = platform.startAnotherNode("worker", Map.of("atelier.node.role", "worker"));
        await().atMost(Duration.ofSeconds(20)).until(() -> worker.plugins().models().find("procedural").isPresent());
    }

    @AfterAll
    static void stopOtherNodes() throws Exception {
        for (Atelier node : new Atelier[] {worker, secondWeb}) {
            if (node != null) {
                node.close();
            }
        }
        worker = null;
        secondWeb = null;
        store.close();
        store = null;
    }

    @Test
    void aTenantChangedOnOneNodeShowsOnTheOthers() throws Exception {
        String name = "Studio " + UUID.randomUUID().toString().substring(0, 6);
        rename(platform().atelier(), name);

        await().atMost(SOON).until(() -> displayName(secondWeb).equals(name) && displayName(worker).equals(name));
        await().atMost(SOON).until(() -> landingPage(secondWeb).contains(name));
    }

    /**
     * Both nodes keep the signed-in user in memory by the time of the sign-out (the API and a shared page were
     * answered there): the node that signed out refuses the session at once, the other as soon as the event arrives.
     */
    @Test
    void aSessionSignedOutOnOneNodeIsRefusedOnTheOther() throws Exception {
        User user = platform().user(SLUG, 0);
        User elsewhere = user.onNode(secondWeb);
        for (int i = 0; i < 3; i++) {
            assertThat(User.send(elsewhere.browser("/api/v1/account").GET()).statusCode()).isEqualTo(200);
            assertThat(elsewhere.get("/").body()).contains(SIGNED_IN);
            assertThat(user.get("/").body()).contains(SIGNED_IN);
        }

        HttpResponse<String> signOut = User.send(user.browser("/api/v1/auth/signout")
                .header("X-CSRF-Token", user.csrf()).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(signOut.statusCode()).isEqualTo(204);

        assertThat(User.send(user.browser("/api/v1/account").GET()).statusCode()).isEqualTo(401);
        assertThat(user.get("/").body()).doesNotContain(SIGNED_IN);
        await().atMost(SOON).until(() -> User.send(elsewhere.browser("/api/v1/account").GET()).statusCode() == 401);
        assertThat(elsewhere.get("/").body()).doesNotContain(SIGNED_IN);
    }

    @Test
    void aNameChangedOnOneNodeShowsOnTheOther() throws Exception {
        User user = platform().user(SLUG, 0);
        User elsewhere = user.onNode(secondWeb);
        assertThat(User.parse(User.send(elsewhere.browser("/api/v1/account").GET())).get("display_name").asText())
                .isEqualTo("Maker");

        platform().atelier().accounts().accounts().updateDisplayName(user.tenantId(), user.accountId(), "Renamed");

        await().atMost(SOON).until(() -> User.parse(User.send(elsewhere.browser("/api/v1/account").GET()))
                .get("display_name").asText().equals("Renamed"));
    }

    /**
     * Both nodes keep the token's user in memory by the time of the revocation: the node that revoked it refuses the
     * token at once, the other as soon as the event arrives.
     */
    @Test
    void anApiTokenRevokedOnOneNodeIsRefusedOnTheOther() throws Exception {
        User user = platform().user(SLUG, 0);
        User elsewhere = user.onNode(secondWeb);
        for (int i = 0; i < 3; i++) {
            assertThat(elsewhere.scriptGet("/api/v1/account").statusCode()).isEqualTo(200);
            assertThat(user.scriptGet("/api/v1/account").statusCode()).isEqualTo(200);
        }
        String tokenId = user.json("/api/v1/account/tokens").get("items").get(0).get("id").asText();

        assertThat(user.delete("/api/v1/account/tokens/" + tokenId).statusCode()).isEqualTo(204);

        assertThat(user.scriptGet("/api/v1/account").statusCode()).isEqualTo(401);
        await().atMost(SOON).until(() -> elsewhere.scriptGet("/api/v1/account").statusCode() == 401);
    }

    @Test
    void anEventStreamOnAWebNodeFollowsAJobTheWorkerRuns() throws Exception {
        User user = platform().user(SLUG, 10);
        List<JobChanged> heard = new CopyOnWriteArrayList<>();
        secondWeb.clusterEvents().subscribe(JobChanged.class, heard::add);
        HttpResponse<String> accepted = user.submit("""
                {"model":"procedural","prompt":"a lighthouse at dusk","parameters":{"width":64,"height":64}}""");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = User.parse(accepted).get("id").asText();

        HttpResponse<Stream<String>> stream = User.HTTP_CLIENT().send(user.onNode(secondWeb)
                .script("/api/v1/generations/" + id + "/events").header("Accept", "text/event-stream").GET()
                .build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        List<String[]> events = events(stream);

        String[] last = events.get(events.size() - 1);
        assertThat(last[0]).isEqualTo("done");
        JsonNode job = User.JSON.readTree(last[1]);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(worker.role()).isEqualTo(NodeRole.WORKER);
        // The worker told the web nodes as the job went along, rather than leaving them to read it again and again.
        await().atMost(SOON).until(() -> heard.contains(new JobChanged(id)));
    }

    @Test
    void anImageTheWorkerMadeIsLinkedByEveryWebNodeFromTheSharedStore() throws Exception {
        User user = platform().user(SLUG, 10);
        HttpResponse<String> accepted = user.submit("""
                {"model":"procedural","prompt":"a harbour at night","parameters":{"width":96,"height":64}}""");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = User.parse(accepted).get("id").asText();
        await().atMost(SOON).until(() -> user.json("/api/v1/generations/" + id).get("status").asText()
                .equals("SUCCEEDED"));

        // Node 2 never saw the job run; the links it gives are the shared store's (signed, time-limited).
        JsonNode output = user.onNode(secondWeb).json("/api/v1/generations/" + id).at("/outputs/0");
        for (String link : List.of(output.get("url").asText(), output.get("thumbnail_url").asText())) {
            HttpResponse<byte[]> file = User.HTTP_CLIENT().send(HttpRequest.newBuilder(URI.create(link))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).as(link).isEqualTo(200);
            assertThat(ImageIO.read(new ByteArrayInputStream(file.body()))).as(link).isNotNull();
        }
        URI stored = URI.create(output.get("url").asText());
        assertThat(stored.getPort()).isNotIn(platform().port(), secondWeb.port());
        assertThat(store.objectCount()).as("objects in the shared bucket").isPositive();
        // The create page shows each result as it finishes, from the same store: its policy lets it.
        HttpResponse<String> create = user.get("/create");
        assertThat(create.statusCode()).isEqualTo(200);
        assertThat(create.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains(stored.getScheme() + "://" + stored.getHost() + ":" + stored.getPort()));
    }

    @Test
    void aWorkerNodeAnswersOnlyItsHealthProbes() throws Exception {
        assertThat(get(worker, TestPlatform.hostOf(SLUG), "/healthz").statusCode()).isEqualTo(200);
        assertThat(get(worker, TestPlatform.hostOf(SLUG), "/readyz").statusCode()).isEqualTo(200);
        assertThat(get(worker, TestPlatform.hostOf(SLUG), "/").statusCode()).isEqualTo(404);
        assertThat(get(worker, TestPlatform.hostOf(SLUG), "/api/v1/models").statusCode()).isEqualTo(404);
        assertThat(get(secondWeb, TestPlatform.hostOf(SLUG), "/").statusCode()).isEqualTo(200);
        assertThat(worker.banner()).contains("Node role:       worker").doesNotContain("/api/v1/models")
                .doesNotContain(TestPlatform.hostOf(SLUG));
        assertThat(secondWeb.banner()).contains("Node role:       web").contains("/api/v1/models");
    }

    @Test
    void tenantFoldersAppliedFromTheCommandLineReachEveryRunningNode() throws Exception {
        Path folder = platform().home().resolve("tenant-configs").resolve(SLUG);
        Path yaml = folder.resolve("tenant.yaml");
        String name = "Applied " + UUID.randomUUID().toString().substring(0, 6);
        Files.writeString(yaml, Files.readString(yaml).replaceFirst("(?m)^name: .*$", "name: " + name));

        List<String> args = new ArrayList<>(List.of("tenants", "apply", folder.toString()));
        args.addAll(platform().commandOptions());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), Map.of(), new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).as("%s%s", out, err).isZero();

        await().atMost(SOON).until(() -> displayName(platform().atelier()).equals(name)
                && displayName(secondWeb).equals(name) && displayName(worker).equals(name));
    }

    static void rename(Atelier node, String name) {
        Tenant tenant = node.tenants().directory().bySlug(SLUG).orElseThrow();
        Branding b = tenant.branding();
        node.tenants().admin().updateBranding(SLUG, new BrandingUpdate(name, b.tagline(), b.theme(), b.colors(),
                b.fonts()), null);
    }

    static String displayName(Atelier node) {
        return node.tenants().directory().bySlug(SLUG).orElseThrow().displayName();
    }

    static String landingPage(Atelier node) throws IOException, InterruptedException {
        return get(node, TestPlatform.hostOf(SLUG), "/").body();
    }

    static HttpResponse<String> get(Atelier node, String host, String path) throws IOException, InterruptedException {
        return User.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Host", host + ":" + node.port()).GET());
    }

    /** The server-sent events of a stream, until the server ends it: {name, data} each. */
    static List<String[]> events(HttpResponse<Stream<String>> response) {
        List<String[]> events = new ArrayList<>();
        String name = null;
        for (String line : (Iterable<String>) response.body()::iterator) {
            if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                events.add(new String[] {name, line.substring(6)});
            }
        }
        return events;
    }
}
