package dev.atelier.bundles.outside;

import static org.assertj.core.api.Assertions.assertThat;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import aQute.bnd.version.VersionRange;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The copy of bundles/model-example built outside this repository (by the invoker plugin just before, from a folder of
 * its own against the installed platform artifacts, as the bundle guide tells a developer) is a bundle the platform
 * can deploy: its own identity and version, nothing imported but the SPI, each package with a version range, and the
 * JRE. And its build ran both of its tests: the contract suite and the in-container test.
 */
class OutsideBundleIT {

    private static Attributes manifest;
    private static Path project;

    @BeforeAll
    static void readManifest() throws IOException {
        File jar = new File(String.valueOf(System.getProperty("atelier.outside.bundle")));
        assertThat(jar).as("the outside bundle's jar (system property atelier.outside.bundle)").isFile();
        try (JarFile file = new JarFile(jar)) {
            manifest = file.getManifest().getMainAttributes();
        }
        project = Path.of(String.valueOf(System.getProperty("atelier.outside.project")));
    }

    @Test
    void isNamedAndVersionedByItsOwnPom() {
        assertThat(manifest.getValue("Bundle-SymbolicName")).isEqualTo("com.example.model");
        // A -SNAPSHOT version gets the build time as qualifier, so a new build can replace the deployed one.
        assertThat(manifest.getValue("Bundle-Version")).matches("1\\.0\\.0\\.\\d{14}");
    }

    @Test
    void importsOnlyTheSpiWithVersionRangesBesidesTheJre() {
        Parameters imports = OSGiHeader.parseHeader(manifest.getValue("Import-Package"));
        imports.keySet().removeIf(name -> name.startsWith("java.") || name.startsWith("javax."));

        assertThat(imports.keySet()).contains("dev.atelier.spi.model", "dev.atelier.spi.plugin")
                .allMatch(name -> name.startsWith("dev.atelier.spi."));
        imports.forEach((name, attributes) -> assertThat(range(attributes).isRange())
                .as("%s imported with a range, not %s", name, attributes.getVersion()).isTrue());
    }

    @Test
    void registersItsModelWithDeclarativeServices() {
        assertThat(manifest.getValue("Service-Component")).contains("com.example.model.internal.ExampleModel");
        assertThat(manifest.getValue("Export-Package")).isNull();
    }

    @Test
    void ranTheContractSuiteAndTheInContainerTest() throws IOException {
        assertPassed(project.resolve("target/surefire-reports/TEST-com.example.model.internal.ExampleModelTest.xml"));
        assertPassed(project.resolve("target/failsafe-reports/TEST-com.example.model.it.ExampleModelBundleIT.xml"));
    }

    private static void assertPassed(Path report) throws IOException {
        assertThat(report).as("test report").isRegularFile();
        String xml = Files.readString(report);
        assertThat(xml).as(report.getFileName().toString()).doesNotContain("<failure", "<error", "<skipped")
                .containsPattern("tests=\"[1-9]");
    }

    private static VersionRange range(Attrs attributes) {
        String version = attributes.getVersion();
        assertThat(version).as("version attribute").isNotNull();
        return new VersionRange(version);
    }
}
