package dev.atelier.storage.s3.internal;

import dev.atelier.storage.s3.internal.S3Settings.ClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * One {@link S3Client} and {@link S3Presigner} per distinct {@link ClientSettings}, at most {@link #MAX_CLIENTS} of
 * them; the least recently used is closed when a new one is needed, once no call uses it any more.
 */
final class S3Clients implements AutoCloseable {

    static final int MAX_CLIENTS = 64;

    private static final System.Logger LOG = System.getLogger(S3Clients.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Longest silence on an open connection; bounds every call without cutting a long, steady transfer short. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private final Function<ClientSettings, Pair> factory;
    private final Map<ClientSettings, Pair> pairs = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    S3Clients() {
        this(S3Clients::build);
    }

    S3Clients(Function<ClientSettings, Pair> factory) {
        this.factory = factory;
    }

    /** The clients for these settings, in use until the lease is closed. */
    Lease lease(ClientSettings settings) {
        List<Pair> evicted = new ArrayList<>();
        Pair pair;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the S3 storage backend was stopped");
            }
            pair = pairs.get(settings);
            if (pair == null) {
                pair = factory.apply(settings);
                pairs.put(settings, pair);
                var eldest = pairs.entrySet().iterator();
                while (pairs.size() > MAX_CLIENTS) {
                    evicted.add(eldest.next().getValue());
                    eldest.remove();
                }
            }
            pair.acquire();
        }
        evicted.forEach(Pair::retire);
        return new Lease(pair);
    }

    /** How many settings have clients now. */
    synchronized int size() {
        return pairs.size();
    }

    @Override
    public void close() {
        List<Pair> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(pairs.values());
            pairs.clear();
        }
        all.forEach(Pair::retire);
    }

    private static Pair build(ClientSettings settings) {
        LOG.log(System.Logger.Level.INFO, "Creating {0}", settings);
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
        Region region = Region.of(settings.region());
        var client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build())
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle());
        var presigner = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
        if (settings.endpoint() != null) {
            client.endpointOverride(settings.endpoint());
            presigner.endpointOverride(settings.endpoint());
            // S3-compatible services (older MinIO, S3Proxy, some R2 paths) refuse the trailing checksums the SDK
            // sends by default; send and check checksums only where the API requires them.
            client.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return new Pair(client.build(), presigner.build(), settings.toString());
    }

    /** A client and presigner for one set of settings, closed once retired and no longer in use. */
    static final class Pair {

        final S3Client client;
        final S3Presigner presigner;
        private final String name;
        private int users;
        private boolean retired;

        Pair(S3Client client, S3Presigner presigner, String name) {
            this.client = client;
            this.presigner = presigner;
            this.name = name;
        }

        synchronized void acquire() {
            users++;
        }

        synchronized void retire() {
            retired = true;
            closeIfIdle();
        }

        synchronized void release() {
            users--;
            closeIfIdle();
        }

        synchronized boolean isClosed() {
            return retired && users == 0;
        }

        private void closeIfIdle() {
            if (retired && users == 0) {
                try {
                    client.close();
                    presigner.close();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Could not close {0}: {1}", name, e.getMessage());
                }
            }
        }
    }

    /** The use of one {@link Pair} by one call. */
    static final class Lease implements AutoCloseable {

        private final Pair pair;
        private boolean released;

        Lease(Pair pair) {
            this.pair = pair;
        }

        S3Client client() {
            return pair.client;
        }

        S3Presigner presigner() {
            return pair.presigner;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                pair.release();
            }
        }
    }
}
