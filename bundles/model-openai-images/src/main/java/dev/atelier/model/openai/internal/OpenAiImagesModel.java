package dev.atelier.model.openai.internal;

import static dev.atelier.spi.model.GenerationException.Kind.FAILED;
import static dev.atelier.spi.model.GenerationException.Kind.INVALID_INPUT;
import static dev.atelier.spi.model.GenerationException.Kind.TEMPORARY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.InputKind;
import dev.atelier.spi.model.InputMedia;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import dev.atelier.spi.plugin.PluginDescription;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Component;

/**
 * Images from a prompt through an OpenAI-compatible images API ({@code POST /v1/images/generations}), and edits of
 * uploaded pictures ({@code POST /v1/images/edits}). Which service, key and vendor model are used is each tenant's
 * plugin configuration, read on every call: see {@link ImagesSettings}.
 */
@Component(service = GenerationModel.class)
public final class OpenAiImagesModel implements GenerationModel {

    static final String ID = "openai-images";
    static final String SIZE = "size";
    static final String QUALITY = "quality";
    static final List<String> SIZES = List.of("1024x1024", "1536x1024", "1024x1536");
    static final List<String> QUALITIES = List.of("low", "medium", "high", "auto");

    /** Largest API answer read: a base64 PNG of the largest size is far below. */
    static final long MAX_RESPONSE_BYTES = 64L * 1024 * 1024;
    /** Largest picture downloaded from a {@code url} item. */
    static final long DEFAULT_MAX_DOWNLOAD_BYTES = 50L * 1024 * 1024;
    /** The edits endpoint takes pictures up to 50 MB, at most 16 of them. */
    static final long MAX_INPUT_BYTES = 50L * 1024 * 1024;
    static final int MAX_INPUT_IMAGES = 16;
    private static final Map<String, String> INPUT_FILE_NAMES =
            Map.of("image/png", "png", "image/jpeg", "jpg", "image/webp", "webp");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private final ModelDescriptor descriptor;
    private final ObjectMapper json = new ObjectMapper();
    private final ImagesClient client;
    private final long maxDownloadBytes;
    private final String userAgent;

    /** Used by Declarative Services; the model version is the Bundle-Version of this build. */
    public OpenAiImagesModel() {
        this(buildVersion(), DEFAULT_MAX_DOWNLOAD_BYTES);
    }

    OpenAiImagesModel(String version, long maxDownloadBytes) {
        this.descriptor = ModelDescriptor.builder(ID)
                .name("OpenAI Images")
                .description("Pictures from your prompt by OpenAI's image model; add a picture of yours to have it "
                        + "edited as the prompt says.")
                .version(version)
                .output(MediaKind.IMAGE)
                .accepts(InputKind.IMAGE)
                .parameter(ParameterSpec.choice(SIZE, "Size (px)", SIZES, "1024x1024")
                        .withDescription("Square, landscape or portrait."))
                .parameter(ParameterSpec.choice(QUALITY, "Quality", QUALITIES, "auto")
                        .withDescription("Higher quality takes longer; auto lets the model choose."))
                .defaultCreditCost(4)
                .timeLimit(Duration.ofMinutes(5))
                .build();
        this.maxDownloadBytes = maxDownloadBytes;
        this.userAgent = "Atelier-" + ID + "/" + version;
        this.client = new ImagesClient(new LazyHttpClient(HttpClient.Redirect.NEVER),
                new LazyHttpClient(HttpClient.Redirect.NORMAL), new ApiErrors(json), Clock.systemUTC());
    }

    @Override
    public PluginDescription description() {
        return ImagesSettings.DESCRIPTION;
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public GenerationResult generate(GenerationRequest request, GenerationContext context)
            throws GenerationException {
        context.throwIfCancelled();
        ImagesSettings settings = ImagesSettings.of(context.tenant());
        String size = choice(request, SIZE, SIZES);
        String quality = choice(request, QUALITY, QUALITIES);
        List<InputMedia> pictures = request.inputs().stream().filter(i -> i.kind() == MediaKind.IMAGE).toList();
        byte[] answer;
        if (pictures.isEmpty()) {
            context.progress(5, "Sending your prompt");
            context.throwIfCancelled();
            byte[] body = generationsBody(settings, request.prompt(), size, quality);
            answer = client.call(() -> api(settings, "/v1/images/generations", "application/json", body),
                    MAX_RESPONSE_BYTES, settings, context);
        } else {
            MultipartBody body = editsBody(settings, request.prompt(), size, quality, pictures);
            context.progress(5, "Sending your prompt and picture");
            context.throwIfCancelled();
            byte[] bytes = body.toByteArray();
            answer = client.call(() -> api(settings, "/v1/images/edits", body.contentType(), bytes),
                    MAX_RESPONSE_BYTES, settings, context);
        }
        byte[] image = picture(answer, context);
        context.progress(90, "Decoding the picture");
        ImageSize dimensions = ImageSize.of(image).orElseThrow(() -> new GenerationException(FAILED,
                "The image service sent a picture in a format this site cannot store."));
        context.throwIfCancelled();
        return GenerationResult.of(
                GeneratedMedia.image(dimensions.mediaType(), image, dimensions.width(), dimensions.height()));
    }

    private byte[] generationsBody(ImagesSettings settings, String prompt, String size, String quality) {
        ObjectNode body = json.createObjectNode()
                .put("model", settings.model())
                .put("prompt", prompt)
                .put("size", size)
                .put("quality", quality)
                .put("n", 1);
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MultipartBody editsBody(ImagesSettings settings, String prompt, String size, String quality,
            List<InputMedia> pictures) throws GenerationException {
        if (pictures.size() > MAX_INPUT_IMAGES) {
            throw new GenerationException(INVALID_INPUT, "Please give at most " + MAX_INPUT_IMAGES + " pictures.");
        }
        MultipartBody body = new MultipartBody()
                .field("model", settings.model())
                .field("prompt", prompt)
                .field("size", size)
                .field("quality", quality)
                .field("n", "1");
        int number = 1;
        for (InputMedia picture : pictures) {
            String extension = INPUT_FILE_NAMES.get(picture.mediaType());
            if (extension == null) {
                throw new GenerationException(INVALID_INPUT,
                        "The image service edits PNG, JPEG and WebP pictures only; please upload one of those.");
            }
            if (picture.size() > MAX_INPUT_BYTES) {
                throw new GenerationException(INVALID_INPUT, "The picture is too large to edit: at most "
                        + MAX_INPUT_BYTES / (1024 * 1024) + " MB.");
            }
            body.file("image[]", "input-" + number++ + "." + extension, picture.mediaType(), read(picture));
        }
        return body;
    }

    private static byte[] read(InputMedia picture) throws GenerationException {
        try (InputStream in = picture.open()) {
            byte[] content = in.readNBytes((int) MAX_INPUT_BYTES + 1);
            if (content.length > MAX_INPUT_BYTES) {
                throw new GenerationException(INVALID_INPUT, "The picture is too large to edit.");
            }
            return content;
        } catch (IOException e) {
            throw new GenerationException(INVALID_INPUT, "The uploaded picture could not be read.", e);
        }
    }

    private HttpRequest.Builder api(ImagesSettings settings, String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.endpoint(path))
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        settings.organization().ifPresent(organization -> builder.header("OpenAI-Organization", organization));
        return builder;
    }

    /** The first picture of the answer: inline base64 ({@code b64_json}) or a link to fetch ({@code url}). */
    private byte[] picture(byte[] answer, GenerationContext context) throws GenerationException {
        JsonNode first;
        try {
            first = json.readTree(answer).path("data").path(0);
        } catch (IOException e) {
            throw new GenerationException(TEMPORARY, "The image service sent an answer this site cannot read. "
                    + "Please try again.", e);
        }
        String b64 = first.path("b64_json").asText("");
        if (!b64.isEmpty()) {
            try {
                return Base64.getMimeDecoder().decode(b64);
            } catch (IllegalArgumentException e) {
                throw new GenerationException(TEMPORARY, "The image service sent a damaged picture. Please try "
                        + "again.", e);
            }
        }
        String url = first.path("url").asText("");
        if (url.isEmpty()) {
            throw new GenerationException(FAILED, "The image service sent no picture.");
        }
        URI link;
        try {
            link = URI.create(url);
        } catch (IllegalArgumentException e) {
            link = null;
        }
        if (link == null || link.getHost() == null
                || !("https".equals(link.getScheme()) || "http".equals(link.getScheme()))) {
            throw new GenerationException(FAILED, "The image service sent a link to its picture that this site "
                    + "cannot follow.");
        }
        context.progress(80, "Fetching the picture");
        return client.download(HttpRequest.newBuilder(link).header("User-Agent", userAgent).GET(), maxDownloadBytes,
                context);
    }

    /** A declared choice as the host validated it; checked again because a wrong value would cost a paid call. */
    private static String choice(GenerationRequest request, String name, List<String> allowed)
            throws GenerationException {
        String value = request.stringParameter(name).orElse(null);
        if (value == null || !allowed.contains(value)) {
            throw new GenerationException(INVALID_INPUT, "The " + name + " must be one of "
                    + String.join(", ", allowed) + ".");
        }
        return value;
    }

    static String buildVersion() {
        Properties build = new Properties();
        try (InputStream in = OpenAiImagesModel.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the model bundle");
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bundleVersion(build.getProperty("version"), build.getProperty("snapshot-qualifier"));
    }

    /** The Bundle-Version bnd writes for a Maven version: a snapshot gets the build's time as qualifier. */
    static String bundleVersion(String mavenVersion, String snapshotQualifier) {
        return mavenVersion.endsWith("-SNAPSHOT")
                ? mavenVersion.substring(0, mavenVersion.length() - "-SNAPSHOT".length()) + "." + snapshotQualifier
                : mavenVersion;
    }

    /**
     * The HTTP client, made at the first call: making it starts a selector thread, which component activation (on
     * the plugin host's start-up thread) should not pay for.
     */
    private static final class LazyHttpClient implements Supplier<HttpClient> {
        private final HttpClient.Redirect redirects;
        private HttpClient client;

        LazyHttpClient(HttpClient.Redirect redirects) {
            this.redirects = redirects;
        }

        @Override
        public synchronized HttpClient get() {
            if (client == null) {
                client = HttpClient.newBuilder()
                        .connectTimeout(CONNECT_TIMEOUT)
                        .followRedirects(redirects)
                        .build();
            }
            return client;
        }
    }
}
