package dev.atelier.api.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.Baseline.Info;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Instructions;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.service.diff.Delta;
import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule the build enforces on the SPI, shown on copies of it: bnd compares this build's {@code dev.atelier.spi.*}
 * packages with the recorded baseline jar, as {@code bnd-baseline-maven-plugin} does in {@code verify}, and a change
 * whose package version does not say what kind of change it is fails. The POM hands over the baseline jar and the
 * classes folder.
 */
class SpiBaselineTest {

    private static final String SPI_PACKAGES = "dev.atelier.spi.*";
    private static final String STORAGE = "dev.atelier.spi.storage";
    private static final String MODEL = "dev.atelier.spi.model";

    @Test
    void theSpiAsBuiltKeepsTheBaselineRules() throws Exception {
        try (ApiCopy api = ApiCopy.of(required("atelier.api.classes"))) {
            Comparison comparison = compare(api);
            assertThat(comparison.mismatches()).extracting(info -> info.packageName).isEmpty();
            assertThat(comparison.bundleMismatch()).as("platform-api's bundle version against the baseline").isFalse();
        }
    }

    @Test
    void removingAnSpiMethodWithoutAMajorBumpFails() throws Exception {
        try (ApiCopy api = ApiCopy.of(required("atelier.api.classes"))) {
            String removed = api.removeFirstPublicMethod("dev/atelier/spi/storage/StorageBackend");

            List<Info> mismatches = compare(api).mismatches();

            assertThat(mismatches).as("after removing StorageBackend.%s", removed)
                    .extracting(info -> info.packageName).containsExactly(STORAGE);
            Info storage = mismatches.get(0);
            assertThat(storage.packageDiff.getDelta()).isEqualTo(Delta.MAJOR);
            assertThat(storage.suggestedVersion.getMajor()).isEqualTo(storage.olderVersion.getMajor() + 1);
        }
    }

    @Test
    void addingAnSpiTypeWithAMinorBumpPasses() throws Exception {
        try (ApiCopy api = ApiCopy.of(required("atelier.api.classes"))) {
            api.addPublicClass("dev/atelier/spi/model/BaselineProbe");
            Info model = exported(compare(api), MODEL);
            api.exportVersion(MODEL, model.olderVersion.bumpMinor().toString());

            assertThat(compare(api).mismatches()).extracting(info -> info.packageName).isEmpty();
        }
    }

    @Test
    void addingAnSpiTypeWithoutAMinorBumpFails() throws Exception {
        try (ApiCopy api = ApiCopy.of(required("atelier.api.classes"))) {
            api.addPublicClass("dev/atelier/spi/model/BaselineProbe");
            api.exportVersion(MODEL, exported(compare(api), MODEL).olderVersion.toString());

            assertThat(compare(api).mismatches()).extracting(info -> info.packageName).containsExactly(MODEL);
        }
    }

    private static Comparison compare(ApiCopy api) throws Exception {
        try (Processor reporter = new Processor(); Jar baseline = new Jar(required("atelier.api.baseline"))) {
            Baseline baseliner = new Baseline(reporter, new DiffPluginImpl());
            List<Info> infos = List.copyOf(baseliner.baseline(api.jar(), baseline,
                    new Instructions(new Parameters(SPI_PACKAGES, reporter))));
            return new Comparison(infos, baseliner.getBundleInfo().mismatch);
        }
    }

    private static Info exported(Comparison comparison, String packageName) {
        return comparison.infos().stream().filter(info -> info.packageName.equals(packageName)).findFirst()
                .orElseThrow(() -> new AssertionError(packageName + " is not in the baseline comparison"));
    }

    private static File required(String property) {
        String path = System.getProperty(property);
        if (path == null || !new File(path).exists()) {
            throw new AssertionError("System property " + property + " must name an existing file (set by the"
                    + " platform-api POM); it is " + path);
        }
        return new File(path);
    }

    private record Comparison(List<Info> infos, boolean bundleMismatch) {

        List<Info> mismatches() {
            return infos.stream().filter(info -> info.mismatch).toList();
        }
    }
}
