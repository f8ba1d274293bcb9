package dev.atelier.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * Run in a JVM of its own by {@link CompilerThreadsTest}, so that the test's JVM keeps its compilers' priority: lowers
 * this JVM's compilers and prints the process's nice value, then each lowered thread's.
 */
public final class CompilerThreadsProbe {

    private CompilerThreadsProbe() {
    }

    public static void main(String[] args) throws Exception {
        int process = CompilerThreads.processNice(Path.of("/proc/self/stat"));
        List<String> lowered = CompilerThreads.lowerPriority();
        StringBuilder out = new StringBuilder("process " + process);
        for (String id : lowered) {
            out.append(" thread ").append(CompilerThreads.processNice(Path.of("/proc/self/task", id, "stat")));
        }
        System.out.println(out);
    }
}
