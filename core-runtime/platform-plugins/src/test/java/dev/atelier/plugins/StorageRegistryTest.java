package dev.atelier.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.atelier.spi.storage.ObjectNotFoundException;
import dev.atelier.spi.storage.StorageBackend;
import dev.atelier.spi.storage.StorageException;
import dev.atelier.spi.storage.StoredObject;
import dev.atelier.spi.tenant.TenantContext;
import dev.atelier.spi.testkit.TestTenantContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StorageRegistryTest extends RunningHost {

    private static final TenantContext TENANT = TestTenantContext.defaults();

    @Override
    PluginHostSettings settings() {
        return super.settings().withStorageDir(work.resolve("storage"));
    }

    @Test
    void findsTheBackendByItsIdAndCallsItWithTheBundleClassLoader() throws Exception {
        BundleStatus status = host.deploy(bytes(TestBundle.storage("acme.memory", "1.0.0", "memory")), WAIT);

        assertThat(status.state()).isEqualTo("ACTIVE");
        assertThat(status.services()).containsExactly("StorageBackend memory");
        assertThat(host.storage().ids()).containsExactly("memory");
        assertThat(host.storage().find("s3")).isEmpty();
        StorageBackend memory = host.storage().find("memory").orElseThrow();
        assertThat(read(memory, "about/tccl")).isEqualTo("bundle");
        assertThat(Thread.currentThread().getContextClassLoader()).isNotNull();

        StoredObject stored = memory.put("tnt_test/a.txt",
                new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)), 5, "text/plain", TENANT);
        assertThat(stored.size()).isEqualTo(5);
        assertThat(memory.stat("tnt_test/a.txt", TENANT)).hasValueSatisfying(o -> assertThat(o.contentType())
                .isEqualTo("text/plain"));
        assertThat(read(memory, "tnt_test/a.txt")).isEqualTo("hello");
        assertThatThrownBy(() -> memory.get("tnt_test/missing.txt", TENANT)).isInstanceOf(ObjectNotFoundException.class);
        assertThat(status("acme.memory.jar").orElseThrow().metrics().calls()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void callsThroughTheBackendRestoreTheCallersContextClassLoader() throws Exception {
        host.deploy(bytes(TestBundle.storage("acme.memory", "1.0.0", "memory")), WAIT);
        ClassLoader mine = new ClassLoader(getClass().getClassLoader()) {};
        Thread.currentThread().setContextClassLoader(mine);
        try {
            read(host.storage().find("memory").orElseThrow(), "about/tccl");
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(mine);
        } finally {
            Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
        }
    }

    @Test
    void aRemovedBundlesBackendIsNoLongerFoundAndAHandleKeptFromBeforeSaysSo() throws Exception {
        host.deploy(bytes(TestBundle.storage("acme.memory", "1.0.0", "memory")), WAIT);
        StorageBackend kept = host.storage().find("memory").orElseThrow();

        assertThat(host.undeploy("acme.memory", WAIT)).isTrue();

        assertThat(host.storage().find("memory")).isEmpty();
        assertThat(host.storage().ids()).isEmpty();
        assertThatThrownBy(() -> kept.stat("tnt_test/a.txt", TENANT))
                .isInstanceOf(StorageException.class)
                .hasMessage("Storage backend 'memory' is not deployed right now");
    }

    @Test
    void theHighestRankingWinsThenTheNewestBundle() throws Exception {
        host.deploy(bytes(TestBundle.storage("acme.ranked", "1.0.0", "memory").header("Storage-Ranking", "10")), WAIT);
        host.deploy(bytes(TestBundle.storage("acme.newer", "2.0.0", "memory")), WAIT);

        assertThat(read(host.storage().find("memory").orElseThrow(), "about/version")).isEqualTo("1.0.0");
        assertThat(host.storage().ids()).containsExactly("memory");

        host.undeploy("acme.ranked", WAIT);
        host.deploy(bytes(TestBundle.storage("acme.newest", "3.0.0", "memory")), WAIT);

        assertThat(read(host.storage().find("memory").orElseThrow(), "about/version")).isEqualTo("3.0.0");
    }

    @Test
    void aHandleKeptAcrossAnUpdateReachesTheNewVersion() throws Exception {
        TestBundle.storage("acme.memory", "1.0.0", "memory").copyTo(deployDir, "memory.jar");
        awaitStatus("memory.jar", "ACTIVE");
        StorageBackend kept = host.storage().find("memory").orElseThrow();
        assertThat(read(kept, "about/version")).isEqualTo("1.0.0");

        TestBundle.storage("acme.memory", "1.1.0", "memory").copyTo(deployDir, "memory.jar");
        await().atMost(WAIT).until(() -> read(kept, "about/version").equals("1.1.0"));

        await().atMost(WAIT).until(() -> host.bundles().size() == 1);
        assertThat(read(host.storage().find("memory").orElseThrow(), "about/version")).isEqualTo("1.1.0");
        assertThat(events).anySatisfy(event -> assertThat(event.action()).isEqualTo("UPDATED"));
    }

    @Test
    void aBackendWithoutAnIdIsIgnored() throws Exception {
        BundleStatus status = host.deploy(bytes(TestBundle.storage("acme.anonymous", "1.0.0", null)), WAIT);

        assertThat(status.state()).isEqualTo("ACTIVE");
        assertThat(status.services()).containsExactly("StorageBackend (ignored)");
        assertThat(host.storage().ids()).isEmpty();
    }

    @Test
    void bundlesSeeTheStorageFolderAsTheFrameworkProperty() throws Exception {
        host.deploy(bytes(TestBundle.storage("acme.memory", "1.0.0", "memory")), WAIT);

        assertThat(read(host.storage().find("memory").orElseThrow(), "about/storage-dir"))
                .isEqualTo(work.resolve("storage").toAbsolutePath().toString());
    }

    private static InputStream bytes(TestBundle bundle) {
        return new ByteArrayInputStream(bundle.toBytes());
    }

    private static String read(StorageBackend backend, String key) throws StorageException, IOException {
        try (InputStream in = backend.get(key, TENANT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
