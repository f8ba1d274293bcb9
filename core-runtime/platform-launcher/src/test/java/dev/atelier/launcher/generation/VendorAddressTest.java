package dev.atelier.launcher.generation;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    private WireMockServer inside;
    private GenerationPlatform platform;

    @BeforeEach
    void start() throws Exception {
        inside = new WireMockServer(wireMockConfig().dynamicPort());
        inside.start();
        platform = GenerationPlatform.builder()
                .deploy("model-replicate.jar", "replicate-image", "replicate-video")
                .tenant(SLUG, "{id: replicate-image, credits: 2, config: {api_token: r8_secretToken,"
                        + " model: acme/painter, base_url: '" + SAVED + "'}}", "")
                .set("atelier.plugins.allow-private-addresses", "false")
                .start();
    }

    @AfterEach
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
        inside.stop();
    }

    @Test
    void aModelWhoseAddressNowPointsInsideTheNetworkIsNotCalledAndTheJobFailsWithItsCreditsReleased()
            throws Exception {
        pointSavedAddressAt(inside.baseUrl());
        User user = platform.user(SLUG, 10);

        String id = Jobs.accepted(user.submit("{\"model\":\"replicate-image\",\"prompt\":\"a lighthouse\"}"));

        JsonNode job = Jobs.awaitFinal(user, id);
        assertThat(job.get("status").asText()).as("job %s", job).isEqualTo("FAILED");
        assertThat(job.get("error").asText()).contains("not set up correctly").contains("credits were not used");
        assertThat(inside.getAllServeEvents()).as("requests that reached the inside address").isEmpty();
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
