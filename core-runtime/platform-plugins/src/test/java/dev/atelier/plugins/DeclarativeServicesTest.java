package dev.atelier.plugins;

import static dev.atelier.plugins.TestContext.prompt;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class DeclarativeServicesTest extends RunningHost {

    @Test
    void componentOfADeclarativeServicesBundleIsServedThroughTheSystemBundleScr() throws Exception {
        BundleStatus status = host.deploy(
                new ByteArrayInputStream(TestBundle.declarativeServices("acme.ds").toBytes()), WAIT);

        assertThat(status.state()).isEqualTo("ACTIVE");
        assertThat(status.services()).containsExactly("GenerationModel echo-ds");
        assertThat(text(host.models().generate("echo-ds", prompt("hello"), TestContext.relaxed())))
                .isEqualTo("model=echo-ds;version=1.0.0;tccl=bundle");
    }
}
