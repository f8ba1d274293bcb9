package dev.atelier.generation.jobs;

import static dev.atelier.billing.credits.LedgerFixture.ALPHA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.billing.credits.CreditLedger;
import dev.atelier.billing.credits.InsufficientCreditsException;
import dev.atelier.billing.credits.LedgerEntry;
import dev.atelier.billing.credits.LedgerFixture;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Variations of one request submitted together: each its own job and hold, all of them or none. */
@ExtendWith(TestPostgresExtension.class)
class VariationBatchTest {

    private static final String ADA = "acc_ada";
    private static final int NO_LIMIT = 1000;

    private LedgerFixture fixture;
    private CreditLedger ledger;
    private GenerationJobs jobs;

    @BeforeEach
    void start(TestDatabase database) {
        fixture = new LedgerFixture(database, 4);
        ledger = fixture.ledger;
        jobs = new GenerationJobs(fixture.database.dataSource(), ledger, fixture.clock);
        ledger.grant(ALPHA, ADA, 10, "Top-up", null, "topup-ada");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static List<NewJob> variations(int count, long price) {
        return IntStream.range(0, count).mapToObj(n -> new NewJob("procedural", "four foxes", null,
                Map.of("seed", 40 + n), List.of(), price, 3, Duration.ofMinutes(5))).toList();
    }

    @Test
    void eachVariationIsItsOwnJobWithItsOwnHold() {
        List<Job> made = jobs.submitAll(ALPHA, ADA, variations(3, 3), null, NO_LIMIT, NO_LIMIT);

        assertThat(made).hasSize(3).extracting(j -> j.parameters().get("seed")).containsExactly(40, 41, 42);
        assertThat(made).extracting(Job::id).doesNotHaveDuplicates();
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(1);
        for (Job job : made) {
            assertThat(ledger.entries(ALPHA, ADA)).filteredOn(e -> job.id().equals(e.jobId()))
                    .extracting(LedgerEntry::kind, LedgerEntry::amount)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(LedgerEntry.Kind.HOLD, 3L));
        }
    }

    @Test
    void variationsTheBalanceDoesNotCoverAreNoneOfThemQueuedAndTheRefusalNamesTheirTotal() {
        assertThatThrownBy(() -> jobs.submitAll(ALPHA, ADA, variations(4, 3), null, NO_LIMIT, NO_LIMIT))
                .isInstanceOfSatisfying(InsufficientCreditsException.class, e -> {
                    assertThat(e.balance()).isEqualTo(10);
                    assertThat(e.price()).isEqualTo(12);
                });

        assertThat(jobs.list(ALPHA, ADA, 20, null).items()).isEmpty();
        assertThat(ledger.entries(ALPHA, ADA)).extracting(LedgerEntry::kind).containsExactly(LedgerEntry.Kind.GRANT);
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(10);
    }

    @Test
    void variationsPastTheConcurrencyLimitAreNoneOfThemQueued() {
        assertThatThrownBy(() -> jobs.submitAll(ALPHA, ADA, variations(3, 1), null, 2, NO_LIMIT))
                .isInstanceOf(ConcurrencyLimitException.class);

        assertThat(jobs.list(ALPHA, ADA, 20, null).items()).isEmpty();
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(10);
    }

    @Test
    void theSameKeyAndRequestAnswerTheSameVariationsAndHoldNothingMore() {
        List<Job> first = jobs.submitAll(ALPHA, ADA, variations(2, 2), "key-1", NO_LIMIT, NO_LIMIT);
        List<Job> again = jobs.submitAll(ALPHA, ADA, variations(2, 2), "key-1", NO_LIMIT, NO_LIMIT);

        assertThat(again).extracting(Job::id).containsExactlyElementsOf(first.stream().map(Job::id).toList());
        assertThat(ledger.balance(ALPHA, ADA)).isEqualTo(6);
        assertThatThrownBy(() -> jobs.submitAll(ALPHA, ADA, variations(3, 1), "key-1", NO_LIMIT, NO_LIMIT))
                .isInstanceOf(IdempotencyConflictException.class);
        assertThat(jobs.list(ALPHA, ADA, 20, null).items()).hasSize(2);
    }
}
