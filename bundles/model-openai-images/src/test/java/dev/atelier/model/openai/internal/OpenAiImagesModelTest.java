package dev.atelier.model.openai.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.InputKind;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import dev.atelier.spi.tenant.TenantContext;
import dev.atelier.spi.testkit.GenerationModelContract;
import dev.atelier.spi.testkit.TestMedia;
import dev.atelier.spi.testkit.TestTenantContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The host's contract, against the model talking to a replayed images API. */
class OpenAiImagesModelTest extends GenerationModelContract {

    @RegisterExtension
    static final WireMockExtension API = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private static final byte[] PICTURE = TestMedia.png(1024, 1024);

    @BeforeEach
    void replayTheGenerationsEndpoint() {
        API.stubFor(post(urlEqualTo("/v1/images/generations")).willReturn(okJson(ApiAnswers.b64Answer(PICTURE))));
    }

    @Override
    protected GenerationModel createModel() {
        return new OpenAiImagesModel();
    }

    @Override
    protected TenantContext tenant() {
        return TestTenantContext.withConfig(Map.of("base_url", API.baseUrl(), "api_key", "sk-test-contract"));
    }

    @Test
    void offersSizeAndQualityChoicesForTextAndPictureInput() {
        ModelDescriptor descriptor = model.descriptor();

        assertThat(descriptor.id()).isEqualTo("openai-images");
        assertThat(descriptor.output()).isEqualTo(MediaKind.IMAGE);
        assertThat(descriptor.inputs()).containsExactlyInAnyOrder(InputKind.TEXT, InputKind.IMAGE);
        assertThat(descriptor.parameters()).extracting(ParameterSpec::name).containsExactly("size", "quality");
        ParameterSpec size = descriptor.parameters().get(0);
        assertThat(size.type()).isEqualTo(ParameterSpec.Type.CHOICE);
        assertThat(size.choices()).containsExactly("1024x1024", "1536x1024", "1024x1536");
        assertThat(size.defaultValue()).isEqualTo("1024x1024");
        ParameterSpec quality = descriptor.parameters().get(1);
        assertThat(quality.choices()).containsExactly("low", "medium", "high", "auto");
        assertThat(quality.defaultValue()).isEqualTo("auto");
    }

    @Test
    void returnsThePictureTheServiceSentWithItsSize() throws Exception {
        GenerationResult result = model.generate(request(model.descriptor()), newContext());

        assertThat(result.outputs()).hasSize(1);
        assertThat(result.outputs().get(0).mediaType()).isEqualTo("image/png");
        assertThat(result.outputs().get(0).width()).isEqualTo(1024);
        assertThat(result.outputs().get(0).height()).isEqualTo(1024);
        try (InputStream in = result.outputs().get(0).open()) {
            assertThat(in.readAllBytes()).isEqualTo(PICTURE);
        }
    }

    @Test
    void describesItselfWithTheBundleVersionOfThisBuild() throws Exception {
        Manifest manifest;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }

        assertThat(model.descriptor().version())
                .isEqualTo(manifest.getMainAttributes().getValue("Bundle-Version"));
    }
}
