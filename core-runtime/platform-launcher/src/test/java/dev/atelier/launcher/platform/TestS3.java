package dev.atelier.launcher.platform;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * An object store the nodes of a test share, as a cluster's nodes share one in production: S3Proxy on a free loopback
 * port with an in-memory blob store, one bucket, V4 signatures. Tenants use it through the {@code storage-s3} bundle
 * (see {@link #storageYaml()}).
 */
public final class TestS3 implements AutoCloseable {

    private static final String ACCESS_KEY = "atelier-cluster-test";
    private static final String SECRET_KEY = "atelier-cluster-test-secret";
    private static final String BUCKET = "atelier-cluster";

    private final S3Proxy proxy;
    private final BlobStore store;

    private TestS3(S3Proxy proxy, BlobStore store) {
        this.proxy = proxy;
        this.store = store;
    }

    /** Starts the server and makes its bucket; fails with a message saying what did not start. */
    public static TestS3 start() {
        BlobStore store = new TransientNio2BlobStore();
        store.createContainer(BUCKET);
        S3Proxy proxy = S3Proxy.builder().blobStore(store)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start within 20 s: " + proxy.getState());
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy, the tests' object store, did not start", e);
        }
        return new TestS3(proxy, store);
    }

    /** The {@code storage:} entry of a tenant's {@code tenant.yaml} that keeps its files in this server's bucket. */
    public String storageYaml() {
        return """
                storage: {plugin: s3, config: {bucket: %s, endpoint: "http://127.0.0.1:%d", path_style: true,
                          access_key_id: %s, secret_access_key: %s}}
                """.formatted(BUCKET, proxy.getPort(), ACCESS_KEY, SECRET_KEY);
    }

    /** How many objects the bucket holds (up to a thousand), looked at behind the platform's back. */
    public int objectCount() {
        return store.list(BUCKET).contents().size();
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
