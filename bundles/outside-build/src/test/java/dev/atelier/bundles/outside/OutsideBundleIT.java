package dev.atelier.bundles.outside;

import static org.assertj.core.api.Assertions.assertThat;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import aQute.bnd.version.VersionRange;
import java.io.File;
import java.io.IOException;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jar of the bundle built outside this repository (src/it/model-hello, version 0.2.0, built by the invoker plugin
 * just before) is a bundle the platform can deploy: its own identity and version, and nothing imported but the SPI,
 * each package with a version range, and the JRE's {@code java.*} packages.
 */
class OutsideBundleIT {

    private static Attributes manifest;

    @BeforeAll
    static void readManifest() throws IOException {
        String path = System.getProperty("atelier.outside.bundle");
        File jar = new File(String.valueOf(path));
        assertThat(jar).as("the outside bundle's jar (system property atelier.outside.bundle)").isFile();
        try (JarFile file = new JarFile(jar)) {
            manifest = file.getManifest().getMainAttributes();
        }
    }

    @Test
    void isNamedAndVersionedByItsOwnPom() {
        assertThat(manifest.getValue("Bundle-SymbolicName")).isEqualTo("com.example.model.hello");
        assertThat(manifest.getValue("Bundle-Version")).isEqualTo("0.2.0");
    }

    @Test
    void importsOnlyTheSpiWithVersionRangesBesidesTheJre() {
        Parameters imports = OSGiHeader.parseHeader(manifest.getValue("Import-Package"));
        imports.keySet().removeIf(name -> name.startsWith("java."));

        assertThat(imports.keySet()).contains("dev.atelier.spi.model")
                .allMatch(name -> name.startsWith("dev.atelier.spi."));
        imports.forEach((name, attributes) -> assertThat(range(attributes).isRange())
                .as("%s imported with a range, not %s", name, attributes.getVersion()).isTrue());
    }

    @Test
    void registersItsModelWithDeclarativeServices() {
        assertThat(manifest.getValue("Service-Component")).contains("com.example.hello.internal.HelloModel");
        assertThat(manifest.getValue("Export-Package")).isNull();
    }

    private static VersionRange range(Attrs attributes) {
        String version = attributes.getVersion();
        assertThat(version).as("version attribute").isNotNull();
        return new VersionRange(version);
    }
}
