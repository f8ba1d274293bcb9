package dev.atelier.core.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPostgresExtension.class)
class TenantModelsAdminTest {

    private static final TenantSettings.Credits LIMITS = new TenantSettings.Credits(0, null, 4, 40);

    @TempDir
    Path workDir;

    private TenantFixture fixture;

    @BeforeEach
    void start(TestDatabase database) throws Exception {
        fixture = new TenantFixture(database, workDir);
        Path alpha = fixture.folder("valid", "alpha");
        // A model whose plugin settings refer to a secret, as a vendor model's API key would.
        Path yaml = alpha.resolve("tenant.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("  - {id: openai-images}",
                "  - {id: openai-images, config: {api_key: \"${ALPHA_STRIPE_SECRET}\", size: 1024x1024}}"));
        fixture.apply("local", alpha, fixture.folder("valid", "beta"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void newPricesAndLimitsShowInTheDirectoryAtOnceAndKeepTheSignUpBonus() {
        Tenant updated = fixture.module.admin().updateModels("alpha", List.of(
                new TenantSettings.ModelOffer("openai-images", 7), new TenantSettings.ModelOffer("procedural", null),
                new TenantSettings.ModelOffer("procedural-video", 3)), LIMITS);

        Tenant listed = fixture.module.directory().byHost("alpha.localhost").orElseThrow();
        assertThat(listed.updatedAt()).isEqualTo(updated.updatedAt());
        assertThat(listed.settings().models()).extracting(TenantSettings.ModelOffer::modelId,
                TenantSettings.ModelOffer::credits).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("openai-images", 7),
                        org.assertj.core.groups.Tuple.tuple("procedural", null),
                        org.assertj.core.groups.Tuple.tuple("procedural-video", 3));
        assertThat(listed.settings().credits()).isEqualTo(new TenantSettings.Credits(25, 30, 4, 40));
    }

    @Test
    void anOfferKeepsItsStoredSettingsWithTheSecretStillAReference() throws Exception {
        // The caller passes whatever config it has (here none); the stored one stays.
        fixture.module.admin().updateModels("alpha", List.of(new TenantSettings.ModelOffer("openai-images", 9,
                Map.of("api_key", "something else"))), LIMITS);

        assertThat(fixture.tenant("alpha").settings().models().get(0).config())
                .containsEntry("api_key", "sk_live_alpha_stripe_secret").containsEntry("size", "1024x1024");
        assertThat(fixture.query("SELECT document FROM tenant WHERE slug = 'alpha'"))
                .contains("${ALPHA_STRIPE_SECRET}").doesNotContain("sk_live_alpha_stripe_secret");
        Path exported = workDir.resolve("exported/alpha");
        fixture.folders().export("alpha", exported);
        assertThat(Files.readString(exported.resolve("tenant.yaml"))).contains("${ALPHA_STRIPE_SECRET}", "credits: 9")
                .doesNotContain("sk_live_alpha_stripe_secret");
    }

    @Test
    void aModelTakenOffTheListIsNotOfferedButGetsItsSettingsBackWhenOfferedAgain() {
        fixture.module.admin().updateModels("alpha", List.of(new TenantSettings.ModelOffer("procedural", 1)), LIMITS);

        assertThat(fixture.tenant("alpha").settings().models()).extracting(TenantSettings.ModelOffer::modelId)
                .containsExactly("procedural");

        fixture.module.admin().updateModels("alpha", List.of(new TenantSettings.ModelOffer("procedural", 1),
                new TenantSettings.ModelOffer("openai-images", 5)), LIMITS);

        assertThat(fixture.tenant("alpha").settings().models()).extracting(TenantSettings.ModelOffer::modelId)
                .containsExactly("procedural", "openai-images");
        assertThat(fixture.tenant("alpha").settings().models().get(1).config())
                .containsEntry("api_key", "sk_live_alpha_stripe_secret");
    }

    @Test
    void theExportedFolderAppliesUnchangedAfterAModelIsSwitchedOff() throws Exception {
        fixture.module.admin().updateModels("alpha", List.of(new TenantSettings.ModelOffer("procedural", 2)), LIMITS);
        Path exported = workDir.resolve("exported/alpha");

        fixture.folders().export("alpha", exported);

        assertThat(Files.readString(exported.resolve("tenant.yaml"))).contains("enabled: false");
        assertThat(fixture.apply("local", exported).outcome("alpha")).isEqualTo(ApplyReport.Outcome.UNCHANGED);
    }

    @Test
    void aNewModelWhoseBaseUrlPointsInsideTheDeploymentIsRefusedNamingTheFieldAndNothingIsStored() {
        Tenant before = fixture.tenant("alpha");

        assertThatThrownBy(() -> fixture.module.admin().updateModels("alpha", List.of(
                new TenantSettings.ModelOffer("procedural", 1), new TenantSettings.ModelOffer("replicate-flux", 4,
                        Map.of("base_url", "https://169.254.169.254/latest/meta-data", "api_token", "r8_x"))),
                LIMITS))
                .isInstanceOfSatisfying(InvalidTenantConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::path).containsExactly("models[1].config.base_url"));
        assertThat(fixture.tenant("alpha")).isEqualTo(before);
    }

    @Test
    void invalidOffersAndLimitsNameEachFieldAndStoreNothing() {
        Tenant before = fixture.tenant("alpha");

        assertThatThrownBy(() -> fixture.module.admin().updateModels("alpha", List.of(
                new TenantSettings.ModelOffer(" ", 1), new TenantSettings.ModelOffer("procedural", 100_001),
                new TenantSettings.ModelOffer("procedural", -1)), new TenantSettings.Credits(0, null, 0, 1001)))
                .isInstanceOfSatisfying(InvalidTenantConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::path).containsExactlyInAnyOrder("models[0].id",
                                "models[1].credits", "models[2].id", "models[2].credits",
                                "credits.max_concurrent_jobs_per_user", "credits.max_concurrent_jobs_per_tenant"));
        assertThat(fixture.tenant("alpha")).isEqualTo(before);
    }

    @Test
    void priceStepsAreStoredWithTheOfferAndExported() throws Exception {
        fixture.module.admin().updateModels("alpha", List.of(new TenantSettings.ModelOffer("procedural", 4, Map.of(),
                List.of(new PriceStep("512x512", 1), new PriceStep("1024x1024", 2))),
                new TenantSettings.ModelOffer("procedural-video", 6, Map.of(), List.of(new PriceStep("2s", 3)))),
                LIMITS);

        assertThat(fixture.tenant("alpha").settings().models()).extracting(TenantSettings.ModelOffer::steps)
                .containsExactly(List.of(new PriceStep("512x512", 1), new PriceStep("1024x1024", 2)),
                        List.of(new PriceStep("2s", 3)));
        Path exported = workDir.resolve("exported/alpha");
        fixture.folders().export("alpha", exported);
        assertThat(Files.readString(exported.resolve("tenant.yaml"))).contains("up_to: 512x512", "up_to: 2s");
        assertThat(fixture.apply("local", exported).outcome("alpha")).isEqualTo(ApplyReport.Outcome.UNCHANGED);
    }

    @Test
    void stepsOutOfOrderOfMixedUnitsOrTooDearNameEachStepAndStoreNothing() {
        Tenant before = fixture.tenant("alpha");

        assertThatThrownBy(() -> fixture.module.admin().updateModels("alpha", List.of(
                new TenantSettings.ModelOffer("procedural", 4, Map.of(), List.of(new PriceStep("1024x1024", 1),
                        new PriceStep("512x512", 2), new PriceStep("4s", 100_001)))), LIMITS))
                .isInstanceOfSatisfying(InvalidTenantConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::path).containsExactlyInAnyOrder("models[0].steps[1].up_to",
                                "models[0].steps[2].up_to", "models[0].steps[2].credits"));
        assertThat(fixture.tenant("alpha")).isEqualTo(before);
    }

    @Test
    void unknownTenantIsReported() {
        assertThatThrownBy(() -> fixture.module.admin().updateModels("nobody", List.of(), LIMITS))
                .isInstanceOf(TenantNotFoundException.class);
    }
}
