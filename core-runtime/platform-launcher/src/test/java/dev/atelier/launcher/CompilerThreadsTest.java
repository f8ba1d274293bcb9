package dev.atelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void theCompilersOfThisJvmEndTenAboveTheProcess() throws IOException {
        int process = CompilerThreads.processNice(Path.of("/proc/self/stat"));

        List<String> compilers = CompilerThreads.lowerPriority();

        assertThat(compilers).isNotEmpty();
        for (String id : compilers) {
            assertThat(CompilerThreads.processNice(Path.of("/proc/self/task", id, "stat")))
                    .isEqualTo(Math.min(19, process + 10));
        }
    }

    private void task(String id, String name) throws IOException {
        Files.writeString(Files.createDirectories(proc.resolve(id)).resolve("comm"), name + "\n");
    }
}
