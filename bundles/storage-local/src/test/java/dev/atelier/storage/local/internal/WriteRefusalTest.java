package dev.atelier.storage.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.spi.storage.StorageException;
import dev.atelier.spi.testkit.TestTenantContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write the file system refuses is reported with its real cause, not a guess. */
class WriteRefusalTest {

    @TempDir
    Path work;

    @Test
    void aKeyWhoseFolderIsAFileIsReportedAsAFileAndAFolderOfTheSameName() throws Exception {
        LocalStorageBackend backend = new LocalStorageBackend(work);
        var tenant = TestTenantContext.defaults();
        backend.put("a", new ByteArrayInputStream(bytes("file")), 4, "text/plain", tenant);

        assertThatThrownBy(() -> backend.put("a/b", new ByteArrayInputStream(bytes("x")), 1, "text/plain", tenant))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("a file and a folder of the same name");
    }

    // The JDK's exceptions as the file system raises them for EACCES, EROFS and ENOSPC.
    @Test
    void aRefusedPermissionIsReportedAsSuch() {
        assertThat(WriteRefusal.reason(new AccessDeniedException("/srv/storage/tnt/a.png")))
                .isEqualTo("permission denied (/srv/storage/tnt/a.png)");
    }

    @Test
    void aReadOnlyFileSystemIsReportedAsSuch() {
        assertThat(WriteRefusal.reason(new FileSystemException("/srv/storage/tnt", null, "Read-only file system")))
                .isEqualTo("read-only file system (/srv/storage/tnt)")
                .doesNotContain("same name");
    }

    @Test
    void aFullDiskIsReportedAsSuch() {
        assertThat(WriteRefusal.reason(new IOException("No space left on device")))
                .isEqualTo("no space left on device");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
