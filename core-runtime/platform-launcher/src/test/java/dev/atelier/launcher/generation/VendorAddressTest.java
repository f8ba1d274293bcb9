package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A model's vendor address is checked again before every run, not only when it was saved: a name that pointed at a
 * public vendor then may point inside the network now (DNS rebinding), and the platform must not send the tenant's
 * credentials there. Here the saved address passed the check (its name did not resolve) and the stored settings then
 * point at a loopback server, as the name would once it resolved there.
 */
class VendorAddressTest {

    private static final String SLUG = "rebindstudio";
    // .invalid never resolves, so it passes the check made when the folder is applied.
    private static final String SAVED = "https://vendor.invalid";

    /** WireMock stands for a server inside the network. */
    @RegisterExtension
    final TestPlatform platform = TestPlatform.builder().defaultBundles().wireMock()
            .bundle("model-replicate.jar", "replicate-image", "replicate-video")
            .studio(SLUG, "{id: replicate-image, credits: 2, config: {api_token: r8_secretToken,"
                    + " model: acme/painter, base_url: '" + SAVED + "'}}", "")
            .set("atelier.plugins.allow-private-addresses", "false")
            .build();

    @Test
    void aModelWhoseAddressNowPointsInsideTheNetworkIsNotCalledAndTheJobFailsWithItsCreditsReleased()
            throws Exception {
        pointSavedAddressAt(platform.wireMock().baseUrl());
        User user = platform.user(SLUG, 10);

        String id = Jobs.accepted(user.submit("{\"model\":\"replicate-image\",\"prompt\":\"a lighthouse\"}"));

        JsonNode job = Jobs.awaitFinal(user, id);
        assertThat(job.get("status").asText()).as("job %s", job).isEqualTo("FAILED");
        assertThat(job.get("error").asText()).contains("not set up correctly").contains("credits were not used");
        assertThat(platform.wireMock().getAllServeEvents()).as("requests that reached the inside address").isEmpty();
        assertThat(platform.balance(user)).isEqualTo(10);
    }

    private void pointSavedAddressAt(String address) throws SQLException {
        try (Connection connection = platform.atelier().database().dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE tenant SET document = replace(document, ?, ?) WHERE slug = ?")) {
            update.setString(1, SAVED);
            update.setString(2, address);
            update.setString(3, SLUG);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        platform.atelier().tenants().reload();
    }
}
