package dev.atelier.launcher.isolation;

import dev.atelier.core.tenants.TenantSettings;
import dev.atelier.launcher.isolation.RouteCatalog.Route;
import dev.atelier.launcher.platform.Browser;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.web.theme.ThemeMessages;
import dev.atelier.web.theme.Themes;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;

/**
 * The cross-tenant isolation check every tenant-owned route must pass. A case's owner creates a thing through the real
 * pages or API; then another user of the same tenant and a user of the other tenant, on that tenant's host, send the
 * case's probes with their own valid session and CSRF token, and to the JSON API with their own API token too. Each
 * probe must get the answer it names — 404 for a thing addressed by id, never 403, which would confirm that it exists
 * — and no answer may show any of the thing's texts. Afterwards the owner reads the thing again and finds it
 * unchanged.
 *
 * <p>The kit also holds the suite to the running platform: {@link #uncovered} lists the tenant-owned routes, servlets
 * and filters that no case names and {@link NotTenantOwned} does not exempt, and a case that names a route it never
 * sent a request to fails.
 *
 * <p>The platform it probes is the {@linkplain TestPlatform#demo() demo platform} with mail, so its people confirm
 * their addresses from the real mail, and with the Replicate model bundle deployed, so the owner's tenant has plugin
 * settings of its own to keep from the others. The owner's tenant is AuraTuner; the other is the second demo tenant.
 *
 * <p>To cover a new route, name it in {@link IsolationCases#ALL} under the case of the thing it serves and add probes
 * that reach it to that case (or write a new case for a new kind of thing).
 */
public final class TenantIsolationKit implements Cast.Stage, AutoCloseable {

    private static final String OWNER_TENANT = "auratuner";

    private final TestPlatform platform;
    private final RequestLog log = new RequestLog();
    private Cast cast;

    private TenantIsolationKit(TestPlatform platform) {
        this.platform = platform;
    }

    /** Starts the platform the kit probes. */
    public static TenantIsolationKit start() throws Exception {
        return new TenantIsolationKit(TestPlatform.demo().mail().bundle("model-replicate.jar", "replicate-image")
                .start());
    }

    /** Creates the case's thing as its owner, sends each probe as each intruder, and checks the thing is unchanged. */
    void assertIsolated(IsolationCase isolationCase) throws Exception {
        Cast people = cast();
        log.takeAll();
        Thing thing = isolationCase.create(people);
        String before = thing.state().read();
        SoftAssertions softly = new SoftAssertions();
        for (Thing.Aimed aimed : thing.probes()) {
            for (Party intruder : aimed.by().isEmpty() ? people.intruders(aimed.probe()) : aimed.by()) {
                check(softly, isolationCase.name(), intruder, aimed.probe(), thing.markers());
            }
        }
        softly.assertThat(thing.state().read()).as("%s: the owner's thing afterwards", isolationCase.name())
                .isEqualTo(before);
        for (Thing.State use : thing.afterwards()) {
            softly.assertThatCode(use::read).as("%s: the owner still uses the thing", isolationCase.name())
                    .doesNotThrowAnyException();
        }
        softly.assertThat(unexercised(isolationCase, log.takeAll()))
                .as("%s: routes it names but never sent a request to", isolationCase.name()).isEmpty();
        softly.assertAll();
    }

    /**
     * The routes of the running platform, and its servlets and filters, that are tenant-owned (not exempted by
     * {@link NotTenantOwned}) and named by none of {@code cases}.
     */
    List<String> uncovered(Collection<IsolationCase> cases) {
        Set<String> named = new TreeSet<>(NotTenantOwned.REASONS.keySet());
        cases.forEach(c -> named.addAll(c.routes()));
        return served().stream().filter(name -> !named.contains(name)).toList();
    }

    /** Names in {@code cases} or in {@link NotTenantOwned} that the running platform does not serve (stale entries). */
    List<String> unknown(Collection<IsolationCase> cases) {
        Set<String> served = new TreeSet<>(served());
        return Stream.concat(NotTenantOwned.REASONS.keySet().stream(), cases.stream().flatMap(c -> c.routes().stream()))
                .filter(name -> !served.contains(name)).distinct().toList();
    }

    /** Names that both a case and {@link NotTenantOwned} claim: a route is either exempt, with a reason, or covered. */
    List<String> claimedTwice(Collection<IsolationCase> cases) {
        return cases.stream().flatMap(c -> c.routes().stream()).filter(NotTenantOwned.REASONS::containsKey).toList();
    }

    private List<String> served() {
        List<String> served = new ArrayList<>();
        RouteCatalog.routes(platform.atelier().web()).forEach(route -> served.add(route.toString()));
        served.addAll(RouteCatalog.servletParts(platform.atelier().web()));
        return served;
    }

    private void check(SoftAssertions softly, String name, Party intruder, Probe probe, Set<String> markers)
            throws Exception {
        HttpResponse<String> reply = intruder.send(probe);
        String what = name + ": " + probe + " by " + intruder.email() + " on " + intruder.host();
        switch (probe.answer()) {
            case NOT_FOUND -> softly.assertThat(reply.statusCode()).as("%s answered %s", what, Party.summary(reply))
                    .isEqualTo(404);
            case OWN_ONLY -> softly.assertThat(reply.statusCode()).as("%s answered %s", what, Party.summary(reply))
                    .isLessThan(500);
            case LIKE_UNKNOWN -> {
                HttpResponse<String> unknown = intruder.send(probe.aboutUnknown());
                softly.assertThat(reply.statusCode()).as("%s answered %s; about an id nobody has: %s", what,
                        Party.summary(reply), Party.summary(unknown)).isEqualTo(unknown.statusCode());
            }
        }
        for (String marker : markers) {
            // A page may show what the intruder typed (a search box, a form refilled); that reveals nothing.
            if (!probe.carries(marker)) {
                softly.assertThat(reply.body()).as("%s shows nothing of the thing", what).doesNotContain(marker);
            }
        }
    }

    // A case's routes count only if one of its browsers sent a request there while it ran.
    private List<String> unexercised(IsolationCase isolationCase, List<RequestLog.Sent> sent) {
        Map<String, Route> routes = new HashMap<>();
        RouteCatalog.routes(platform.atelier().web()).forEach(route -> routes.put(route.toString(), route));
        return isolationCase.routes().stream().filter(routes::containsKey)
                .filter(name -> sent.stream().noneMatch(s -> routes.get(name).matches(s.method(), s.path())))
                .toList();
    }

    private synchronized Cast cast() throws Exception {
        if (cast == null) {
            String home = TestPlatform.hostOf(OWNER_TENANT);
            String away = TestPlatform.hostOf(platform.secondDemoTenant());
            Party neighbour = Party.signUp(this, home, "neighbour@isolation.test", "Ned Neighbour");
            Party stranger = Party.signUp(this, away, "stranger@isolation.test", "Stella Stranger");
            cast = new Cast(
                    Party.signUp(this, home, "owner@isolation.test", "Olive Owner"),
                    neighbour,
                    stranger,
                    neighbour.script(visitor(home)),
                    stranger.script(visitor(away)),
                    Party.signUp(this, home, adminEmail(home), "Ada Admin"),
                    Party.signUp(this, away, adminEmail(away), "Sam Otheradmin"),
                    this);
        }
        return cast;
    }

    /** The first admin email the tenant of {@code host} lists in its folder (an account there becomes its admin). */
    private String adminEmail(String host) {
        return platform.tenant(slug(host)).settings().admins().get(0);
    }

    private static String slug(String host) {
        return host.substring(0, host.indexOf('.'));
    }

    @Override
    public Browser visitor(String host) {
        return platform.browserOnHost(host).recording(log::record);
    }

    @Override
    public String tenantName(String host) {
        return platform.tenant(slug(host)).displayName();
    }

    @Override
    public String confirmSubject(String host) {
        var tenant = platform.tenant(slug(host));
        Themes themes = new Themes(TestPlatform.repositoryThemes());
        return new ThemeMessages(themes).forTenant(themes.effective(tenant.branding().theme()),
                tenant.settings().messages()).text("email.verify-email.subject", List.of(tenant.displayName()));
    }

    @Override
    public String mailedLink(String address, String subject, int nth) {
        return platform.mail().waitFor(address, subject, nth).get(nth - 1).linkPath();
    }

    @Override
    public void offerModel(String host, TenantSettings.ModelOffer offer) {
        platform.offerModel(slug(host), offer);
    }

    @Override
    public void close() {
        platform.close();
    }
}
