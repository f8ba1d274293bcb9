package dev.atelier.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostExportsTest extends RunningHost {

    @Test
    void pluginsSeeSlf4jAndTheSpiAtItsDeclaredVersion() {
        TestBundle.echo("acme.logging", "1.0.0")
                .header("Import-Package", TestBundle.SPI_IMPORTS + ",org.osgi.framework,org.slf4j;version=\"[2.0,3)\"")
                .copyTo(deployDir, "logging.jar");

        assertThat(awaitStatus("logging.jar", "ACTIVE").lastError()).isNull();
    }

    @Test
    void pluginBuiltForAnotherMajorSpiVersionDoesNotResolve() {
        TestBundle.echo("acme.future", "1.0.0")
                .header("Import-Package", "dev.atelier.spi.model;version=\"[2.0,3)\","
                        + "dev.atelier.spi.tenant;version=\"[1.0,2)\",org.osgi.framework")
                .copyTo(deployDir, "future.jar");

        assertThat(awaitStatus("future.jar", "INSTALLED").lastError())
                .isEqualTo("missing requirement: package dev.atelier.spi.model [2.0.0,3.0.0)");
    }
}
