package dev.atelier.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.spi.model.CallbackMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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

    @Test
    void offersNoCallbacksUnlessAsked() {
        assertThat(TestGenerationContext.create().callbacks()).isEmpty();
    }

    @Test
    void handsDeliveredCallbacksOverOnceEachAndDropsARepeatedWebhookId() {
        TestGenerationContext context = TestGenerationContext.create();
        TestCallbacks callbacks = context.withCallbacks(URI.create("https://hooks.example/j/1"));

        assertThat(callbacks.deliver(Map.of("Webhook-Id", "msg_1"), "{\"n\":1}")).isTrue();
        assertThat(callbacks.deliver(Map.of("webhook-id", "msg_1"), "{\"n\":1}")).isFalse();
        assertThat(callbacks.deliver(Map.of("webhook-id", "msg_2"), "{\"n\":2}")).isTrue();

        Optional<CallbackMessage> first = context.callbacks().orElseThrow().next(Duration.ZERO);
        assertThat(first).isPresent();
        assertThat(first.get().header("WEBHOOK-ID")).contains("msg_1");
        assertThat(context.callbacks().orElseThrow().next(Duration.ZERO).orElseThrow().header("webhook-id"))
                .contains("msg_2");
        assertThat(context.callbacks().orElseThrow().next(Duration.ofMillis(20))).isEmpty();
        assertThat(callbacks.taken()).isEqualTo(2);
    }

    @Test
    void stopsWaitingForCallbacksOnceCancelled() {
        TestGenerationContext context = TestGenerationContext.create();
        context.withCallbacks(URI.create("https://hooks.example/j/1"));
        context.cancel();

        assertThat(context.callbacks().orElseThrow().next(Duration.ofMinutes(1))).isEmpty();
    }
}
