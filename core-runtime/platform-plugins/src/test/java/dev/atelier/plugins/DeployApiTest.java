package dev.atelier.plugins;

import static dev.atelier.plugins.TestContext.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DeployApiTest extends RunningHost {

    @Test
    void deployPlacesTheJarUnderItsSymbolicNameAndReturnsItServing() throws Exception {
        BundleStatus status = host.deploy(jar(TestBundle.echo("acme.echo", "1.0.0")), WAIT);

        assertThat(status.fileName()).isEqualTo("acme.echo.jar");
        assertThat(status.state()).isEqualTo("ACTIVE");
        assertThat(status.services()).containsExactly("GenerationModel echo");
        assertThat(deployDir.resolve("acme.echo.jar")).exists();
        assertThat(host.models().find("echo")).isPresent();
    }

    @Test
    void deployingAHigherVersionUpdatesTheBundle() throws Exception {
        host.deploy(jar(TestBundle.echo("acme.echo", "1.0.0")), WAIT);

        BundleStatus status = host.deploy(jar(TestBundle.echo("acme.echo", "1.1.0")), WAIT);

        assertThat(status.version()).isEqualTo("1.1.0");
        assertThat(status.state()).isEqualTo("ACTIVE");
        assertThat(host.models().find("echo").orElseThrow().bundleVersion()).isEqualTo("1.1.0");
        assertThat(host.bundles()).hasSize(1);
    }

    @Test
    void redeployingTheSameVersionWithOtherContentReplacesIt() throws Exception {
        host.deploy(jar(TestBundle.echo("acme.echo", "1.0.0")), WAIT);

        BundleStatus status = host.deploy(jar(TestBundle.echo("acme.echo", "1.0.0").header("Build", "2")), WAIT);

        assertThat(status.state()).isEqualTo("ACTIVE");
        assertThat(status.lastError()).isNull();
        assertThat(host.bundles()).hasSize(1);
        assertThat(events).extracting(DeploymentEvent::action).containsExactly("INSTALLED", "UPDATED");
    }

    @Test
    void deployingSomethingThatIsNotABundleIsRefusedAndLeavesTheFolderUnchanged() throws Exception {
        assertThatThrownBy(() -> host.deploy(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)), WAIT))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessage("Not a deployable bundle: not a jar file.");
        assertThatThrownBy(() -> host.deploy(jar(TestBundle.echo("acme.echo", "1.x")), WAIT))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("Bundle-Version '1.x'");

        try (Stream<?> files = Files.list(deployDir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void uploadThatBreaksOffPassesTheStreamsErrorOnAndLeavesNothingBehind() throws Exception {
        byte[] bytes = TestBundle.echo("acme.echo", "1.0.0").toBytes();
        InputStream breaking = new SequenceInputStream(new ByteArrayInputStream(bytes, 0, bytes.length / 2),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("upload too large");
                    }
                });

        assertThatThrownBy(() -> host.deploy(breaking, WAIT)).isInstanceOf(IOException.class)
                .hasMessage("upload too large");

        try (Stream<?> files = Files.list(deployDir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void undeployRemovesTheBundleAndItsModels() throws Exception {
        host.deploy(jar(TestBundle.echo("acme.echo", "1.0.0")), WAIT);

        assertThat(host.undeploy("acme.echo", WAIT)).isTrue();

        assertThat(host.bundles()).isEmpty();
        assertThat(host.models().list()).isEmpty();
        assertThat(deployDir.resolve("acme.echo.jar")).doesNotExist();
        assertThatThrownBy(() -> host.models().generate("echo", prompt("hello"), TestContext.relaxed()))
                .isInstanceOf(ModelUnavailableException.class);
    }

    @Test
    void undeployOfAnUnknownBundleReturnsFalse() {
        assertThat(host.undeploy("acme.unknown", WAIT)).isFalse();
    }

    @Test
    void failingListenerDoesNotStopDeployments() throws Exception {
        host.close();
        host = new PluginHost(settings(), event -> {
            throw new IllegalStateException("audit database down");
        });
        host.start();

        BundleStatus status = host.deploy(jar(TestBundle.echo("acme.echo", "1.0.0")), WAIT);

        assertThat(status.state()).isEqualTo("ACTIVE");
        assertThat(host.models().find("echo")).isPresent();
    }

    private static ByteArrayInputStream jar(TestBundle bundle) {
        return new ByteArrayInputStream(bundle.toBytes());
    }
}
