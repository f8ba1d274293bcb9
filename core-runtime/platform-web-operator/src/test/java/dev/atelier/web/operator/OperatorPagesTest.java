package dev.atelier.web.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.web.assets.StaticFiles;
import dev.atelier.web.tenant.TenantAsset;
import dev.atelier.web.tenant.TenantSiteData;
import dev.atelier.web.theme.TemplateErrors;
import dev.atelier.web.theme.ThemeEngine;
import dev.atelier.web.theme.Themes;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's pages rendered from the shipped themes/default/operator templates with their view records. */
class OperatorPagesTest {

    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    private final OperatorPages pages = pages();

    @Test
    void theStartPageShowsEveryRecordComponentEscaped() {
        StartPage view = new StartPage(
                List.of(new StartPage.ModelCard(HOSTILE, "painter", "1.2.0", false,
                        "/api/v1/operator/models/painter/preview?prompt=atelier&width=512")),
                List.of(new StartPage.KindSection("Model", "model", List.of(new StartPage.BundleRow(
                                "dev.example.painter", "1.2.0", "ACTIVE", List.of("painter", "sketcher"), ""))),
                        new StartPage.KindSection("Storage", "storage", List.of())),
                List.of(new StartPage.BundleRow("broken.jar", "", "INVALID", List.of(), "Not a jar: " + HOSTILE)));

        Response response = pages.render("start.ftlh", view, 200, "private, no-store");
        String html = (String) response.getEntity();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("private, no-store");
        assertThat(html).contains("<h1>Atelier is running</h1>", "class=\"operator-console\"",
                        "Preview of &lt;img src=x onerror=alert(1)&gt;", "<code>painter</code>", "1.2.0",
                        "src=\"/api/v1/operator/models/painter/preview?prompt=atelier&amp;width=512\"",
                        "painter, sketcher", "No bundle serves this kind.", "INVALID",
                        "Not a jar: &lt;img", "action=\"/operator/signout\"", "href=\"/api/v1/operator/deployments\"")
                .doesNotContain(HOSTILE, "<style", "style=\"");
        assertThat(html).containsPattern("href=\"/static/default/[0-9a-f]{16}/css/operator\\.css\"");
    }

    @Test
    void aVideoModelGetsAPlayerThatGeneratesOnlyWhenPlayed() {
        StartPage view = new StartPage(List.of(new StartPage.ModelCard("Loops", "loops", "0.1.0", true,
                "/api/v1/operator/models/loops/preview?prompt=atelier")), List.of(), List.of());

        String html = (String) pages.render("start.ftlh", view, 200, "private, no-store").getEntity();

        assertThat(html).contains("<video class=\"op-preview\" controls preload=\"none\"",
                "1 model from the bundles");
    }

    @Test
    void theBundlesPageShowsHealthVersionsAndTheCanaryEscaped() {
        BundlesPage view = new BundlesPage(List.of(new BundlesPage.BundleCard("dev.example.painter", "1.2.0",
                "ACTIVE", List.of("GenerationModel painter"), true, "Failing calls", false, 8, "25 %",
                "failed: " + HOSTILE, List.of(new BundlesPage.VersionRow("1.2.0", "2026-12-07 08:00:00 UTC", "node-a",
                        "0123456789ab", true), new BundlesPage.VersionRow("1.1.0", "2026-12-06 08:00:00 UTC",
                        "operator API", "ba9876543210", false)),
                new BundlesPage.CanaryCard("1.3.0", "tenant auratuner", "2026-12-07 08:10:00 UTC",
                        new BundlesPage.Side(6, "0 %", "40 ms"), new BundlesPage.Side(2, "50 %", "55 ms")), "")),
                List.of(new BundlesPage.TenantOption("auratuner", "AuraTuner")), "", HOSTILE);

        Response response = pages.render("bundles.ftlh", view, 422, "private, no-store");
        String html = (String) response.getEntity();

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(html).contains("<h1>Bundles</h1>", "Failing calls", "25 %", "failed: &lt;img",
                        "action=\"/operator/bundles/dev.example.painter/rollback\"", "value=\"1.1.0\"",
                        "Roll back to this", "Canary <strong>1.3.0</strong> serves tenant auratuner",
                        "/operator/bundles/dev.example.painter/canary/promote", "enctype=\"multipart/form-data\"",
                        "<label for=\"bundle-dev-example-painter-confirm\">", "role=\"alert\"")
                .doesNotContain(HOSTILE, "<style", "style=\"");
    }

    @Test
    void theSignInFormShowsWhyTheLastAttemptWasRefused() {
        String fresh = (String) pages.render("signin.ftlh", SignInPage.fresh(), 200, "no-store").getEntity();
        Response refused = pages.render("signin.ftlh", new SignInPage("That operator token is unknown or revoked."),
                401, "no-store");

        assertThat(fresh).contains("<h1 id=\"signin-heading\">Operator console</h1>", "name=\"token\"",
                "action=\"/operator/signin\"").doesNotContain("role=\"alert\"", "/operator/signout");
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat((String) refused.getEntity()).contains("role=\"alert\"",
                "That operator token is unknown or revoked.", "aria-invalid=\"true\"");
    }

    @Test
    void theTenantsPageEscapesWhatTenantsAndOperatorsTypedAndMarksItsPlaceInTheNavigation() {
        var tenant = new dev.atelier.web.operator.tenants.TenantView("acme", HOSTILE, "suspended",
                List.of("acme.localhost"), new dev.atelier.web.operator.tenants.TenantUsage(3, 1, 7, 42),
                "http://acme.localhost:8080/admin");
        var view = new dev.atelier.web.operator.tenants.TenantsPage(List.of(tenant), "next",
                new dev.atelier.web.operator.tenants.NewTenant("acme", HOSTILE, "", "", "default"),
                List.of("default", "marginalia"), List.of("acme/tenant.json:support_email: " + HOSTILE), null);

        String html = (String) pages.render("tenants.ftlh", view, 422, "private, no-store").getEntity();

        assertThat(html).contains("<a href=\"/operator/tenants\" aria-current=\"page\">Tenants</a>",
                        "href=\"/operator/bundles\"", "action=\"/operator/tenants/acme/resume\"", ">42<",
                        "role=\"alert\"", "&lt;img src=x", "cursor=next", "<option value=\"marginalia\">")
                .doesNotContain(HOSTILE, "style=\"");
    }

    @Test
    void theHealthPageShowsFailingChecksAndFailuresEscaped() {
        var view = new dev.atelier.web.operator.health.HealthPage(
                List.of(new dev.atelier.web.operator.health.HealthPage.Check("database", false, "Unreachable")),
                new dev.atelier.web.operator.health.NodeWorkers("web", 0), List.of(),
                List.of(new dev.atelier.web.operator.health.QueueDepth("painter", 4, 1, 90)),
                new dev.atelier.web.operator.health.OutboxDepth(2, 1, 0),
                List.of(new dev.atelier.web.operator.health.FailedJob("job_1", "acme", "painter", HOSTILE, 2,
                        java.time.Instant.parse("2026-12-07T08:15:02Z"))));

        String html = (String) pages.render("health.ftlh", view, 200, "private, no-store").getEntity();

        assertThat(html).contains("NOT READY", "FAILING", "Unreachable", "runs no generations (role web)",
                        "<code>painter</code>", "90 s", "2026-12-07 08:15:02", "&lt;img src=x")
                .doesNotContain(HOSTILE);
    }

    private static OperatorPages pages() {
        Themes themes = new Themes(Path.of("../../themes").toAbsolutePath().normalize());
        return new OperatorPages(new ThemeEngine(themes, new NoTenants(), new TemplateErrors()),
                new StaticFiles(themes));
    }

    /** The operator host has no tenant: nothing to read. */
    private static final class NoTenants implements TenantSiteData {
        @Override
        public Optional<TenantAsset> asset(String tenantId, String assetId) {
            return Optional.empty();
        }

        @Override
        public Optional<String> template(String tenantId, String name) {
            return Optional.empty();
        }
    }
}
