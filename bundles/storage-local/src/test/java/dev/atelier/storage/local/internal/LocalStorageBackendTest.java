package dev.atelier.storage.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.spi.storage.StorageBackend;
import dev.atelier.spi.storage.StorageException;
import dev.atelier.spi.tenant.TenantContext;
import dev.atelier.spi.testkit.StorageBackendContract;
import dev.atelier.spi.testkit.TestTenantContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalStorageBackendTest extends StorageBackendContract {

    @TempDir
    Path work;

    private Path root() {
        return work.resolve("storage");
    }

    @Override
    protected StorageBackend createBackend() {
        return new LocalStorageBackend(root());
    }

    @Test
    void keepsAnObjectAsAFileInTheTenantsFolder() throws Exception {
        backend.put("outputs/gen_1.png", stream("picture"), 7, "image/png", tenant());

        Path file = root().resolve("tnt_test").resolve("outputs").resolve("gen_1.png");
        assertThat(file).hasContent("picture");
        assertThat(ObjectPaths.typeFile(file)).as("the name says the type").doesNotExist();
    }

    @Test
    void writesTheTypeDownWhenTheNameDoesNotSayIt() throws Exception {
        backend.put("outputs/gen_1.png", stream("picture"), 7, "image/png", tenant());
        backend.put("outputs/gen_1.png", stream("not a png"), 9, "text/plain", tenant());
        Path file = root().resolve("tnt_test").resolve("outputs").resolve("gen_1.png");
        assertThat(ObjectPaths.typeFile(file)).hasContent("text/plain");
        assertThat(backend.stat("outputs/gen_1.png", tenant()))
                .hasValueSatisfying(o -> assertThat(o.contentType()).isEqualTo("text/plain"));

        backend.put("outputs/gen_1.png", stream("picture"), 7, "image/png", tenant());

        assertThat(ObjectPaths.typeFile(file)).as("the other type is gone with its object").doesNotExist();
        assertThat(backend.stat("outputs/gen_1.png", tenant()))
                .hasValueSatisfying(o -> assertThat(o.contentType()).isEqualTo("image/png"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.png", "a/../../escape.png", "a/..", "..", "/etc/passwd", "a//b", "a/./b", "a/",
            ".", "a\\..\\b", "with space", "tilde~type", "percent%2e%2e", "ünïcode", ""})
    void refusesKeysThatAreNotPlainPathsInsideTheTenantsFolder(String key) throws IOException {
        assertThatThrownBy(() -> backend.put(key, stream("x"), 1, "text/plain", tenant()))
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> backend.stat(key, tenant())).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> backend.get(key, tenant())).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> backend.delete(key, tenant())).isInstanceOf(StorageException.class);
        assertThat(filesUnder(work)).isEmpty();
    }

    @Test
    void acceptsKeysOfUpTo512Characters() throws Exception {
        String longest = "a/".repeat(131) + "b".repeat(250);
        assertThat(longest).hasSize(512);

        backend.put(longest, stream("x"), 1, "text/plain", tenant());

        assertThat(backend.exists(longest, tenant())).isTrue();
        assertThatThrownBy(() -> backend.put(longest + "c", stream("x"), 1, "text/plain", tenant()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("1 to 512 characters");
    }

    @Test
    void refusesKeysWithASegmentLongerThanAFileNameMayBe() throws Exception {
        String segment = "c".repeat(251);

        assertThatThrownBy(() -> backend.put("a/" + segment, stream("x"), 1, "text/plain", tenant()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("250");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "tnt/other", "tnt\\other", ""})
    void refusesTenantIdsThatDoNotNameOneFolder(String tenantId) {
        TenantContext odd = new TestTenantContext(tenantId.isEmpty() ? " " : tenantId, "odd", Map.of(), "req");

        assertThatThrownBy(() -> backend.put("a.png", stream("x"), 1, "image/png", odd))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        backend.put("a/ok.png", stream("fine"), 4, "image/png", tenant());
        assertThatThrownBy(() -> backend.put("a/failed.png", failingStream(), 1000, "image/png", tenant()))
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> backend.put("a/short.png", stream("abc"), 1000, "image/png", tenant()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("Expected 1000 bytes");

        assertThat(filesUnder(root())).containsExactly(root().resolve("tnt_test/a/ok.png"));
    }

    @Test
    void aFileAndAFolderOfTheSameNameCannotBothBeObjects() throws Exception {
        backend.put("a", stream("file"), 4, "text/plain", tenant());

        assertThatThrownBy(() -> backend.put("a/b", stream("x"), 1, "text/plain", tenant()))
                .isInstanceOf(StorageException.class);
        assertThat(backend.stat("a", tenant())).isPresent();
    }

    @Test
    void aFolderIsNotAnObject() throws Exception {
        backend.put("folder/inside.png", stream("x"), 1, "image/png", tenant());

        assertThat(backend.stat("folder", tenant())).isEmpty();
        assertThat(backend.delete("folder", tenant())).isFalse();
        assertThat(backend.exists("folder/inside.png", tenant())).isTrue();
    }

    @Test
    void guessesTheContentTypeOfAFilePlacedByHand() throws Exception {
        Path file = root().resolve("tnt_test/imported/photo.png");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "png");

        assertThat(backend.stat("imported/photo.png", tenant()))
                .hasValueSatisfying(o -> assertThat(o.contentType()).isEqualTo("image/png"));
    }

    @Test
    void handsOutNoUrlsBecauseThePlatformServesLocalFilesItself() throws Exception {
        backend.put("a.png", stream("x"), 1, "image/png", tenant());

        assertThat(backend.readUrl("a.png", Duration.ofMinutes(5), tenant())).isEmpty();
    }

    @Test
    void fallsBackToAStorageFolderInTheWorkingDirectoryWithoutTheFrameworkProperty() {
        assertThat(LocalStorageBackend.storageDir(null)).isEqualTo(Path.of("storage").toAbsolutePath());
        assertThat(LocalStorageBackend.storageDir(" ")).isEqualTo(Path.of("storage").toAbsolutePath());
        assertThat(LocalStorageBackend.storageDir("/srv/atelier/storage")).isEqualTo(Path.of("/srv/atelier/storage"));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream failingStream() {
        return new InputStream() {
            private int left = 100;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("connection reset (test)");
                }
                return 'x';
            }
        };
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
