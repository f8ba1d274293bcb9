package dev.atelier.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secret (the local operator token, the embedded database's password) reaches its file without ever being readable by another user. */
class OwnerOnlyFileTest {

    @TempDir
    Path dataDir;

    @Test
    void aNewTokenFileIsOwnerOnlyAndNothingElseIsLeftBehind() throws Exception {
        Path file = dataDir.resolve("operator-token");

        OwnerOnlyFile.write(file, "op_secret\n");

        assertThat(file).hasContent("op_secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var listing = Files.list(dataDir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void someoneHoldingTheOldWorldReadableFileOpenNeverReadsTheNewToken() throws Exception {
        Path file = dataDir.resolve("operator-token");
        Files.writeString(file, "op_stale\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        try (InputStream openedByAnotherUser = Files.newInputStream(file)) {
            OwnerOnlyFile.write(file, "op_fresh_secret\n");

            assertThat(new String(openedByAnotherUser.readAllBytes(), StandardCharsets.UTF_8))
                    .doesNotContain("op_fresh_secret");
        }
        assertThat(file).hasContent("op_fresh_secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
