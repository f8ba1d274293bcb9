package dev.atelier.launcher.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.DemoPlatform;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * The cross-tenant isolation check every tenant-owned endpoint must pass: an object created in tenant A is invisible
 * from tenant B — 404 (never 403, which would confirm it exists) by id, and absent from B's lists.
 *
 * <p>To cover a new endpoint, describe it as an {@link Endpoint} and call {@link #assertIsolated}.
 */
public final class TenantIsolationKit {

    /** One tenant-owned endpoint under test. */
    public interface Endpoint {

        /** Short name for failure messages. */
        String name();

        /**
         * Creates (or finds) an object owned by the tenant on {@code host} and returns the path that reads it by id,
         * for example {@code /brand/ab12....svg} or {@code /api/v1/generations/gen_...}.
         */
        String createIn(DemoPlatform platform, String host) throws Exception;

        /** The path of the list the object appears in, if the endpoint has one. */
        default Optional<String> listPath() {
            return Optional.empty();
        }
    }

    private final DemoPlatform platform;

    public TenantIsolationKit(DemoPlatform platform) {
        this.platform = platform;
    }

    /** Creates the object on {@code ownerHost} and checks that {@code otherHost} cannot see it. */
    public void assertIsolated(Endpoint endpoint, String ownerHost, String otherHost) throws Exception {
        String path = endpoint.createIn(platform, ownerHost);

        HttpResponse<String> own = platform.get(ownerHost, path);
        assertThat(own.statusCode()).as("%s: the owner reads %s", endpoint.name(), path).isEqualTo(200);

        HttpResponse<String> foreign = platform.get(otherHost, path);
        assertThat(foreign.statusCode()).as("%s: another tenant reads %s", endpoint.name(), path).isEqualTo(404);

        String id = path.substring(path.lastIndexOf('/') + 1);
        if (endpoint.listPath().isPresent()) {
            String list = endpoint.listPath().get();
            assertThat(platform.get(ownerHost, list).body()).as("%s: owner's list", endpoint.name()).contains(id);
            assertThat(platform.get(otherHost, list).body()).as("%s: other tenant's list", endpoint.name())
                    .doesNotContain(id);
        }
    }
}
