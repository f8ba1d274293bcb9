package dev.atelier.plugins.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The first look at the deploy folder: which jars are read at once, and which wait for a second look. */
class DeployFolderWatcherTest {

    @TempDir
    Path folder;

    private final List<String> added = new CopyOnWriteArrayList<>();

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void readsAJarNobodyWroteToForTheIntervalAtOnce() throws Exception {
        DeployFolderWatcher watching = watcherOf(folder);
        jar("settled.jar", Instant.now().minus(Duration.ofHours(1)));

        // A second look would come an hour later: the test's time limit shows there was none.
        watching.scanNow(Duration.ofHours(1));

        assertThat(added).containsExactly("settled.jar");
    }

    @Test
    void looksAgainAtAJarWrittenJustNowBeforeReadingIt() throws Exception {
        DeployFolderWatcher watching = watcherOf(folder);
        jar("settled.jar", Instant.now().minus(Duration.ofHours(1)));
        jar("fresh.jar", Instant.now());
        jar("from-a-clock-ahead.jar", Instant.now().plus(Duration.ofMinutes(5)));

        watching.scanNow(Duration.ofMillis(200));

        assertThat(added).containsExactlyInAnyOrder("settled.jar", "fresh.jar", "from-a-clock-ahead.jar");
    }

    private DeployFolderWatcher watcherOf(Path deployFolder) {
        return new DeployFolderWatcher(deployFolder, new DeployFolderWatcher.Handler() {
            @Override
            public void added(Path jar, String hash) {
                added.add(jar.getFileName().toString());
            }

            @Override
            public void changed(Path jar, String hash) {
                added.add("changed " + jar.getFileName());
            }

            @Override
            public void removed(String fileName) {
                added.add("removed " + fileName);
            }
        });
    }

    private void jar(String name, Instant modified) throws Exception {
        Path jar = Files.write(folder.resolve(name), new byte[] {'P', 'K', 3, 4});
        Files.setLastModifiedTime(jar, FileTime.from(modified));
    }
}
