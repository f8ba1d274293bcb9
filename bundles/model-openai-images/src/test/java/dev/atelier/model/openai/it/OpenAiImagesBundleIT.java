package dev.atelier.model.openai.it;

import static dev.atelier.spi.testkit.osgi.FelixContainer.assertActive;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertExportsNothing;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsMention;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsNone;
import static dev.atelier.spi.testkit.osgi.FelixContainer.assertImportsOnly;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.testkit.TestGenerationContext;
import dev.atelier.spi.testkit.TestTenantContext;
import dev.atelier.spi.testkit.osgi.ModelBundleTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The built bundle inside a real Felix with SCR and nothing of the host but platform-api: it resolves, starts,
 * registers the {@code openai-images} model, and generates through its embedded Jackson against a local stand-in for
 * the images API. The bundles come as files prepared by the build (see the POM).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OpenAiImagesBundleIT extends ModelBundleTest {

    private static final String SYMBOLIC_NAME = "dev.atelier.model.openai.images";
    /** A real 1 × 1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public OpenAiImagesBundleIT() {
        super(SYMBOLIC_NAME, "openai-images");
    }

    @Test
    public void bundleResolvesAndStartsWithOnlyPlatformApiFromTheHost() {
        Bundle bundle = modelBundle();

        assertActive(bundle);
        assertImportsMention(bundle, "dev.atelier.spi.model");
        // Only the SPI and JDK packages.
        assertImportsOnly(bundle, "dev.atelier.spi.", "java.", "javax.xml.", "org.w3c.", "org.xml.");
        assertImportsNone(bundle, "com.fasterxml");
        assertExportsNothing(bundle);
    }

    @Test
    public void generatesThroughTheEmbeddedJsonLibraryInsideTheContainer() throws Exception {
        String answer = "{\"created\":1713833628,\"data\":[{\"b64_json\":\""
                + Base64.getEncoder().encodeToString(PNG) + "\"}]}";
        AtomicReference<String> received = new AtomicReference<>();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread responder = new Thread(() -> answerOnce(server, answer, received), "images-api-stand-in");
            responder.setDaemon(true);
            responder.start();
            String baseUrl = "http://127.0.0.1:" + server.getLocalPort();

            GenerationResult result = anyModel.generate(
                    GenerationRequest.of("a lighthouse", Map.of("size", "1024x1024", "quality", "low")),
                    context(Map.of("base_url", baseUrl, "api_key", "sk-it")));

            GeneratedMedia png = result.outputs().get(0);
            assertEquals("image/png", png.mediaType());
            assertEquals(1, png.width());
            assertEquals(1, png.height());
            try (InputStream in = png.open()) {
                assertArrayEquals(PNG, in.readAllBytes());
            }
            responder.join(5_000);
        }
        String request = received.get();
        assertNotNull("the model sent nothing", request);
        assertTrue(request, request.startsWith("POST /v1/images/generations "));
        assertTrue(request, request.contains("\"model\":\"gpt-image-1\""));
        assertTrue(request, request.contains("\"quality\":\"low\""));
    }

    @Test
    public void declaresItsSettingsAndOpenAiAsTheProcessor() {
        assertEquals("OpenAI, L.L.C.", anyModel.description().disclosures().get(0).processor());
        assertTrue(anyModel.description().settings().setting("api_key").orElseThrow().isSecret());
    }

    @Test
    public void aMissingKeyFailsInsideTheContainerToo() {
        try {
            anyModel.generate(GenerationRequest.of("a lighthouse", Map.of("size", "1024x1024", "quality", "auto")),
                    context(Map.of()));
            fail("generated without an api_key");
        } catch (GenerationException e) {
            assertEquals(GenerationException.Kind.FAILED, e.kind());
        }
    }

    /** Reads one HTTP/1.1 request (headers, then Content-Length bytes) and answers it with {@code json}. */
    private static void answerOnce(ServerSocket server, String json, AtomicReference<String> received) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.write(b);
            }
            String headers = head.toString(StandardCharsets.ISO_8859_1);
            int length = 0;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            byte[] body = in.readNBytes(length);
            received.set(headers + new String(body, StandardCharsets.UTF_8));
            byte[] answer = json.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + answer.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(answer);
            out.flush();
        } catch (IOException e) {
            received.compareAndSet(null, "stand-in failed: " + e);
        }
    }

    /** A call for a tenant whose settings for the model are {@code config}, as the host would make it. */
    private static TestGenerationContext context(Map<String, String> config) {
        return TestGenerationContext.create(TestTenantContext.withConfig(config), Duration.ofSeconds(30));
    }
}
