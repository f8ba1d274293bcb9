package dev.atelier.core.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atelier.core.tenants.ApplyReport.Outcome;
import dev.atelier.core.tenants.TenantSettings.Plan;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Plans in tenant.yaml (one currency, archived, rollover, top-up validity, provider prices) and from the admin. */
@ExtendWith(TestPostgresExtension.class)
class TenantPlansTest {

    private static final String TOP_UP = "  - {id: topup-200, name: \"200 credits\","
            + " price: {amount: 500, currency: USD}, credits: 200}";

    @TempDir
    Path workDir;

    private TenantFixture fixture;
    private Path alpha;
    private Path yaml;

    @BeforeEach
    void start(TestDatabase database) {
        fixture = new TenantFixture(database, workDir);
        alpha = fixture.folder("valid", "alpha");
        yaml = alpha.resolve("tenant.yaml");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void archivedRolloverValidityAndProviderPricesAreReadAndExportedBackUnchanged() throws Exception {
        replace(TOP_UP, TOP_UP.replace("credits: 200}", "credits: 200, valid_days: 90}")
                + "\n  - {id: legacy, name: Legacy, price: {amount: 900, currency: USD}, interval: month, credits: 300,"
                + " archived: true, rollover: all}"
                + "\n  - {id: pro, name: Pro, price: {amount: 2900, currency: USD}, interval: year, credits: 900,"
                + " rollover: 250, prices: {stripe: price_123}}");

        fixture.apply("local", alpha);
        Path exported = workDir.resolve("exported/alpha");
        fixture.folders().export("alpha", exported);

        List<Plan> plans = fixture.tenant("alpha").settings().plans();
        assertThat(plans).extracting(Plan::id, Plan::archived, Plan::rolloverMax, Plan::validDays).containsExactly(
                org.assertj.core.groups.Tuple.tuple("creator", false, Plan.NO_ROLLOVER, null),
                org.assertj.core.groups.Tuple.tuple("topup-200", false, Plan.NO_ROLLOVER, 90),
                org.assertj.core.groups.Tuple.tuple("legacy", true, Plan.ROLLOVER_ALL, null),
                org.assertj.core.groups.Tuple.tuple("pro", false, 250L, null));
        assertThat(plans.get(3).prices()).isEqualTo(Map.of("stripe", "price_123"));
        assertThat(fixture.tenant("alpha").settings().currency("EUR")).isEqualTo("USD");
        assertThat(fixture.apply("local", exported).outcome("alpha")).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void plansMixingCurrenciesOrWithBadRolloverValidityOrIdsAreRefusedNamingEachAndNothingIsWritten()
            throws Exception {
        fixture.apply("local", fixture.folder("valid", "beta"));
        String dump = fixture.dump();
        replace(TOP_UP, TOP_UP.replace("currency: USD}, credits: 200}", "currency: EUR}, credits: 200, valid_days: 0}")
                + "\n  - {id: creator, name: Again, price: {amount: 900, currency: USD}, interval: month, credits: 1,"
                + " rollover: some}");

        InvalidTenantConfigException rejected = catchThrowableOfType(InvalidTenantConfigException.class,
                () -> fixture.apply("local", alpha));

        assertThat(rejected.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactlyInAnyOrder(
                "plans[1].price.currency: must be USD like the plans before it, was \"EUR\"; a site sells in one"
                        + " currency",
                "plans[1].valid_days: must be at least 1, was 0",
                "plans[2].id: names a plan or top-up listed before (\"creator\"); ids must be unique",
                "plans[2].rollover: must be none, all or the most credits carried over (a whole number of at least"
                        + " 1), not the text \"some\"");
        assertThat(rejected.problems()).allMatch(p -> "alpha/tenant.yaml".equals(p.file()));
        assertThat(fixture.dump()).isEqualTo(dump);
    }

    @Test
    void anAdminEditIsStoredAtOnceCheckedLikeTheFolderAndRefusedWhole() {
        fixture.apply("local", alpha);
        Plan pro = new Plan("pro", "Pro", 2900, "USD", "month", 900, List.of("Fast"), false, false, 100, null,
                Map.of("stripe", "price_9"));

        Tenant edited = fixture.module.admin().updatePlans("alpha", plans -> {
            List<Plan> changed = new ArrayList<>(plans);
            changed.add(pro);
            return changed;
        });
        InvalidTenantConfigException refused = catchThrowableOfType(InvalidTenantConfigException.class,
                () -> fixture.module.admin().updatePlans("alpha", plans -> List.of(new Plan("cheap", "Cheap", 100,
                        "EUR", null, 10, List.of(), false), plans.get(0))));

        assertThat(edited.settings().plans()).extracting(Plan::id).containsExactly("creator", "topup-200", "pro");
        assertThat(fixture.tenant("alpha").settings().plans().get(2)).isEqualTo(pro);
        assertThat(refused.problems()).extracting(ConfigProblem::path).containsExactly("plans[1].price.currency");
        assertThat(fixture.tenant("alpha").settings().plans()).extracting(Plan::id)
                .containsExactly("creator", "topup-200", "pro");
    }

    @Test
    void aPlansQueuePriorityIsReadStoredByTheAdminAndExportedBack() throws Exception {
        replace(TOP_UP, TOP_UP + "\n  - {id: pro, name: Pro, price: {amount: 2900, currency: USD}, interval: month,"
                + " credits: 900, priority: 10}");

        fixture.apply("local", alpha);
        Tenant edited = fixture.module.admin().updatePlans("alpha", plans -> {
            List<Plan> changed = new ArrayList<>(plans);
            changed.add(new Plan("studio", "Studio", 4900, "USD", "month", 2500, List.of(), false, false, 0, null,
                    Map.of(), 20));
            return changed;
        });
        Path exported = workDir.resolve("exported/alpha");
        fixture.folders().export("alpha", exported);

        assertThat(edited.settings().plans()).extracting(Plan::id, Plan::priority).containsExactly(
                org.assertj.core.groups.Tuple.tuple("creator", Plan.NO_PRIORITY),
                org.assertj.core.groups.Tuple.tuple("topup-200", Plan.NO_PRIORITY),
                org.assertj.core.groups.Tuple.tuple("pro", 10),
                org.assertj.core.groups.Tuple.tuple("studio", 20));
        assertThat(Files.readString(exported.resolve("tenant.yaml"))).contains("priority: 10", "priority: 20");
        assertThat(fixture.apply("local", exported).outcome("alpha")).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void aPriorityOutOfRangeOrOnATopUpIsRefused() throws Exception {
        replace(TOP_UP, TOP_UP.replace("credits: 200}", "credits: 200, priority: 5}")
                + "\n  - {id: pro, name: Pro, price: {amount: 2900, currency: USD}, interval: month, credits: 900,"
                + " priority: 101}");

        InvalidTenantConfigException rejected = catchThrowableOfType(InvalidTenantConfigException.class,
                () -> fixture.apply("local", alpha));

        assertThat(rejected.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactlyInAnyOrder(
                "plans[1].priority: is only for plans with an interval (month or year): a subscription's priority"
                        + " lasts while it is paid, a top-up has none",
                "plans[2].priority: must be at most 100, was 101");
    }

    private void replace(String text, String with) throws Exception {
        String before = Files.readString(yaml);
        assertThat(before).contains(text);
        Files.writeString(yaml, before.replace(text, with));
    }
}
