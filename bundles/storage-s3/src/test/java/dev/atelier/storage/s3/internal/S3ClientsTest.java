package dev.atelier.storage.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.storage.s3.internal.S3Settings.ClientSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class S3ClientsTest {

    @Test
    void closesTheLeastRecentlyUsedClientsBeyondTheLimitOnceNoCallUsesThem() {
        List<S3Clients.Pair> built = new ArrayList<>();
        try (S3Client client = S3Client.builder().region(Region.US_EAST_1).build();
                S3Presigner presigner = S3Presigner.builder().region(Region.US_EAST_1).build();
                S3Clients clients = new S3Clients(settings -> {
                    S3Clients.Pair pair = new S3Clients.Pair(client, presigner, settings.toString());
                    built.add(pair);
                    return pair;
                })) {
            S3Clients.Lease running = clients.lease(settings(0));
            for (int i = 1; i <= S3Clients.MAX_CLIENTS; i++) {
                clients.lease(settings(i)).close();
            }

            assertThat(clients.size()).isEqualTo(S3Clients.MAX_CLIENTS);
            assertThat(built.get(0).isClosed()).as("evicted while a call still uses it").isFalse();
            running.close();
            assertThat(built.get(0).isClosed()).as("evicted, and its call ended").isTrue();
            assertThat(built.get(1).isClosed()).isFalse();
        }
    }

    @Test
    void neverPutsTheSecretInItsDescription() {
        assertThat(settings(1).toString()).contains("key id-1").doesNotContain("secret");
    }

    private static ClientSettings settings(int n) {
        return new ClientSettings("us-east-1", URI.create("http://127.0.0.1:9"), true, "id-" + n, "secret-" + n);
    }
}
