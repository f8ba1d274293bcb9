package dev.atelier.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code bin/atelier} looks after its class-data-sharing archive: made by the first complete start, used by the
 * next ones, never taken from a start that did not get ready, renewed when {@code lib/} changes. The JVM is a stand-in
 * script that records its options and does what the real one does with them (writes the archive it is asked for when
 * it ends; the platform marks a complete start), so the script's own decisions are what is tested.
 */
class ClassArchiveScriptTest {

    private static final Path SCRIPT = Path.of("../../distribution/src/bin/atelier");
    private static final String FAKE_JAVA = """
            #!/bin/sh
            for a in "$@"; do
              case "$a" in
                -XX:ArchiveClassesAtExit=*) dump=${a#*=} ;;
                -Datelier.cds.archive=*) mark=${a#*=} ;;
                --help) help=1 ;;
                -version) exit "${FAKE_JAVA_REFUSES:-0}" ;;
              esac
            done
            echo "$*" >> "$FAKE_JAVA_LOG"
            if [ -n "$mark" ] && [ -z "$help" ]; then : > "$mark.started"; fi
            if [ -n "$dump" ]; then echo classes > "$dump"; fi
            """;

    @TempDir
    Path root;

    private Path home;
    private Path javaHome;
    private Path log;

    @BeforeEach
    void installation() throws IOException {
        home = Files.createDirectories(root.resolve("atelier"));
        Files.createDirectories(home.resolve("bin"));
        Files.copy(SCRIPT, home.resolve("bin/atelier"));
        Files.writeString(Files.createDirectories(home.resolve("lib")).resolve("platform.jar"), "jar");
        javaHome = root.resolve("jdk");
        Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
        Files.writeString(java, FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        log = root.resolve("java.log");
    }

    @Test
    void theFirstCompleteStartWritesTheArchiveTheNextStartsUse() throws Exception {
        String first = start("start");
        assertThat(first).contains("-XX:ArchiveClassesAtExit=" + home.resolve("cds"));

        String second = start("start");
        String third = start("start");

        assertThat(archives()).singleElement().satisfies(a -> assertThat(a.getFileName().toString())
                .matches("atelier-\\d+\\.jsa"));
        assertThat(second).contains("-XX:SharedArchiveFile=" + archives().get(0)).doesNotContain("ArchiveClassesAtExit");
        assertThat(third).isEqualTo(second);
    }

    @Test
    void anArchiveOfAStartThatNeverGotReadyIsNotKept() throws Exception {
        start("start", "--help");

        String next = start("start");

        assertThat(next).contains("-XX:ArchiveClassesAtExit").doesNotContain("SharedArchiveFile");
        assertThat(archives()).noneMatch(a -> a.getFileName().toString().endsWith(".jsa"));
    }

    @Test
    void anArchiveTheJvmRefusesIsRemovedAndMadeAgain() throws Exception {
        start("start");

        String next = start(List.of("FAKE_JAVA_REFUSES=1"), "start");

        assertThat(next).contains("-XX:ArchiveClassesAtExit").doesNotContain("SharedArchiveFile");
        assertThat(archives()).singleElement().satisfies(a -> assertThat(a.getFileName().toString())
                .matches("atelier-\\d+\\.jsa\\.\\d+"));
    }

    @Test
    void aChangedLibFolderMakesANewArchiveAndDropsTheOldOne() throws Exception {
        start("start");
        start("start");
        Path old = archives().get(0);
        Files.writeString(home.resolve("lib/new-library.jar"), "another jar");

        String afterUpgrade = start("start");

        assertThat(afterUpgrade).contains("-XX:ArchiveClassesAtExit").doesNotContain(old.toString());
        assertThat(old).doesNotExist();
    }

    @Test
    void aStartWithAnAgentOrARecordingGoesWithoutTheArchive() throws Exception {
        start("start");
        start("start");

        assertThat(start(List.of("JAVA_OPTS=-javaagent:/opt/apm.jar"), "start"))
                .doesNotContain("SharedArchiveFile").doesNotContain("ArchiveClassesAtExit");
        assertThat(start(List.of("JAVA_OPTS=-XX:StartFlightRecording=filename=x.jfr"), "start"))
                .doesNotContain("SharedArchiveFile").doesNotContain("ArchiveClassesAtExit");
    }

    @Test
    void otherCommandsAndTurningItOffStartWithoutAnArchive() throws Exception {
        assertThat(start("tenants", "list")).doesNotContain("SharedArchiveFile").doesNotContain("ArchiveClassesAtExit");
        assertThat(start(List.of("ATELIER_CDS=off"), "start")).doesNotContain("SharedArchiveFile")
                .doesNotContain("ArchiveClassesAtExit");
        assertThat(home.resolve("cds")).doesNotExist();
    }

    @Test
    void setsTheCompilersCountsWhereJavaOptsCanSetThemBack() throws Exception {
        String line = start(List.of("JAVA_OPTS=-XX:Tier4InvocationThreshold=5000"), "tenants", "list");

        assertThat(line).contains("-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000"
                + " -XX:Tier4CompileThreshold=150000 -XX:Tier4InvocationThreshold=5000 ");
    }

    private String start(String... args) throws Exception {
        return start(List.of(), args);
    }

    /** Runs the script with extra environment entries ({@code NAME=value}); answers the fake JVM's command line. */
    private String start(List<String> environment, String... args) throws Exception {
        Files.deleteIfExists(log);
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("sh", home.resolve("bin/atelier")
                .toString()), Stream.of(args)).toList()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("FAKE_JAVA_LOG", log.toString());
        builder.environment().remove("ATELIER_CDS");
        builder.environment().remove("ATELIER_CDS_DIR");
        builder.environment().remove("JAVA_OPTS");
        for (String entry : environment) {
            String[] pair = entry.split("=", 2);
            builder.environment().put(pair[0], pair[1]);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return Files.readString(log).strip();
    }

    private List<Path> archives() throws IOException {
        Path dir = home.resolve("cds");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".started")).sorted().toList();
        }
    }
}
