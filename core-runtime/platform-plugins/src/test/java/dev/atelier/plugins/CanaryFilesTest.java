package dev.atelier.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanaryFilesTest {

    @Test
    void aBundleWhoseNameEndsInCanaryIsNotTakenForACanary() {
        assertThat(CanaryFiles.isCanary("acme.canary.jar")).isFalse();
        assertThat(CanaryFiles.isCanary(CanaryFiles.fileName("acme.canary"))).isTrue();
        assertThat(CanaryFiles.isCanaryLocation("atelier-deploy:acme~canary.jar#12")).isTrue();
        assertThat(CanaryFiles.isCanaryLocation("atelier-deploy:acme.canary.jar#13")).isFalse();
    }
}
