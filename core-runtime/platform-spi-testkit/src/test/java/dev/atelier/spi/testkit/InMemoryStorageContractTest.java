package dev.atelier.spi.testkit;

import com.sun.net.httpserver.HttpServer;
import dev.atelier.spi.storage.ObjectNotFoundException;
import dev.atelier.spi.storage.StorageBackend;
import dev.atelier.spi.storage.StorageException;
import dev.atelier.spi.storage.StoredObject;
import dev.atelier.spi.tenant.TenantContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the storage contract against the smallest backend that honours it, one that also hands out expiring URLs, so
 * the kit itself is known to pass a good backend and its URL checks really run.
 */
class InMemoryStorageContractTest extends StorageBackendContract {

    @Override
    protected StorageBackend createBackend() throws IOException {
        return new InMemoryStorage();
    }

    /** Objects in a map (whole object per entry, so replacing one is atomic), URLs served by the JDK's HTTP server. */
    private static final class InMemoryStorage implements StorageBackend, AutoCloseable {

        private record Entry(byte[] content, StoredObject object) {}

        private record Link(String tenantKey, Instant expires) {}

        private final Map<String, Entry> objects = new ConcurrentHashMap<>();
        private final Map<String, Link> links = new ConcurrentHashMap<>();
        private final HttpServer server;

        InMemoryStorage() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/links/", exchange -> {
                String token = exchange.getRequestURI().getPath().substring("/links/".length());
                Link link = links.get(token);
                Entry entry = link == null || Instant.now().isAfter(link.expires()) ? null : objects.get(link.tenantKey());
                if (entry == null) {
                    exchange.sendResponseHeaders(403, -1);
                } else {
                    exchange.getResponseHeaders().set("Content-Type", entry.object().contentType());
                    exchange.sendResponseHeaders(200, entry.content().length == 0 ? -1 : entry.content().length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(entry.content());
                    }
                }
                exchange.close();
            });
            server.start();
        }

        @Override
        public StoredObject put(String key, InputStream content, long length, String contentType, TenantContext tenant)
                throws StorageException {
            byte[] bytes;
            try {
                bytes = content.readAllBytes();
            } catch (IOException e) {
                throw new StorageException("could not read the content of " + key + ": " + e.getMessage(), e);
            }
            if (bytes.length != length) {
                throw new StorageException("expected " + length + " bytes for " + key + ", got " + bytes.length);
            }
            StoredObject object = new StoredObject(key, length, contentType, Instant.now());
            objects.put(tenant.tenantId() + "/" + key, new Entry(bytes, object));
            return object;
        }

        @Override
        public InputStream get(String key, TenantContext tenant) throws StorageException {
            Entry entry = objects.get(tenant.tenantId() + "/" + key);
            if (entry == null) {
                throw new ObjectNotFoundException(key);
            }
            return new ByteArrayInputStream(entry.content());
        }

        @Override
        public Optional<StoredObject> stat(String key, TenantContext tenant) {
            return Optional.ofNullable(objects.get(tenant.tenantId() + "/" + key)).map(Entry::object);
        }

        @Override
        public boolean delete(String key, TenantContext tenant) {
            return objects.remove(tenant.tenantId() + "/" + key) != null;
        }

        @Override
        public Optional<URI> readUrl(String key, Duration ttl, TenantContext tenant) {
            String token = UUID.randomUUID().toString();
            links.put(token, new Link(tenant.tenantId() + "/" + key, Instant.now().plus(ttl)));
            return Optional.of(URI.create("http://" + server.getAddress().getHostString() + ":"
                    + server.getAddress().getPort() + "/links/" + token));
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
