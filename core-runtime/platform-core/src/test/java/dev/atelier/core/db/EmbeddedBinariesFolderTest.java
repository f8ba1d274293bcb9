package dev.atelier.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An installation's data folders share one binaries folder: the binaries are unpacked once, not per data folder. */
class EmbeddedBinariesFolderTest {

    @TempDir
    Path installation;

    @Test
    void twoDataFoldersRunTheBinariesUnpackedOnceIntoTheSharedOwnerOnlyFolder() throws IOException {
        Path binaries = installation.resolve("postgres-binaries");
        for (String data : List.of("data-a", "data-b")) {
            Path cluster = installation.resolve(data).resolve("postgres");
            try (Database database = Database.start(new DatabaseSettings(null, null, null, 2, cluster, 0,
                    binaries))) {
                assertThat(Path.of(serverCommand(cluster))).startsWith(binaries);
            }
            assertThat(installation.resolve(data).resolve("postgres-binaries")).doesNotExist();
        }
        try (Stream<Path> unpacked = Files.list(binaries.resolve("unpacked"))) {
            assertThat(unpacked).hasSize(1);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(binaries))).isEqualTo("rwx------");
    }

    private static String serverCommand(Path cluster) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(cluster.resolve("postmaster.pid")).get(0).strip());
        return ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow();
    }
}
