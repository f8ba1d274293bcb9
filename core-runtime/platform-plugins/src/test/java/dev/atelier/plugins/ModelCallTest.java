package dev.atelier.plugins;

import static dev.atelier.plugins.TestContext.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.spi.model.GenerationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModelCallTest extends RunningHost {

    @Override
    void beforeStart() {
        TestBundle.echo("acme.echo", "1.0.0").copyTo(deployDir, "echo.jar");
    }

    @Test
    void pluginSeesItsOwnBundleClassLoaderAsContextClassLoader() throws Exception {
        assertThat(text(host.models().generate("echo", prompt("hello"), TestContext.relaxed())))
                .isEqualTo("model=echo;version=1.0.0;tccl=bundle");
    }

    @Test
    void callStillRunningAtItsDeadlineFailsWithATemporaryTimeout() {
        assertThatThrownBy(() -> host.models().generate("echo", prompt("sleep:20000"),
                        TestContext.withTimeLimit(Duration.ofMillis(200))))
                .isInstanceOfSatisfying(GenerationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GenerationException.Kind.TEMPORARY);
                    assertThat(e.getMessage()).isEqualTo("The model did not finish in time.");
                });
    }

    @Test
    void pluginRuntimeExceptionBecomesAFailedGenerationWithAPlainMessage() {
        assertThatThrownBy(() -> host.models().generate("echo", prompt("fail"), TestContext.relaxed()))
                .isInstanceOfSatisfying(GenerationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GenerationException.Kind.FAILED);
                    assertThat(e.getMessage()).isEqualTo("The model failed unexpectedly.");
                });
    }

    @Test
    void metricsCountCallsAndErrors() throws Exception {
        host.models().generate("echo", prompt("one"), TestContext.relaxed());
        host.models().generate("echo", prompt("two"), TestContext.relaxed());
        assertThatThrownBy(() -> host.models().generate("echo", prompt("fail"), TestContext.relaxed()))
                .isInstanceOf(GenerationException.class);

        PluginMetrics metrics = status("echo.jar").orElseThrow().metrics();

        assertThat(metrics.calls()).isEqualTo(3);
        assertThat(metrics.errors()).isEqualTo(1);
        assertThat(metrics.inFlight()).isZero();
        assertThat(metrics.maxMillis()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void unknownModelIsUnavailable() {
        assertThatThrownBy(() -> host.models().generate("nope", prompt("hello"), TestContext.relaxed()))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessage("Model 'nope' is not deployed right now.");
    }

    @Test
    void serviceWithTheHigherRankingServesASharedModelId() throws Exception {
        TestBundle.echo("acme.ranked", "0.5.0").header("Echo-Ranking", "10").copyTo(deployDir, "ranked.jar");
        awaitModelVersion("echo", "0.5.0");

        assertThat(host.models().find("echo").orElseThrow().bundleSymbolicName()).isEqualTo("acme.ranked");
        assertThat(host.models().list()).hasSize(1);
    }

    @Test
    void newestBundleServesASharedModelIdWhenRankingsTie() throws Exception {
        TestBundle.echo("acme.other", "0.1.0").copyTo(deployDir, "other.jar");

        awaitModelVersion("echo", "0.1.0");

        assertThat(host.models().find("echo").orElseThrow().bundleSymbolicName()).isEqualTo("acme.other");
    }
}
