package dev.atelier.web.operator.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking an uploaded tenant folder never writes outside its directory and stays within its bounds. */
class TenantFolderZipTest {

    @TempDir
    Path base;

    @Test
    void unpacksAFolderWithItsSubfolders() throws IOException {
        Path into = Files.createDirectory(base.resolve("into"));

        TenantFolderZip.unpack(zip(Map.of("acme/tenant.yaml", "slug: acme", "acme/assets/logo.svg", "<svg/>")), into);

        assertThat(into.resolve("acme/tenant.yaml")).hasContent("slug: acme");
        assertThat(into.resolve("acme/assets/logo.svg")).hasContent("<svg/>");
    }

    @Test
    void refusesEveryPathThatLeavesTheFolder() throws IOException {
        Path into = Files.createDirectory(base.resolve("into"));
        for (String name : new String[] {"../escaped.txt", "acme/../../escaped.txt", "/etc/escaped.txt",
                "C:/escaped.txt", "acme\\..\\escaped.txt", ".."}) {
            assertThatThrownBy(() -> TenantFolderZip.unpack(zip(Map.of(name, "x")), into)).as(name)
                    .isInstanceOf(InvalidUploadException.class).hasMessageContaining("outside its folder");
        }
        assertThat(base.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void refusesWhatUnpacksTooLargeOrHoldsTooManyEntries() throws IOException {
        Path into = Files.createDirectory(base.resolve("into"));
        String big = "a".repeat((int) TenantFolderZip.MAX_UNPACKED_BYTES + 1);
        assertThatThrownBy(() -> TenantFolderZip.unpack(zip(Map.of("acme/big.txt", big)), into))
                .isInstanceOf(InvalidUploadException.class).hasMessageContaining("unpacks to more than");

        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i <= TenantFolderZip.MAX_ENTRIES; i++) {
            many.put("acme/f" + i, "");
        }
        assertThatThrownBy(() -> TenantFolderZip.unpack(zip(many), Files.createDirectory(base.resolve("many"))))
                .isInstanceOf(InvalidUploadException.class).hasMessageContaining("entries");
    }

    @Test
    void refusesWhatIsNoZip() {
        assertThatThrownBy(() -> TenantFolderZip.unpack(new ByteArrayInputStream("hello".getBytes()),
                Files.createDirectory(base.resolve("into")))).isInstanceOf(InvalidUploadException.class);
    }

    private static ByteArrayInputStream zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes());
                out.closeEntry();
            }
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
