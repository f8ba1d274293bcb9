package dev.atelier.plugins.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarDigestsTest {

    @TempDir
    Path dir;

    @Test
    void aSettledFileIsHashedOnceAndItsHashKeptAcrossRestarts() throws Exception {
        Path jar = settled(Files.writeString(dir.resolve("a.jar"), "first content"));
        Path store = dir.resolve("deploy-digests.properties");
        JarDigests.keepIn(store);

        String hash = JarDigests.sha256(jar);

        assertThat(hash).isEqualTo(DeployFolderWatcher.sha256(jar));
        assertThat(Files.readString(store)).contains(jar.toAbsolutePath().toString().replace(":", "\\:"))
                .contains(hash);
    }

    @Test
    void contentWrittenUnderTheSameNameSizeAndModificationTimeIsHashedAgain() throws Exception {
        Path jar = settled(Files.writeString(dir.resolve("b.jar"), "content one"));
        JarDigests.keepIn(dir.resolve("deploy-digests.properties"));
        String before = JarDigests.sha256(jar);
        FileTime modified = Files.getLastModifiedTime(jar);

        // Same length, modification time set back as `cp -p` or `touch -r` would: only the change time tells.
        Files.writeString(jar, "content two");
        Files.setLastModifiedTime(jar, modified);

        assertThat(JarDigests.sha256(jar)).isNotEqualTo(before).isEqualTo(DeployFolderWatcher.sha256(jar));
    }

    @Test
    void aFileReplacedByAnotherIsHashedAgain() throws Exception {
        Path jar = settled(Files.writeString(dir.resolve("c.jar"), "version one"));
        JarDigests.keepIn(dir.resolve("deploy-digests.properties"));
        String before = JarDigests.sha256(jar);

        Path staged = settled(Files.writeString(dir.resolve(".staged"), "version two"));
        Files.move(staged, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(JarDigests.sha256(jar)).isNotEqualTo(before).isEqualTo(DeployFolderWatcher.sha256(jar));
    }

    @Test
    void aFileJustChangedIsNotRemembered() throws Exception {
        Path jar = Files.writeString(dir.resolve("d.jar"), "fresh");
        Path store = dir.resolve("deploy-digests.properties");
        JarDigests.keepIn(store);

        JarDigests.sha256(jar);

        assertThat(store).doesNotExist();
    }

    @Test
    void anUnreadableStoreOnlyMeansHashingAgain() throws Exception {
        Path store = Files.writeString(dir.resolve("deploy-digests.properties"), "\\u00zz broken");
        Path jar = settled(Files.writeString(dir.resolve("e.jar"), "content"));

        JarDigests.keepIn(store);

        assertThat(JarDigests.sha256(jar)).isEqualTo(DeployFolderWatcher.sha256(jar));
    }

    /** Waits until the file's change time is old enough to be trusted (the class remembers nothing younger). */
    private static Path settled(Path file) throws IOException, InterruptedException {
        Instant changed = ((FileTime) Files.getAttribute(file, "unix:ctime")).toInstant();
        long wait = changed.plusMillis(2_100).toEpochMilli() - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        return file;
    }
}
