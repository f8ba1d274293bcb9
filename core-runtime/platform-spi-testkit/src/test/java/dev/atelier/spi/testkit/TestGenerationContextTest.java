package dev.atelier.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestGenerationContextTest {

    @Test
    void countsAsCancelledOnceItsDeadlineHasPassed() {
        assertThat(TestGenerationContext.create(TestTenantContext.defaults(), Duration.ofSeconds(-1)).isCancelled())
                .isTrue();
        assertThat(TestGenerationContext.create().isCancelled()).isFalse();
    }

    @Test
    void cancelsItselfWhenTheChosenProgressReportArrives() {
        TestGenerationContext context = TestGenerationContext.create().cancelWhen(report -> report.percent() >= 50);

        context.progress(10, "Starting");
        assertThat(context.isCancelled()).isFalse();
        context.progress(50, "Halfway");

        assertThat(context.isCancelled()).isTrue();
        assertThat(context.progressPercents()).containsExactly(10, 50);
        assertThat(context.progressReports().get(1).stage()).isEqualTo("Halfway");
    }
}
