package dev.atelier.storage.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.spi.storage.StorageBackend;
import dev.atelier.spi.storage.StorageException;
import dev.atelier.spi.tenant.TenantContext;
import dev.atelier.spi.testkit.GeneratedStream;
import dev.atelier.spi.testkit.StorageBackendContract;
import dev.atelier.spi.testkit.TestTenantContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The contract against a real S3 server (S3Proxy, in memory, path style, V4 signatures; it enforces the expiry of
 * presigned URLs, so the contract's expiry check runs as is), and what is particular to S3.
 */
class S3StorageBackendTest extends StorageBackendContract {

    private static final long MB = 1024 * 1024;
    private static S3ProxyServer s3;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3ProxyServer.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }

    @Override
    protected StorageBackend createBackend() {
        return new S3StorageBackend();
    }

    @Override
    protected TenantContext tenant() {
        return tenantWith(Map.of());
    }

    private static TenantContext tenantWith(Map<String, String> overrides) {
        return TestTenantContext.withConfig(s3.config(overrides));
    }

    @Test
    void uploadsALargeObjectInPartsAndKeepsItIntact() throws Exception {
        String key = key(tenant(), "videos/forty.mp4");
        long size = 40 * MB;
        GeneratedStream content = new GeneratedStream(size, 21, -1);

        var stored = backend.put(key, content, size, "video/mp4", tenant());

        assertThat(stored.size()).isEqualTo(size);
        assertThat(content.position()).isEqualTo(size);
        HeadObjectResponse head = s3.admin().headObject(b -> b.bucket(S3ProxyServer.BUCKET).key("tnt_test/" + key));
        assertThat(head.contentLength()).isEqualTo(size);
        assertThat(head.contentType()).isEqualTo("video/mp4");
        assertThat(head.eTag()).as("a multipart ETag ends in the number of parts").endsWith("-5\"");
        assertThat(GeneratedStream.sha256(backend.get(key, tenant()))).isEqualTo(content.hexDigest());
        assertThat(openUploads()).isZero();
        backend.delete(key, tenant());
    }

    @Test
    void aFailedMultipartUploadIsAbortedAndLeavesNoObject() throws Exception {
        String key = key(tenant(), "videos/dropped.mp4");
        long size = 40 * MB;

        assertThatThrownBy(() -> backend.put(key, new GeneratedStream(size, 22, 20 * MB), size, "video/mp4", tenant()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(key)
                .hasMessageContaining("interrupted");

        assertThat(backend.exists(key, tenant())).isFalse();
        assertThat(openUploads()).as("multipart uploads left open").isZero();
    }

    @Test
    void storesObjectsOfUnknownLength() throws Exception {
        String small = key(tenant(), "unknown/small.txt");
        String large = key(tenant(), "unknown/large.bin");
        GeneratedStream largeContent = new GeneratedStream(20 * MB + 123, 23, -1);

        backend.put(small, new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)), -1, "text/plain",
                tenant());
        var stored = backend.put(large, largeContent, -1, "application/octet-stream", tenant());

        assertThat(backend.get(small, tenant()).readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("hello");
        assertThat(stored.size()).isEqualTo(20 * MB + 123);
        assertThat(GeneratedStream.sha256(backend.get(large, tenant()))).isEqualTo(largeContent.hexDigest());
        backend.delete(small, tenant());
        backend.delete(large, tenant());
    }

    @Test
    void refusesContentThatDoesNotHaveTheDeclaredLength() throws Exception {
        String key = key(tenant(), "wrong-length.png");

        assertThatThrownBy(() -> backend.put(key, stream("abc"), 1000, "image/png", tenant()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("ended after 3 of the 1000 bytes");
        assertThatThrownBy(() -> backend.put(key, stream("abcdef"), 3, "image/png", tenant()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("more than the 3 bytes");

        assertThat(backend.exists(key, tenant())).isFalse();
    }

    @Test
    void keepsObjectsUnderThePrefixAndTheTenantsFolder() throws Exception {
        TenantContext prefixed = tenantWith(Map.of(S3Settings.PREFIX.key(), "/atelier/objects/"));

        backend.put("outputs/gen_1.png", stream("picture"), 7, "image/png", prefixed);

        var listed = s3.admin().listObjectsV2(b -> b.bucket(S3ProxyServer.BUCKET).prefix("atelier/")).contents();
        assertThat(listed).extracting(o -> o.key()).containsExactly("atelier/objects/tnt_test/outputs/gen_1.png");
        assertThat(backend.exists("outputs/gen_1.png", tenant())).as("seen without the prefix").isFalse();
        assertThat(backend.delete("outputs/gen_1.png", prefixed)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.png", "a/../../escape.png", "a/..", "..", "/etc/passwd", "a//b", "a/./b", "a/",
            ".", "with space", "percent%2e%2e", "ünïcode", "back\\slash", ""})
    void refusesKeysThatAreNotPlainPaths(String key) {
        assertThatThrownBy(() -> backend.put(key, stream("x"), 1, "text/plain", tenant()))
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> backend.stat(key, tenant())).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> backend.get(key, tenant())).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> backend.delete(key, tenant())).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> backend.readUrl(key, Duration.ofMinutes(1), tenant()))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void acceptsKeysOfUpTo512Characters() throws Exception {
        String longest = "a/".repeat(131) + "b".repeat(250);

        backend.put(longest, stream("x"), 1, "text/plain", tenant());

        assertThat(backend.exists(longest, tenant())).isTrue();
        assertThat(backend.delete(longest, tenant())).isTrue();
        assertThatThrownBy(() -> backend.stat(longest + "c", tenant())).isInstanceOf(StorageException.class)
                .hasMessageContaining("1 to 512 characters");
    }

    @Test
    void capsReadUrlsAtSevenDays() throws Exception {
        URI url = backend.readUrl("tnt_test/any.png", Duration.ofDays(30), tenant()).orElseThrow();

        assertThat(url.getRawQuery()).contains("X-Amz-Expires=604800");
        assertThat(url.toString()).startsWith(s3.endpoint() + "/" + S3ProxyServer.BUCKET + "/tnt_test/tnt_test/any.png?");
        assertThatThrownBy(() -> backend.readUrl("tnt_test/any.png", Duration.ZERO, tenant()))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void tellsOperatorsThatTheBucketIsMissing() {
        TenantContext tenant = tenantWith(Map.of(S3Settings.BUCKET.key(), "no-such-bucket"));

        assertThatThrownBy(() -> backend.put("a.png", stream("x"), 1, "image/png", tenant))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("bucket no-such-bucket at " + s3.endpoint())
                .hasMessageContaining("NoSuchBucket")
                .hasMessageContaining("tnt_test")
                .hasMessageNotContaining(S3ProxyServer.SECRET_KEY);
    }

    @Test
    void tellsOperatorsToCheckTheCredentialsWithoutNamingTheSecret() {
        TenantContext tenant = tenantWith(Map.of(S3Settings.SECRET_ACCESS_KEY.key(), "wrong-secret-value"));

        assertThatThrownBy(() -> backend.stat("a.png", tenant))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("403")
                .hasMessageContaining("check the tenant's access_key_id, secret_access_key")
                .hasMessageNotContaining("wrong-secret-value");
        assertThatThrownBy(() -> backend.put("a.png", stream("x"), 1, "image/png", tenant))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("access_key_id")
                .hasMessageNotContaining("wrong-secret-value");
    }

    @Test
    void failsQuicklyWithAMessageWhenTheServiceCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TenantContext tenant = tenantWith(Map.of(S3Settings.ENDPOINT.key(), "http://127.0.0.1:" + closedPort));

        assertThatThrownBy(() -> backend.get("a.png", tenant))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("Could not read a.png for tenant tnt_test in bucket atelier-test at "
                        + "http://127.0.0.1:" + closedPort);
    }

    @Test
    void namesTheSettingThatIsMissingOrWrong() {
        assertThatThrownBy(() -> backend.stat("a.png", tenantWith(mapWithNull(S3Settings.BUCKET.key()))))
                .isInstanceOf(StorageException.class).hasMessageContaining("setting 'bucket' is required");
        assertThatThrownBy(() -> backend.stat("a.png", tenantWith(mapWithNull(S3Settings.SECRET_ACCESS_KEY.key()))))
                .isInstanceOf(StorageException.class).hasMessageContaining("setting 'secret_access_key' is required");
        assertThatThrownBy(() -> backend.stat("a.png", tenantWith(Map.of(S3Settings.PATH_STYLE.key(), "yes"))))
                .isInstanceOf(StorageException.class).hasMessageContaining("'path_style'");
        assertThatThrownBy(() -> backend.stat("a.png", tenantWith(Map.of(S3Settings.ENDPOINT.key(), "ftp://x"))))
                .isInstanceOf(StorageException.class).hasMessageContaining("'endpoint'");
        assertThatThrownBy(() -> backend.stat("a.png", tenantWith(Map.of(S3Settings.BUCKET.key(), "Not_A_Bucket"))))
                .isInstanceOf(StorageException.class).hasMessageContaining("'bucket'");
        assertThatThrownBy(() -> backend.stat("a.png", tenantWith(Map.of(S3Settings.PREFIX.key(), "a/../b"))))
                .isInstanceOf(StorageException.class).hasMessageContaining("'prefix'");
    }

    @Test
    void sharesOneClientBetweenTenantsWithTheSameServiceAndCredentials() throws Exception {
        S3Clients clients = new S3Clients();
        try (S3StorageBackend shared = new S3StorageBackend(clients)) {
            TenantContext other = new TestTenantContext("tnt_other", "other", tenant().pluginConfig(), "req_other");
            TenantContext otherBucket = tenantWith(Map.of(S3Settings.BUCKET.key(), "another-bucket"));
            TenantContext otherKey = tenantWith(Map.of(S3Settings.ACCESS_KEY_ID.key(), "someone-else"));

            shared.stat("a.png", tenant());
            shared.stat("a.png", other);
            shared.readUrl("a.png", Duration.ofMinutes(1), otherBucket);
            assertThat(clients.size()).isEqualTo(1);

            shared.readUrl("a.png", Duration.ofMinutes(1), otherKey);
            assertThat(clients.size()).isEqualTo(2);
        }
        assertThat(clients.size()).as("after the backend was closed").isZero();
        assertThatThrownBy(() -> new S3StorageBackend(clients).stat("a.png", tenant()))
                .isInstanceOf(StorageException.class).hasMessageContaining("stopped");
    }

    private static Map<String, String> mapWithNull(String key) {
        Map<String, String> map = new HashMap<>();
        map.put(key, null);
        return map;
    }

    private static int openUploads() {
        return s3.admin().listMultipartUploads(b -> b.bucket(S3ProxyServer.BUCKET)).uploads().size();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
