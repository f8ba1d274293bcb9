package dev.atelier.plugins;

import static dev.atelier.plugins.TestContext.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeployFolderTest extends RunningHost {

    @Override
    void beforeStart() {
        TestBundle.echo("acme.present", "1.0.0").header("Echo-Model", "present").copyTo(deployDir, "present.jar");
    }

    @Test
    void jarsInTheFolderAtStartAreServingWhenStartReturns() {
        assertThat(host.models().find("present")).hasValueSatisfying(model -> {
            assertThat(model.bundleSymbolicName()).isEqualTo("acme.present");
            assertThat(model.descriptor().version()).isEqualTo("1.0.0");
        });
        assertThat(host.bundles()).singleElement().satisfies(status -> {
            assertThat(status.state()).isEqualTo("ACTIVE");
            assertThat(status.services()).containsExactly("GenerationModel present");
            assertThat(status.lastError()).isNull();
        });
    }

    @Test
    void aModelThatDeclaresNoVersionIsListedWithItsBundleVersion() {
        TestBundle.echo("acme.unversioned", "2.3.1").header("Echo-Model", "unversioned")
                .header("Echo-Undeclared-Version", "yes").copyTo(deployDir, "unversioned.jar");

        awaitModelVersion("unversioned", "2.3.1");

        assertThat(host.models().find("unversioned").orElseThrow().descriptor().version()).isEqualTo("2.3.1");
    }

    @Test
    void copiedJarIsInstalledAndItsModelListed() throws Exception {
        TestBundle.echo("acme.echo", "1.0.0").copyTo(deployDir, "echo.jar");

        awaitModelVersion("echo", "1.0.0");

        assertThat(host.models().list()).extracting(ModelInfo::modelId).containsExactly("echo", "present");
        assertThat(text(host.models().generate("echo", prompt("hello"), TestContext.relaxed())))
                .contains("version=1.0.0");
        assertThat(events).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("INSTALLED");
            assertThat(event.fileName()).isEqualTo("echo.jar");
            assertThat(event.symbolicName()).isEqualTo("acme.echo");
        });
    }

    @Test
    void deletingAJarRemovesItsModelAndNewCallsAreRefused() throws Exception {
        Files.delete(deployDir.resolve("present.jar"));

        await().atMost(WAIT).until(() -> host.models().find("present").isEmpty());

        assertThatThrownBy(() -> host.models().generate("present", prompt("hello"), TestContext.relaxed()))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessage("Model 'present' is not deployed right now.");
        await().atMost(WAIT).until(() -> host.bundles().isEmpty());
        assertThat(events).anySatisfy(event -> assertThat(event.action()).isEqualTo("REMOVED"));
    }

    @Test
    void aCallRunningWhenItsJarIsDeletedStillFinishes() throws Exception {
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return text(host.models().generate("present", prompt("sleep:1000"), TestContext.relaxed()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(WAIT).until(() -> status("present.jar").orElseThrow().metrics().inFlight() == 1);

        Files.delete(deployDir.resolve("present.jar"));
        await().atMost(WAIT).until(() -> host.models().find("present").isEmpty());

        assertThat(slow.get(WAIT.toSeconds(), TimeUnit.SECONDS)).contains("model=present");
        await().atMost(WAIT).until(() -> host.bundles().isEmpty());
    }

    @Test
    void bundleWaitingForAPackageStartsOnceABundleExportingItIsDeployed() {
        TestBundle.echo("acme.needy", "1.0.0").header("Echo-Model", "needy")
                .header("Import-Package", TestBundle.SPI_IMPORTS + ",org.osgi.framework,com.acme.missing")
                .copyTo(deployDir, "needy.jar");
        awaitStatus("needy.jar", "INSTALLED");

        TestBundle.library("acme.provider", "com.acme.missing").copyTo(deployDir, "provider.jar");

        awaitModelVersion("needy", "1.0.0");
        assertThat(awaitStatus("needy.jar", "ACTIVE").lastError()).isNull();
    }

    @Test
    void filesStartingWithADotAreIgnored() throws Exception {
        TestBundle.echo("acme.hidden", "1.0.0").header("Echo-Model", "hidden").copyTo(deployDir, ".hidden.jar");
        TestBundle.echo("acme.visible", "1.0.0").header("Echo-Model", "visible").copyTo(deployDir, "visible.jar");

        awaitModelVersion("visible", "1.0.0");

        assertThat(host.models().find("hidden")).isEmpty();
        assertThat(host.bundles()).extracting(BundleStatus::fileName).doesNotContain(".hidden.jar");
    }
}
