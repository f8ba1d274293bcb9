package dev.atelier.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Lowers the scheduling priority of the JVM's JIT compiler threads (nice 10 above the process's own), for
 * {@code start}. A start runs a great deal of code only once; on a small machine the compilers spent more CPU during
 * a start than the start itself, beside it on the same cores, and the start waited for them. At a lower priority they
 * compile in the time the platform leaves free. Measured on 2 cores: a warm restart 0.1-0.25 s sooner, and the same
 * generation throughput and idle latency once running (docs/BENCHMARKS.md, start-up).
 *
 * <p>HotSpot can do this itself only with {@code -XX:ThreadPriorityPolicy=1}, which also raises the priority of its own
 * service threads (root only) and prints a warning for everyone else. Lowering a thread's priority needs no privilege,
 * so this asks {@code renice} for the compiler threads, found by name under {@code /proc/self/task}. Where any of that
 * is missing (not Linux, no {@code renice}), nothing changes.
 */
final class CompilerThreads {

    private static final int NICE_STEP = 10;
    private static final int MAX_NICE = 19;
    private static final long RENICE_WAIT_SECONDS = 5;

    private CompilerThreads() {
    }

    /** Lowers the compilers' priority on a daemon thread, beside the caller. */
    static void lowerPriorityBeside() {
        Thread thread = new Thread(() -> lowerPriority(), "atelier-start-compiler-priority");
        thread.setDaemon(true);
        thread.start();
    }

    /** Returns the ids of the threads it asked {@code renice} for (on more cores, HotSpot adds compilers later). */
    static List<String> lowerPriority() {
        List<String> compilers = List.of();
        try {
            compilers = compilerThreadIds(Path.of("/proc/self/task"));
            if (compilers.isEmpty()) {
                return compilers;
            }
            int nice = Math.min(MAX_NICE, processNice(Path.of("/proc/self/stat")) + NICE_STEP);
            List<String> command = new ArrayList<>(List.of("renice", String.valueOf(nice), "-p"));
            command.addAll(compilers);
            Process renice = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(RENICE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
            }
        } catch (IOException | RuntimeException e) {
            // Only time is at stake: the compilers keep the process's priority.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return compilers;
    }

    /** The ids of the threads named as HotSpot names its compiler threads ("C1 CompilerThread0", cut to 15). */
    static List<String> compilerThreadIds(Path tasks) throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    String name = Files.readString(thread.resolve("comm")).strip();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        ids.add(thread.getFileName().toString());
                    }
                } catch (IOException e) {
                    // The thread ended while being listed.
                }
            }
        }
        return ids;
    }

    /** The process's nice value: field 19 of {@code /proc/self/stat}, counted after the command's closing bracket. */
    static int processNice(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
