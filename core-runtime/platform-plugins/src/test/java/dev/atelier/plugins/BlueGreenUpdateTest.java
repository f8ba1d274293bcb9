package dev.atelier.plugins;

import static dev.atelier.plugins.TestContext.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BlueGreenUpdateTest extends RunningHost {

    @Override
    void beforeStart() {
        TestBundle.echo("acme.echo", "1.0.0").copyTo(deployDir, "echo.jar");
    }

    @Test
    void updatingABundleKeepsServingWithoutFailures() throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicLong calls = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(2);
        for (int i = 0; i < 2; i++) {
            load.submit(() -> {
                while (running.get()) {
                    try {
                        host.models().generate("echo", prompt("hello"), TestContext.relaxed());
                        if (host.models().list().stream().noneMatch(m -> m.modelId().equals("echo"))) {
                            failures.add(new AssertionError("echo missing from list()"));
                        }
                        calls.incrementAndGet();
                    } catch (Exception | AssertionError e) {
                        failures.add(e);
                    }
                }
            });
        }
        await().atMost(WAIT).until(() -> calls.get() > 50);

        TestBundle.echo("acme.echo", "1.1.0").copyTo(deployDir, "echo.jar");
        awaitModelVersion("echo", "1.1.0");
        await().atMost(WAIT).until(() -> host.bundles().size() == 1 && host.bundles().get(0).version().equals("1.1.0"));
        long callsAfterUpdate = calls.get();
        await().atMost(WAIT).until(() -> calls.get() > callsAfterUpdate + 50);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(failures).isEmpty();
        assertThat(text(host.models().generate("echo", prompt("hello"), TestContext.relaxed())))
                .contains("version=1.1.0");
        assertThat(host.bundles()).singleElement().satisfies(status -> {
            assertThat(status.state()).isEqualTo("ACTIVE");
            assertThat(status.lastError()).isNull();
        });
        assertThat(events).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("UPDATED");
            assertThat(event.version()).isEqualTo("1.1.0");
            assertThat(event.detail()).isEqualTo("updated from 1.0.0");
        });
    }

    @Test
    void aCallRunningDuringAnUpdateFinishesOnTheOldVersion() throws Exception {
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return text(host.models().generate("echo", prompt("sleep:1500"), TestContext.relaxed()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(WAIT).until(() -> status("echo.jar").orElseThrow().metrics().inFlight() == 1);

        TestBundle.echo("acme.echo", "2.0.0").copyTo(deployDir, "echo.jar");
        awaitModelVersion("echo", "2.0.0");

        assertThat(slow.get(WAIT.toSeconds(), TimeUnit.SECONDS)).contains("version=1.0.0");
        await().atMost(WAIT).until(() -> host.bundles().size() == 1 && host.bundles().get(0).version().equals("2.0.0"));
    }

    @Test
    void updateWhoseActivatorFailsKeepsTheOldVersionServing() throws Exception {
        TestBundle.echo("acme.echo", "1.2.0").header("Echo-Start-Failure", "database is gone")
                .copyTo(deployDir, "echo.jar");

        await().atMost(WAIT).until(() -> status("echo.jar").map(BundleStatus::lastError).orElse(""),
                error -> error != null && error.startsWith("update to 1.2.0 failed"));

        BundleStatus status = status("echo.jar").orElseThrow();
        assertThat(status.lastError())
                .isEqualTo("update to 1.2.0 failed: activator failed: database is gone; still serving 1.0.0");
        assertThat(status.state()).isEqualTo("ACTIVE");
        assertThat(status.version()).isEqualTo("1.0.0");
        assertThat(host.models().find("echo")).hasValueSatisfying(m -> assertThat(m.bundleVersion()).isEqualTo("1.0.0"));
        assertThat(text(host.models().generate("echo", prompt("hello"), TestContext.relaxed())))
                .contains("version=1.0.0");
        assertThat(events).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("FAILED");
            assertThat(event.version()).isEqualTo("1.2.0");
        });
    }

    @Test
    void updateWhoseModelDescriptorFailsKeepsTheOldVersionServing() {
        TestBundle.echo("acme.echo", "1.5.0").header("Echo-Descriptor-Failure", "bad weights")
                .copyTo(deployDir, "echo.jar");

        await().atMost(WAIT).until(() -> status("echo.jar").map(BundleStatus::lastError).orElse(""),
                error -> error != null && error.startsWith("update to 1.5.0 failed"));

        assertThat(status("echo.jar").orElseThrow().lastError())
                .isEqualTo("update to 1.5.0 failed: descriptor() failed: bad weights; still serving 1.0.0");
        assertThat(host.models().find("echo").orElseThrow().bundleVersion()).isEqualTo("1.0.0");
        assertThat(host.bundles()).hasSize(1);
    }

    @Test
    void updateWithAMissingImportKeepsTheOldVersionServingAndALaterGoodUpdateApplies() throws Exception {
        TestBundle.echo("acme.echo", "1.3.0")
                .header("Import-Package", TestBundle.SPI_IMPORTS + ",org.osgi.framework,com.acme.missing")
                .copyTo(deployDir, "echo.jar");
        await().atMost(WAIT).until(() -> status("echo.jar").map(BundleStatus::lastError).orElse(""),
                error -> error != null && error.startsWith("update to 1.3.0 failed"));
        assertThat(status("echo.jar").orElseThrow().lastError())
                .isEqualTo("update to 1.3.0 failed: missing requirement: package com.acme.missing; still serving 1.0.0");

        TestBundle.echo("acme.echo", "1.4.0").copyTo(deployDir, "echo.jar");

        awaitModelVersion("echo", "1.4.0");
        await().atMost(WAIT).until(() -> host.bundles().get(0).lastError() == null);
    }
}
