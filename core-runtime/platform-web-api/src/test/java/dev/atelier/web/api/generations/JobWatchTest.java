package dev.atelier.web.api.generations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one shared read of a followed job: changes that arrive while it is under way cost one more read, not one each. */
class JobWatchTest {

    private final JobWatch watch = new JobWatch(null, "account", "job");
    private final Queue<Runnable> readers = new ArrayDeque<>();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void changesArrivingDuringAReadCostOneMoreRead() {
        watch.refresh(readers::add, () -> {
            if (reads.incrementAndGet() == 1) {
                for (int i = 0; i < 5; i++) {
                    watch.refresh(readers::add, reads::incrementAndGet);
                }
            }
        });
        runAll();

        assertThat(reads).hasValue(2);
    }

    @Test
    void changesBeforeTheReadStartsAreReadOnce() {
        for (int i = 0; i < 5; i++) {
            watch.refresh(readers::add, reads::incrementAndGet);
        }
        runAll();

        assertThat(reads).hasValue(1);
    }

    @Test
    void aChangeAfterAReadEndedIsReadAgain() {
        watch.refresh(readers::add, reads::incrementAndGet);
        runAll();
        watch.refresh(readers::add, reads::incrementAndGet);
        runAll();

        assertThat(reads).hasValue(2);
    }

    private void runAll() {
        Runnable next;
        while ((next = readers.poll()) != null) {
            next.run();
        }
    }
}
