package dev.atelier.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.spi.storage.ObjectNotFoundException;
import dev.atelier.spi.storage.StorageBackend;
import dev.atelier.spi.storage.StorageException;
import dev.atelier.spi.storage.StoredObject;
import dev.atelier.spi.tenant.TenantContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link StorageBackend} owes the host. A storage bundle is done when its test extending this
 * class passes; the host relies on each property checked here.
 *
 * <p>Extend it in your bundle's unit tests and supply the backend; every {@code @Test} below runs against it:
 *
 * <pre>{@code
 * class AcmeStorageTest extends StorageBackendContract {
 *     @Override
 *     protected StorageBackend createBackend() {
 *         return new AcmeStorage(...);          // as the bundle's component would create it
 *     }
 *
 *     @Override
 *     protected TenantContext tenant() {         // only if the backend needs settings (bucket, endpoint, keys)
 *         return TestTenantContext.withConfig(Map.of("bucket", "test", "endpoint", s3Proxy.uri()));
 *     }
 *
 *     // add the backend's own tests here (key validation, how it lays out objects, ...)
 * }
 * }</pre>
 *
 * <p>What is checked:
 *
 * <ul>
 *   <li><b>round trip</b>: {@code put} returns a {@link StoredObject} with the key, size and content type given, and a
 *       modification time near now; {@code get} returns the same bytes; {@code stat} describes the object the same way
 *       and {@code exists} is true. Keys use every character the SPI allows ({@code / . _ -}, letters, digits);
 *   <li><b>replace</b>: a second put under the same key replaces bytes, size and content type;
 *   <li><b>missing objects</b>: {@code stat} is empty, {@code exists} false, {@code get} throws
 *       {@link ObjectNotFoundException};
 *   <li><b>delete</b>: answers {@code true}, then {@code false} once the object is gone (not an error);
 *   <li><b>tenants apart</b>: the same key under two tenants ({@link #tenant()} and {@link #otherTenant()}) names two
 *       objects; neither sees, replaces nor deletes the other's;
 *   <li><b>large objects</b>: {@link #largeObjectSize()} bytes (20 MB) are streamed in and read back with the same
 *       SHA-256; the test never holds them in memory, and the backend must not need to either;
 *   <li><b>concurrency</b>: {@link #concurrentWriters()} threads writing different keys all succeed and each key holds
 *       its own bytes; threads writing the same key while others read it never expose a torn object: every read is
 *       exactly one writer's complete content, and afterwards the object's bytes, size and content type all come from
 *       one and the same write (the last one to complete);
 *   <li><b>failed put</b>: when the content stream throws midway, {@code put} throws {@link StorageException} and leaves
 *       no object (a new key stays missing, an existing key keeps its previous content);
 *   <li><b>read URLs</b>: {@code readUrl} is either empty (the host then streams the object itself) or a URL that a
 *       plain HTTP client can {@code GET} to receive the bytes, and that is refused (4xx) once its ttl has passed.
 *       The expiry check waits {@link #urlTtlForExpiryCheck()} plus {@link #urlExpiryGrace()}.
 * </ul>
 *
 * <p>A new backend is created before each test with {@link #createBackend()}; it is available as {@link #backend}.
 * Every key the suite writes lies under a random prefix of the run inside the tenant's folder
 * ({@code <tenantId>/contract-<random>/...}, the shape of the host's keys), and the suite deletes what it wrote after
 * each test, so a backend may point at a shared bucket. If the backend is {@link AutoCloseable} it is closed after each
 * test.
 */
public abstract class StorageBackendContract {

    private static final Duration CALL_LIMIT = Duration.ofMinutes(2);

    /** The backend under test, created before each test. */
    protected StorageBackend backend;

    private final String run = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<Written> written = ConcurrentHashMap.newKeySet();

    private record Written(String key, TenantContext tenant) {}

    /** Creates the backend under test, as its bundle's component would create it. Called before each test. */
    protected abstract StorageBackend createBackend() throws Exception;

    /** The tenant most calls are made for; override to hand in the backend's settings (bucket, endpoint, keys). */
    protected TenantContext tenant() {
        return TestTenantContext.defaults();
    }

    /**
     * A second tenant, for the check that tenants are kept apart: by default another tenant id with the same plugin
     * configuration as {@link #tenant()} (two tenants sharing one bucket is exactly when a backend could mix them up).
     */
    protected TenantContext otherTenant() {
        TenantContext first = tenant();
        return new TestTenantContext(first.tenantId() + "_other", first.tenantSlug() + "-other", first.pluginConfig(),
                "req_test_other");
    }

    /** Size of the object of {@link #keepsALargeObjectIntactWithoutHoldingItInMemory()}. */
    protected long largeObjectSize() {
        return 20L * 1024 * 1024;
    }

    /** How many threads the concurrency checks run at once. */
    protected int concurrentWriters() {
        return 8;
    }

    /** The ttl asked for when checking that a read URL expires. */
    protected Duration urlTtlForExpiryCheck() {
        return Duration.ofSeconds(2);
    }

    /** How long after the ttl a read URL may still work (clock granularity of the service signing it). */
    protected Duration urlExpiryGrace() {
        return Duration.ofSeconds(2);
    }

    /** A key of this run for {@code tenant}: {@code <tenantId>/contract-<random>/<name>}. */
    protected String key(TenantContext tenant, String name) {
        return tenant.tenantId() + "/" + run + "/" + name;
    }

    @BeforeEach
    void createBackendUnderTest() throws Exception {
        backend = createBackend();
        assertThat(backend).as("createBackend()").isNotNull();
    }

    @AfterEach
    void deleteWhatTheTestWrote() throws Exception {
        try {
            for (Written object : written) {
                try {
                    backend.delete(object.key(), object.tenant());
                } catch (StorageException | RuntimeException e) {
                    // Cleaning up is a courtesy to shared buckets; the checks have already spoken.
                }
            }
        } finally {
            written.clear();
            if (backend instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    @Test
    void storesAnObjectAndReturnsItsBytesAndDescription() throws Exception {
        String key = key(tenant(), "outputs/gen_01J-round_trip.v1.png");
        byte[] content = bytes(4096, 1);
        Instant before = Instant.now();

        StoredObject stored = put(key, content, "image/png", tenant());

        assertThat(stored.key()).isEqualTo(key);
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertNearNow(stored.lastModified(), before);
        assertThat(read(key, tenant())).isEqualTo(content);
        Optional<StoredObject> stat = backend.stat(key, tenant());
        assertThat(stat).as("stat of a stored object").isPresent();
        assertThat(stat.get().key()).isEqualTo(key);
        assertThat(stat.get().size()).isEqualTo(content.length);
        assertThat(stat.get().contentType()).isEqualTo("image/png");
        assertNearNow(stat.get().lastModified(), before);
        assertThat(backend.exists(key, tenant())).isTrue();
    }

    @Test
    void storesAnEmptyObject() throws Exception {
        String key = key(tenant(), "empty.txt");

        StoredObject stored = put(key, new byte[0], "text/plain", tenant());

        assertThat(stored.size()).isZero();
        assertThat(read(key, tenant())).isEmpty();
        assertThat(backend.stat(key, tenant())).hasValueSatisfying(o -> assertThat(o.size()).isZero());
    }

    @Test
    void aSecondPutUnderTheSameKeyReplacesTheObject() throws Exception {
        String key = key(tenant(), "replaced.bin");
        put(key, bytes(10_000, 2), "image/png", tenant());
        byte[] second = bytes(3_000, 3);

        StoredObject stored = put(key, second, "video/mp4", tenant());

        assertThat(stored.size()).isEqualTo(second.length);
        assertThat(read(key, tenant())).isEqualTo(second);
        assertThat(backend.stat(key, tenant())).hasValueSatisfying(o -> {
            assertThat(o.size()).isEqualTo(second.length);
            assertThat(o.contentType()).isEqualTo("video/mp4");
        });
    }

    @Test
    void aMissingObjectHasNoDescriptionAndCannotBeRead() throws Exception {
        String key = key(tenant(), "never-written.png");

        assertThat(backend.stat(key, tenant())).isEmpty();
        assertThat(backend.exists(key, tenant())).isFalse();
        assertThatThrownBy(() -> backend.get(key, tenant())).isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void deleteRemovesTheObjectAndAnswersFalseOnceItIsGone() throws Exception {
        String key = key(tenant(), "deleted.png");
        put(key, bytes(100, 4), "image/png", tenant());

        assertThat(backend.delete(key, tenant())).as("first delete").isTrue();

        assertThat(backend.delete(key, tenant())).as("second delete").isFalse();
        assertThat(backend.stat(key, tenant())).isEmpty();
        assertThat(backend.exists(key, tenant())).isFalse();
        assertThatThrownBy(() -> backend.get(key, tenant())).isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void keepsTheObjectsOfTwoTenantsApart() throws Exception {
        TenantContext other = otherTenant();
        assertThat(other.tenantId()).as("otherTenant() must be another tenant").isNotEqualTo(tenant().tenantId());
        String key = "shared/" + run + "/same-key.png";
        byte[] mine = bytes(500, 5);
        byte[] theirs = bytes(700, 6);

        put(key, mine, "image/png", tenant());
        assertThat(backend.stat(key, other)).as("the other tenant's view before it wrote").isEmpty();
        assertThatThrownBy(() -> backend.get(key, other)).isInstanceOf(ObjectNotFoundException.class);
        put(key, theirs, "image/webp", other);

        assertThat(read(key, tenant())).isEqualTo(mine);
        assertThat(read(key, other)).isEqualTo(theirs);
        assertThat(backend.stat(key, tenant())).hasValueSatisfying(o -> assertThat(o.contentType())
                .isEqualTo("image/png"));
        assertThat(backend.delete(key, other)).isTrue();
        assertThat(read(key, tenant())).as("still there after the other tenant deleted its own").isEqualTo(mine);
    }

    @Test
    void keepsALargeObjectIntactWithoutHoldingItInMemory() throws Exception {
        String key = key(tenant(), "videos/large.mp4");
        long size = largeObjectSize();
        GeneratedStream content = new GeneratedStream(size, 7, -1);

        StoredObject stored = backend.put(key, content, size, "video/mp4", tenant());
        written.add(new Written(key, tenant()));

        assertThat(stored.size()).isEqualTo(size);
        assertThat(content.position()).as("bytes the backend read from the stream").isEqualTo(size);
        assertThat(backend.stat(key, tenant())).hasValueSatisfying(o -> assertThat(o.size()).isEqualTo(size));
        assertThat(GeneratedStream.sha256(backend.get(key, tenant()))).as("the bytes read back")
                .isEqualTo(content.hexDigest());
    }

    @Test
    void concurrentWritersOfDifferentKeysAllSucceed() throws Exception {
        int writers = concurrentWriters();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int writer = i;
            tasks.add(() -> {
                put(key(tenant(), "parallel/" + writer + ".bin"), bytes(64 * 1024 + writer, 100 + writer),
                        "application/octet-stream", tenant());
                return null;
            });
        }

        runTogether(tasks);

        for (int i = 0; i < writers; i++) {
            assertThat(read(key(tenant(), "parallel/" + i + ".bin"), tenant())).as("object of writer " + i)
                    .isEqualTo(bytes(64 * 1024 + i, 100 + i));
        }
    }

    @Test
    void concurrentWritersOfOneKeyNeverExposeATornObject() throws Exception {
        String key = key(tenant(), "contended.bin");
        int writers = concurrentWriters();
        int size = 256 * 1024;
        put(key, uniform(size, 0), typeOfWriter(0), tenant());
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> tornReads = new ArrayList<>();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 1; i <= writers; i++) {
            int writer = i;
            tasks.add(() -> {
                for (int round = 0; round < 3; round++) {
                    backend.put(key, new ByteArrayInputStream(uniform(size, writer)), size, typeOfWriter(writer),
                            tenant());
                }
                return null;
            });
        }
        ExecutorService readers = Executors.newFixedThreadPool(2);
        List<Future<Integer>> reads = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            reads.add(readers.submit(() -> {
                int count = 0;
                while (writing.get()) {
                    try (InputStream in = backend.get(key, tenant())) {
                        String problem = checkUniform(in.readAllBytes(), size);
                        if (problem != null) {
                            synchronized (tornReads) {
                                tornReads.add(problem);
                            }
                        }
                    }
                    count++;
                }
                return count;
            }));
        }
        try {
            runTogether(tasks);
        } finally {
            writing.set(false);
            readers.shutdown();
        }
        for (Future<Integer> read : reads) {
            read.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
        }

        assertThat(tornReads).as("reads that were not one writer's complete object").isEmpty();
        byte[] last = read(key, tenant());
        assertThat(checkUniform(last, size)).as("the object after every write finished").isNull();
        int winner = last[0];
        assertThat(winner).as("the writer whose object remained").isBetween(1, writers);
        assertThat(backend.stat(key, tenant())).hasValueSatisfying(o -> {
            assertThat(o.size()).isEqualTo(size);
            assertThat(o.contentType()).as("content type of the write whose bytes remained")
                    .isEqualTo(typeOfWriter(winner));
        });
    }

    @Test
    void aPutWhoseStreamFailsLeavesNoObject() throws Exception {
        String key = key(tenant(), "interrupted-upload.png");
        long size = 1024 * 1024;

        assertThatThrownBy(() -> backend.put(key, new GeneratedStream(size, 8, 256 * 1024), size, "image/png",
                tenant()))
                .as("put with a stream that fails midway")
                .isInstanceOf(StorageException.class);
        written.add(new Written(key, tenant()));

        assertThat(backend.stat(key, tenant())).isEmpty();
        assertThat(backend.exists(key, tenant())).isFalse();
        assertThatThrownBy(() -> backend.get(key, tenant())).isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void aPutWhoseStreamFailsKeepsThePreviousObject() throws Exception {
        String key = key(tenant(), "kept-on-failure.png");
        byte[] previous = bytes(2048, 9);
        put(key, previous, "image/png", tenant());
        long size = 1024 * 1024;

        assertThatThrownBy(() -> backend.put(key, new GeneratedStream(size, 10, 256 * 1024), size, "image/jpeg",
                tenant()))
                .isInstanceOf(StorageException.class);

        assertThat(read(key, tenant())).isEqualTo(previous);
        assertThat(backend.stat(key, tenant())).hasValueSatisfying(o -> {
            assertThat(o.size()).isEqualTo(previous.length);
            assertThat(o.contentType()).isEqualTo("image/png");
        });
    }

    @Test
    void aReadUrlIsEitherAbsentOrServesTheObjectUntilItExpires() throws Exception {
        String key = key(tenant(), "shared-link.png");
        byte[] content = bytes(10_000, 11);
        put(key, content, "image/png", tenant());

        Optional<URI> url = backend.readUrl(key, Duration.ofMinutes(5), tenant());
        if (url.isEmpty()) {
            return; // Allowed: the host streams the object itself.
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<byte[]> fetched = fetch(http, url.get());
        assertThat(fetched.statusCode()).as("GET " + url.get()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(content);

        Duration ttl = urlTtlForExpiryCheck();
        URI shortLived = backend.readUrl(key, ttl, tenant())
                .orElseThrow(() -> new AssertionError("readUrl gave a URL for a 5 minute ttl but none for " + ttl));
        Thread.sleep(ttl.plus(urlExpiryGrace()).toMillis());
        HttpResponse<byte[]> expired = fetch(http, shortLived);
        assertThat(expired.statusCode()).as("GET of a URL whose ttl of " + ttl + " has passed").isBetween(400, 499);
    }

    private StoredObject put(String key, byte[] content, String contentType, TenantContext tenant)
            throws StorageException {
        written.add(new Written(key, tenant));
        return backend.put(key, new ByteArrayInputStream(content), content.length, contentType, tenant);
    }

    private byte[] read(String key, TenantContext tenant) throws StorageException, IOException {
        try (InputStream in = backend.get(key, tenant)) {
            return in.readAllBytes();
        }
    }

    private void runTogether(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<Void> future : futures) {
                future.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpResponse<byte[]> fetch(HttpClient http, URI url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertNearNow(Instant lastModified, Instant before) {
        // Remote services keep their own clock and often whole seconds; a few minutes of tolerance still catch a
        // backend that reports a made-up or epoch time.
        assertThat(lastModified).as("lastModified").isBetween(before.minus(Duration.ofMinutes(5)),
                Instant.now().plus(Duration.ofMinutes(5)));
    }

    private static String typeOfWriter(int writer) {
        return "application/x-contract-writer-" + writer;
    }

    private static byte[] bytes(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return content;
    }

    private static byte[] uniform(int size, int writer) {
        byte[] content = new byte[size];
        java.util.Arrays.fill(content, (byte) writer);
        return content;
    }

    /** Null when {@code content} is one writer's complete object, else what is wrong with it. */
    private static String checkUniform(byte[] content, int size) {
        if (content.length != size) {
            return "read " + content.length + " bytes instead of " + size;
        }
        for (int i = 1; i < content.length; i++) {
            if (content[i] != content[0]) {
                return "bytes of writer " + content[0] + " and writer " + content[i] + " mixed at offset " + i;
            }
        }
        return null;
    }
}
