package dev.atelier.launcher.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.atelier.launcher.HeadlessChromium;
import dev.atelier.launcher.platform.TestJars;
import dev.atelier.launcher.platform.TestPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journey 3: the operator signs in to the console, creates a tenant from its form, deploys a newer build of the
 * procedural model while a newcomer walks journey 1 on AuraTuner in another browser (both finish without an error),
 * runs a canary build for one tenant, rolls the canary back and then the update itself, all from the console.
 * Screenshots: {@code target/journeys/operator/} and the newcomer's {@code target/journeys/operator-newcomer/}.
 */
class OperatorJourneyTest {

    private static final String MODEL_BUNDLE = "dev.atelier.model.procedural";
    private static final Pattern MODEL_SECTION = Pattern.compile("^dev\\.atelier\\.model\\.procedural ");

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.demo().mail().build();
    @RegisterExtension
    static final JourneyExtension journeys = new JourneyExtension("operator");

    @TempDir
    Path scratch;

    private Journey journey;
    private Page console;

    @Test
    void theOperatorCreatesATenantUpdatesAModelUnderLoadCanariesItAndRollsBack(Journey journey) throws Exception {
        this.journey = journey;
        console = journey.page();
        signIn();
        createATenant();
        String shipped = modelSection().getByRole(AriaRole.HEADING).first().innerText()
                .replace(MODEL_BUNDLE, "").strip();

        ExecutorService newcomerThread = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Void> newcomer = CompletableFuture.runAsync(OperatorJourneyTest::walkJourneyOne,
                    newcomerThread);
            deploy(TestJars.withVersion(TestPlatform.shippedBundle("model-procedural.jar"),
                    scratch.resolve("model-procedural-9.0.0.jar"), "9.0.0"), "9.0.0");
            newcomer.get(3, TimeUnit.MINUTES);
        } finally {
            newcomerThread.shutdownNow();
        }

        canaryForOneTenant(TestJars.withVersion(TestPlatform.shippedBundle("model-procedural.jar"),
                scratch.resolve("model-procedural-9.1.0.jar"), "9.1.0"));
        rollBackTheCanaryThenTheUpdate(shipped);
    }

    private void signIn() {
        console.navigate(origin() + "/operator/signin");
        console.getByLabel("Operator token").fill(platform.accounts().operatorToken());
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
        journey.step("signed-in");
    }

    private void createATenant() {
        console.navigate(origin() + "/operator/tenants");
        console.getByLabel("Slug").fill("journey-press");
        console.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Journey Press");
        console.getByLabel("Support email").fill("help@journey-press.example");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create tenant")).click();
        assertThat(console.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Journey Press journey-press")))
                .isVisible();
        journey.step("tenant-created");
        console.navigate(origin() + "/operator/bundles");
        journey.step("bundles");
    }

    /** Journey 1 on AuraTuner in a browser of its own, on this thread (a Playwright instance stays on one thread). */
    private static void walkJourneyOne() {
        Path folder = JourneyExtension.ROOT.resolve("operator-newcomer");
        try (HeadlessChromium chromium = HeadlessChromium.launch()) {
            Files.createDirectories(folder);
            Journey newcomer = new Journey(chromium.browser(), folder);
            try {
                new NewUserFlow(platform, newcomer, "auratuner", BrandRules.of("auratuner", "marginalia")).walk();
                newcomer.finish();
            } catch (RuntimeException | Error e) {
                newcomer.saveFailure(e);
                throw e;
            } finally {
                newcomer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deploy(Path jar, String version) {
        console.getByLabel("Bundle jar").setInputFiles(jar);
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deploy")).click();
        console.navigate(origin() + "/operator/bundles");
        assertThat(modelSection().getByRole(AriaRole.HEADING).first()).containsText(version);
        journey.step("updated-while-a-newcomer-creates");
    }

    private void canaryForOneTenant(Path jar) {
        Locator section = modelSection();
        section.getByLabel("Canary jar").setInputFiles(jar);
        section.getByLabel("Tenant").selectOption("marginalia");
        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start canary")).click();
        assertThat(modelSection()).containsText("Canary 9.1.0");
        journey.step("canary-running");
    }

    private void rollBackTheCanaryThenTheUpdate(String shipped) {
        modelSection().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Roll back canary")).click();
        assertThat(modelSection()).containsText("Canary 9.1.0 rolled back");
        assertThat(modelSection().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start canary")))
                .isVisible();
        journey.step("canary-rolled-back");
        modelSection().getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(shipped))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Roll back to this")).click();
        console.navigate(origin() + "/operator/bundles");
        assertThat(modelSection().getByRole(AriaRole.HEADING).first()).containsText(shipped);
        journey.step("rolled-back-to-the-shipped-build");
    }

    private Locator modelSection() {
        return console.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(MODEL_SECTION));
    }

    private static String origin() {
        return "http://" + TestPlatform.hostOf("operator") + ":" + platform.port();
    }
}
