package dev.atelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerThreadsTest {

    @TempDir
    Path proc;

    @Test
    void findsTheCompilerThreadsByTheirNames() throws IOException {
        task("101", "main");
        task("102", "C2 CompilerThre");
        task("103", "C1 CompilerThre");
        task("104", "atelier-http-12");
        task("105", "Sweeper thread");

        assertThat(CompilerThreads.compilerThreadIds(proc)).containsExactlyInAnyOrder("102", "103");
    }

    @Test
    void readsTheNiceValueAfterTheCommandName() throws IOException {
        // A command name may hold spaces and brackets; the fields are counted after its last ')'.
        Path stat = Files.writeString(proc.resolve("stat"), "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 0 0 0 0"
                + " 12 3 0 0 20 5 40 0 100 0\n");

        assertThat(CompilerThreads.processNice(stat)).isEqualTo(5);
    }

    @Test
    void aJvmsCompilersEndTenAboveItsProcess() throws Exception {
        // In a JVM of its own: lowered here, this JVM's compilers would stay lowered for every later test in the fork.
        Process probe = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), CompilerThreadsProbe.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes()).strip();
        assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();

        String[] words = out.split(" ");
        assertThat(words[0]).as(out).isEqualTo("process");
        int process = Integer.parseInt(words[1]);
        assertThat(out).as("the probe lowered at least one compiler thread").contains(" thread ");
        for (int i = 2; i < words.length; i += 2) {
            assertThat(Integer.parseInt(words[i + 1])).as(out).isEqualTo(Math.min(19, process + 10));
        }
    }

    private void task(String id, String name) throws IOException {
        Files.writeString(Files.createDirectories(proc.resolve(id)).resolve("comm"), name + "\n");
    }
}
