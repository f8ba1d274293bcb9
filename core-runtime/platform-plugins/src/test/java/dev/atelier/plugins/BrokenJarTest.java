package dev.atelier.plugins;

import static dev.atelier.plugins.TestContext.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BrokenJarTest extends RunningHost {

    @AfterEach
    void hostStillDeploysAndServes() throws Exception {
        TestBundle.echo("acme.healthy", "1.0.0").header("Echo-Model", "healthy").copyTo(deployDir, "healthy.jar");
        awaitModelVersion("healthy", "1.0.0");
        assertThat(text(host.models().generate("healthy", prompt("hello"), TestContext.relaxed())))
                .contains("model=healthy");
    }

    @Test
    void fileThatIsNotAZipIsInvalid() {
        TestBundle.copyBytes("hello".getBytes(StandardCharsets.UTF_8), deployDir, "notes.jar");

        BundleStatus status = awaitStatus("notes.jar", "INVALID");

        assertThat(status.lastError()).isEqualTo("not a jar file");
        assertThat(status.symbolicName()).isNull();
        // The event is recorded just after the status changes, on the deployer's thread.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(events).anySatisfy(event -> {
                    assertThat(event.action()).isEqualTo("FAILED");
                    assertThat(event.fileName()).isEqualTo("notes.jar");
                }));
    }

    @Test
    void brokenJarReplacedByAGoodOneIsDeployed() {
        TestBundle.copyBytes("hello".getBytes(StandardCharsets.UTF_8), deployDir, "echo.jar");
        awaitStatus("echo.jar", "INVALID");

        TestBundle.echo("acme.echo", "1.0.0").copyTo(deployDir, "echo.jar");

        awaitModelVersion("echo", "1.0.0");
        assertThat(awaitStatus("echo.jar", "ACTIVE").lastError()).isNull();
    }

    @Test
    void jarWithoutSymbolicNameIsInvalid() {
        TestBundle.echo("acme.nameless", "1.0.0").without("Bundle-SymbolicName").copyTo(deployDir, "nameless.jar");

        assertThat(awaitStatus("nameless.jar", "INVALID").lastError())
                .isEqualTo("manifest has no Bundle-SymbolicName header");
    }

    @Test
    void jarWithAMalformedVersionIsInvalid() {
        TestBundle.echo("acme.badversion", "1.x").copyTo(deployDir, "badversion.jar");

        assertThat(awaitStatus("badversion.jar", "INVALID").lastError())
                .startsWith("Bundle-Version '1.x' is not an OSGi version");
    }

    @Test
    void jarWithAMalformedImportIsInvalid() {
        TestBundle.echo("acme.badimport", "1.0.0").header("Import-Package", "dev.atelier.spi.model;version=\"[1.0\"")
                .copyTo(deployDir, "badimport.jar");

        assertThat(awaitStatus("badimport.jar", "INVALID").lastError()).startsWith("manifest error: ").contains("[1.0");
    }

    @Test
    void bundleWithAMissingImportStaysInstalledAndNamesThePackage() {
        TestBundle.echo("acme.needy", "1.0.0").header("Echo-Model", "needy")
                .header("Import-Package", TestBundle.SPI_IMPORTS + ",org.osgi.framework,com.acme.missing")
                .copyTo(deployDir, "needy.jar");

        BundleStatus status = awaitStatus("needy.jar", "INSTALLED");

        assertThat(status.lastError()).isEqualTo("missing requirement: package com.acme.missing");
        assertThat(host.models().find("needy")).isEmpty();
    }

    @Test
    void bundleWhoseActivatorThrowsStaysResolvedAndSaysWhy() {
        TestBundle.echo("acme.crashy", "1.0.0").header("Echo-Start-Failure", "no licence key")
                .copyTo(deployDir, "crashy.jar");

        BundleStatus status = awaitStatus("crashy.jar", "RESOLVED");

        assertThat(status.lastError()).isEqualTo("activator failed: no licence key");
        assertThat(status.symbolicName()).isEqualTo("acme.crashy");
        assertThat(status.version()).isEqualTo("1.0.0");
    }

    @Test
    void modelWhoseDescriptorThrowsIsIgnoredAndTheErrorShownOnItsBundle() {
        TestBundle.echo("acme.vague", "1.0.0").header("Echo-Model", "vague")
                .header("Echo-Descriptor-Failure", "no descriptor today").copyTo(deployDir, "vague.jar");

        BundleStatus status = awaitStatus("vague.jar", "ACTIVE");

        assertThat(status.lastError()).isEqualTo("descriptor() failed: no descriptor today");
        assertThat(status.services()).containsExactly("GenerationModel (ignored)");
        assertThat(host.models().find("vague")).isEmpty();
    }
}
