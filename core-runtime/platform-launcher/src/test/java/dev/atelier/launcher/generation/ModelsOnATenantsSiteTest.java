package dev.atelier.launcher.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.launcher.platform.TestPlatform;
import dev.atelier.launcher.platform.User;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/models} on a tenant's site lists what its users may submit: the models that tenant offers, with
 * its prices. The list of every deployed model stays on hosts that are nobody's site (the operator's, localhost).
 */
class ModelsOnATenantsSiteTest {

    private static final String PICTURES = "picturestudio";
    private static final String FILMS = "filmstudio";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles()
            .studio(PICTURES, "{id: procedural, credits: 4, steps: [{up_to: 256x256, credits: 1}]}", "")
            .studio(FILMS, "{id: procedural-video, credits: 6}", "")
            .build();

    @Test
    void aTenantsSiteListsItsOffersWithItsPrices() throws Exception {
        JsonNode pictures = json(TestPlatform.hostOf(PICTURES), "/api/v1/models");
        JsonNode films = json(TestPlatform.hostOf(FILMS), "/api/v1/models");

        assertThat(ids(pictures)).containsExactly("procedural");
        JsonNode price = pictures.at("/items/0/price");
        assertThat(price.get("credits").asLong()).isEqualTo(4);
        assertThat(price.get("lowest").asLong()).isEqualTo(1);
        assertThat(price.get("highest").asLong()).isEqualTo(4);
        assertThat(price.at("/steps/0/up_to").asText()).isEqualTo("256x256");
        assertThat(price.at("/steps/0/credits").asLong()).isEqualTo(1);
        assertThat(pictures.at("/items/0/parameters")).isNotEmpty();
        assertThat(ids(films)).containsExactly("procedural-video");
        assertThat(films.at("/items/0/price/credits").asLong()).isEqualTo(6);
    }

    @Test
    void aModelTheTenantDoesNotOfferIsNotFoundOnItsSite() throws Exception {
        HttpResponse<String> offered = platform.get(TestPlatform.hostOf(PICTURES), "/api/v1/models/procedural");
        HttpResponse<String> notOffered = platform.get(TestPlatform.hostOf(PICTURES),
                "/api/v1/models/procedural-video");

        assertThat(offered.statusCode()).isEqualTo(200);
        assertThat(User.JSON.readTree(offered.body()).at("/price/credits").asLong()).isEqualTo(4);
        assertThat(notOffered.statusCode()).isEqualTo(404);
        assertThat(notOffered.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void hostsThatAreNobodysSiteListEveryDeployedModelWithoutPrices() throws Exception {
        JsonNode all = User.JSON.readTree(platform.operator().get("/api/v1/models").body());
        JsonNode local = json("localhost", "/api/v1/models");

        assertThat(ids(all)).contains("procedural", "procedural-video");
        assertThat(ids(local)).isEqualTo(ids(all));
        assertThat(all.at("/items/0").has("price")).isFalse();
    }

    private static JsonNode json(String host, String path) throws Exception {
        HttpResponse<String> response = platform.get(host, path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return User.JSON.readTree(response.body());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
